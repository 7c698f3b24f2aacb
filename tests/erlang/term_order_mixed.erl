-module(term_order_mixed).
-export([main/0, id/1]).

%% Term order across types: number < atom < tuple < nil < list.

id(X) -> X.

main() ->
    erlang:display(id(1) < id(a)),
    erlang:display(id(576460752303423487) < id('')),
    erlang:display(id(zzz) < id({})),
    erlang:display(id({}) < id([])),
    erlang:display(id({a, b, c}) < id([])),
    erlang:display(id([]) < id([0])),
    erlang:display(id([]) < id("")),
    erlang:display(id([]) == id("")),
    erlang:display(id(-1) < id(0)),
    erlang:display(id(a) > id(1000000)),
    erlang:display(id([a]) > id({a})),
    erlang:display(id({1}) > id(z)),
    Mixed = id([[b], {2}, a, 3, [], {1, 1}, "abc", -7, b, {}, [a | b], 'Z', {0, 0, 0}, [[]], 0]),
    erlang:display(lists:sort(Mixed)),
    erlang:display(msort(Mixed)),
    erlang:display(lists:sort(Mixed) =:= msort(Mixed)),
    erlang:display([type_rank(X) || X <- lists:sort(Mixed)]),
    erlang:display(compare_all(id([5, x, {y}, [], [z]]))),
    ok.

type_rank(X) when is_integer(X) -> 1;
type_rank(X) when is_atom(X) -> 2;
type_rank(X) when is_tuple(X) -> 3;
type_rank([]) -> 4;
type_rank(X) when is_list(X) -> 5.

%% our own merge sort using the built-in term order
msort([]) -> [];
msort([X]) -> [X];
msort(L) ->
    {A, B} = split(L, [], []),
    merge(msort(A), msort(B)).

split([], A, B) -> {A, B};
split([X | T], A, B) -> split(T, [X | B], A).

merge([], B) -> B;
merge(A, []) -> A;
merge([X | A], [Y | _] = B) when X =< Y -> [X | merge(A, B)];
merge(A, [Y | B]) -> [Y | merge(A, B)].

compare_all([]) -> [];
compare_all([X | T]) -> [[cmp(X, Y) || Y <- T] | compare_all(T)].

cmp(X, Y) when X < Y -> lt;
cmp(X, Y) when X > Y -> gt;
cmp(_, _) -> eq.
