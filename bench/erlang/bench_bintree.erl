%% Binary trees: allocation-heavy, long- and short-lived structures (GC).
-module(bench_bintree).
-export([main/0]).
make(0) -> nil;
make(D) -> {make(D - 1), make(D - 1)}.
check(nil) -> 1;
check({L, R}) -> 1 + check(L) + check(R).
iter(Min, Max, D, Acc) when D > Max -> Acc;
iter(Min, Max, D, Acc) ->
    N = 1 bsl (Max - D + Min),
    Sum = lists:foldl(fun(_, S) -> S + check(make(D)) end, 0, lists:seq(1, N)),
    iter(Min, Max, D + 2, Acc + Sum).
main() ->
    bench:run(fun() ->
        Long = make(16),
        R = iter(4, 16, 4, 0),
        R + check(Long)
    end).
