-module(list_sum_sort).
-export([main/0, id/1]).

%% lists:sum/1 and lists:sort/1 (stable merge sort over the term order),
%% compared with hand-written sorts.

id(X) -> X.

main() ->
    erlang:display(lists:sum(id([]))),
    erlang:display(lists:sum(id([1, 2, 3, -10]))),
    erlang:display(lists:sum(lists:seq(1, id(1000)))),
    erlang:display(lists:sort(id([5, 3, 9, 1, 3, 7, 0, -2, 9]))),
    erlang:display(lists:sort(id([]))),
    erlang:display(lists:sort(id([x]))),
    erlang:display(lists:sort(id([b, a]))),
    erlang:display(lists:sort(id([{2, a}, {1, b}, {2, 0}, {1, a}]))),
    erlang:display(lists:sort(id(["pear", "fig", "apple", "date"]))),
    Rand = pseudo_random(id(2000), id(12345), []),
    Sorted = lists:sort(Rand),
    erlang:display(take(10, Sorted)),
    erlang:display(is_sorted(Sorted)),
    erlang:display(length(Sorted)),
    erlang:display(qsort(Rand) =:= Sorted),
    erlang:display(isort(take(200, Rand)) =:= lists:sort(take(200, Rand))),
    erlang:display(lists:sum(Rand) =:= lists:sum(Sorted)),
    erlang:display(dedup(lists:sort(id([3, 1, 3, 2, 1, 3])))),
    ok.

pseudo_random(0, _, Acc) -> Acc;
pseudo_random(N, Seed, Acc) ->
    Next = Seed * 16807 rem 2147483647,
    pseudo_random(N - 1, Next, [Next rem 1000 | Acc]).

take(0, _) -> [];
take(_, []) -> [];
take(N, [H | T]) -> [H | take(N - 1, T)].

is_sorted([A, B | T]) when A =< B -> is_sorted([B | T]);
is_sorted([_, _ | _]) -> false;
is_sorted(_) -> true.

qsort([]) -> [];
qsort([P | T]) -> qsort([X || X <- T, X < P]) ++ [P] ++ qsort([X || X <- T, X >= P]).

isort(L) -> isort(L, []).

isort([], Acc) -> Acc;
isort([H | T], Acc) -> isort(T, ins(H, Acc)).

ins(X, [H | T]) when X > H -> [H | ins(X, T)];
ins(X, L) -> [X | L].

dedup([A, A | T]) -> dedup([A | T]);
dedup([A | T]) -> [A | dedup(T)];
dedup([]) -> [].
