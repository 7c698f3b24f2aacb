-module(atom_order).
-export([main/0, id/1]).

%% Atoms compare by their text (not by atom-table index): the atoms here
%% are created in an order unrelated to their alphabetical order.

id(X) -> X.

main() ->
    erlang:display(id(zebra) < id(apple)),
    erlang:display(id(apple) < id(zebra)),
    erlang:display(id(abc) < id(abcd)),
    erlang:display(id(b) > id(abcdef)),
    erlang:display(id('Z') < id(a)),
    erlang:display(id('') < id(a)),
    erlang:display(id('_') < id(a)),
    erlang:display(id(a) == id(a)),
    erlang:display(id(a) =:= list_to_atom(id("a"))),
    Dyn = [list_to_atom(S) || S <- id(["zz_new", "aa_new", "mm_new", "AA_new", "zz", "z"])],
    erlang:display(lists:sort(Dyn)),
    erlang:display(lists:sort(id([pear, apple, 'Orange', banana, cherry, apple, 'apple pie', ab, a]))),
    erlang:display(isort(id([delta, alpha, charlie, bravo, echo, alpha]))),
    erlang:display(max_atom(id([kilo, lima, mike, juliet, zulu, yankee]))),
    erlang:display({min(id(abc), id(abd)), max(id(abc), id(abd))}),
    erlang:display(lists:sort([list_to_atom([C]) || C <- id("hello world")])),
    ok.

isort(L) -> isort(L, []).

isort([], Acc) -> Acc;
isort([H | T], Acc) -> isort(T, insert(H, Acc)).

insert(X, []) -> [X];
insert(X, [H | T]) when X =< H -> [X, H | T];
insert(X, [H | T]) -> [H | insert(X, T)].

max_atom([H | T]) -> max_atom(T, H).

max_atom([], M) -> M;
max_atom([H | T], M) when H > M -> max_atom(T, H);
max_atom([_ | T], M) -> max_atom(T, M).
