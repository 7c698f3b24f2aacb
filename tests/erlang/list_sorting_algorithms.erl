-module(list_sorting_algorithms).
-export([main/0, id/1]).

%% Several hand-written sorts on the same data must agree with
%% lists:sort/1: merge sort, quicksort, insertion sort, selection sort,
%% bubble sort on tuples of mixed keys.

id(X) -> X.

main() ->
    Data = gen(id(600), 7, []),
    Ref = lists:sort(Data),
    erlang:display(take(15, Ref)),
    erlang:display(msort(Data) =:= Ref),
    erlang:display(qsort(Data) =:= Ref),
    erlang:display(isort(Data) =:= Ref),
    erlang:display(ssort(take(150, Data)) =:= lists:sort(take(150, Data))),
    erlang:display(bsort(take(100, Data)) =:= lists:sort(take(100, Data))),
    Mixed = id([{3, c}, b, [x], 42, {1, a}, [], {3, a}, a, -1, "str", {}]),
    erlang:display(msort(Mixed)),
    erlang:display(msort(Mixed) =:= lists:sort(Mixed)),
    erlang:display(qsort(Mixed) =:= lists:sort(Mixed)),
    ok.

gen(0, _, Acc) -> Acc;
gen(N, S, Acc) ->
    S2 = (S * 75 + 74) rem 65537,
    gen(N - 1, S2, [S2 rem 500 | Acc]).

take(0, _) -> [];
take(_, []) -> [];
take(N, [H | T]) -> [H | take(N - 1, T)].

msort([]) -> [];
msort([X]) -> [X];
msort(L) ->
    {A, B} = halve(L, length(L) div 2, []),
    merge(msort(A), msort(B), []).

halve(L, 0, Acc) -> {lists:reverse(Acc), L};
halve([H | T], N, Acc) -> halve(T, N - 1, [H | Acc]).

merge([], B, Acc) -> lists:reverse(Acc, B);
merge(A, [], Acc) -> lists:reverse(Acc, A);
merge([X | A], [Y | _] = B, Acc) when X =< Y -> merge(A, B, [X | Acc]);
merge(A, [Y | B], Acc) -> merge(A, B, [Y | Acc]).

qsort([]) -> [];
qsort([P | T]) ->
    {Lo, Hi} = partition(P, T, [], []),
    qsort(Lo) ++ [P | qsort(Hi)].

partition(_, [], Lo, Hi) -> {Lo, Hi};
partition(P, [X | T], Lo, Hi) when X < P -> partition(P, T, [X | Lo], Hi);
partition(P, [X | T], Lo, Hi) -> partition(P, T, Lo, [X | Hi]).

isort(L) -> isort(L, []).

isort([], Acc) -> Acc;
isort([H | T], Acc) -> isort(T, ins(H, Acc)).

ins(X, [H | T]) when X > H -> [H | ins(X, T)];
ins(X, L) -> [X | L].

ssort([]) -> [];
ssort(L) ->
    M = lmin(L),
    [M | ssort(L -- [M])].

lmin([H | T]) -> lmin(T, H).
lmin([], M) -> M;
lmin([H | T], M) when H < M -> lmin(T, H);
lmin([_ | T], M) -> lmin(T, M).

bsort(L) ->
    case pass(L, false) of
        {L2, true} -> bsort(L2);
        {L2, false} -> L2
    end.

pass([A, B | T], _) when A > B ->
    {R, _} = pass([A | T], true),
    {[B | R], true};
pass([A | T], Swapped) ->
    {R, S} = pass(T, Swapped),
    {[A | R], S};
pass([], Swapped) -> {[], Swapped}.
