-module(list_string_latin1).
-export([main/0, id/1]).

%% erlang:display/1 treats a list of Latin-1 printable characters
%% (160..255) as a string and writes those characters as single raw bytes
%% (not UTF-8); code points above 255 make the list print as integers.
%% Atoms, on the other hand, are written in UTF-8.

id(X) -> X.

main() ->
    erlang:display(id([233])),
    erlang:display(id([$c, $a, $f, 233])),
    erlang:display(id([160, 255])),
    erlang:display(id([128])),
    erlang:display(id([159])),
    erlang:display(id([$a, 256])),
    erlang:display(id([255, 256])),
    erlang:display(list_to_atom(id([$c, $a, $f, 233]))),
    erlang:display(atom_to_list(list_to_atom(id([233, 1000])))),
    erlang:display(length(atom_to_list(list_to_atom(id([233, 1000]))))),
    ok.
