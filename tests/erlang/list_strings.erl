-module(list_strings).
-export([main/0, id/1]).

%% Strings are lists of code points; erlang:display/1 prints a list as a
%% string only when every element is a printable Latin-1 character.
%% Note: \n is written as the two characters \n, a tab is written raw.

id(X) -> X.

main() ->
    erlang:display(id("hello")),
    erlang:display(id("")),
    erlang:display(id("a\nb")),
    erlang:display(id("tab\there")),
    erlang:display(id("quote\"inside")),
    erlang:display(id("back\\slash")),
    erlang:display(id([1000])),
    erlang:display(id([$a, $b, 1000])),
    erlang:display(id([$a, 0])),
    erlang:display(id([7])),
    erlang:display(id("\e")),
    erlang:display(id([31])),
    erlang:display(id([32])),
    erlang:display(id([126])),
    erlang:display(id([127])),
    erlang:display(id([$a, -1])),
    erlang:display(id(["nested", "strings"])),
    erlang:display(id({"in", "tuple"})),
    erlang:display(id("multi\nline\ntext")),
    erlang:display(lists:seq(id(32), id(126))),
    erlang:display(id("hello") ++ id(" ") ++ id("world")),
    erlang:display(length(id("hello"))),
    erlang:display(id([$h | "ello"])),
    erlang:display(hd(id("abc"))),
    ok.
