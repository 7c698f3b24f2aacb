-module(atom_display_quoting).
-export([main/0, id/1]).

%% How erlang:display/1 writes atoms: quotes when the atom is not a plain
%% lowercase identifier, escapes inside quotes. Note that display (unlike
%% io_lib) does not quote reserved words such as 'case' or 'end'.

id(X) -> X.

main() ->
    Atoms = ['hello world', 'Foo', 'FOO', [], '[]', '{}', '', 'a b c',
             abc, a1, a_b, aB, 'a-b', 'a.b', 'a@b', '_x', '9lives',
             'x_Y9', '+', '<<', '=:=', '!', 'it\'s', 'a\\b', 'a\nb', 'a\tb',
             'a"b', 'case', 'end', 'fun', 'andalso', 'not', 'div', 'true',
             'false', 'undefined', 'ok'],
    show(id(Atoms)),
    erlang:display(id(Atoms)),
    erlang:display({id('Hello'), [id('World')], {id(''), id('[]')}}),
    erlang:display(list_to_atom(id("Mixed Case"))),
    erlang:display(list_to_atom(id("lower"))),
    erlang:display(list_to_atom(id([$a, 0, $b]))),
    erlang:display(list_to_atom(id([1000]))),
    erlang:display(list_to_atom(id([$x, 1000]))),
    ok.

show([]) -> ok;
show([A | T]) ->
    erlang:display(A),
    show(T).
