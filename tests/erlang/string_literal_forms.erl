-module(string_literal_forms).
-export([main/0, id/1]).

%% String and character literal syntax: adjacent string concatenation,
%% escapes (\n \t \\ \" \e \s \x{..} octal, control chars \^A), empty
%% strings, and their display.

id(X) -> X.

main() ->
    erlang:display("abc" "def"),
    erlang:display("multi"
                   "part"
                   " string"),
    erlang:display("\x41\x{42}\103"),
    erlang:display("\s\\\""),
    erlang:display([$\^A, $\^Z, $\d, $\b, $\f, $\v]),
    erlang:display("\x{3b1}\x{3b2}"),
    erlang:display(length("\x{1F600}")),
    erlang:display(id("") =:= []),
    erlang:display(id("a") =:= [97]),
    erlang:display([$", $', $\\]),
    erlang:display('quoted atom with \'escapes\' and \\'),
    erlang:display({"nested \"quotes\"", 'a\"b'}),
    erlang:display(lists:reverse(id("\tx\ny"))),
    ok.
