-module(atom_conversions).
-export([main/0, id/1]).

%% atom_to_list/1 and list_to_atom/1: round trips, identity of atoms
%% created at run time, and badarg on wrong types.

id(X) -> X.

main() ->
    erlang:display(atom_to_list(id(hello))),
    erlang:display(atom_to_list(id('Hello World'))),
    erlang:display(atom_to_list(id(''))),
    erlang:display(atom_to_list(id('[]'))),
    erlang:display(atom_to_list(id(true))),
    erlang:display(list_to_atom(id("ok")) =:= ok),
    erlang:display(list_to_atom(id("o") ++ id("k")) =:= ok),
    erlang:display(list_to_atom(id("fresh_atom_") ++ integer_to_list(id(42)))),
    erlang:display(length(atom_to_list(id(a_rather_long_atom_name_for_testing)))),
    erlang:display([list_to_atom(S) || S <- id(["a", "B", "c d", "", "e"])]),
    erlang:display(join_atoms(id([alpha, beta, gamma]), $_)),
    erlang:display(make_key(id(user), id(17))),
    erlang:display(make_key(id(user), id(17)) =:= user_17),
    erlang:display(upper(id(shout))),
    erlang:display(run(a2l, 42)),
    erlang:display(run(a2l, "str")),
    erlang:display(run(l2a, abc)),
    erlang:display(run(l2a, [a, b])),
    erlang:display(run(l2a, [$a | $b])),
    erlang:display(run(l2a, 17)),
    erlang:display(is_atom(list_to_atom(id("x")))),
    ok.

st(St) -> test_support:st(?MODULE, St).

run(a2l, X) ->
    try atom_to_list(id(X)) catch error:R:St -> {R, st(St)} end;
run(l2a, X) ->
    try list_to_atom(id(X)) catch error:R:St -> {R, st(St)} end.

join_atoms([A], _) -> A;
join_atoms([A | T], Sep) ->
    list_to_atom(atom_to_list(A) ++ [Sep] ++ atom_to_list(join_atoms(T, Sep))).

make_key(Prefix, N) ->
    list_to_atom(atom_to_list(Prefix) ++ "_" ++ integer_to_list(N)).

upper(A) -> list_to_atom([to_upper(C) || C <- atom_to_list(A)]).

to_upper(C) when C >= $a, C =< $z -> C - 32;
to_upper(C) -> C.
