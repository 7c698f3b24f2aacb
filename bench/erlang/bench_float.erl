%% Float arithmetic (float registers): a numeric integration.
-module(bench_float).
-export([main/0]).
integrate(_, _, 0, Acc) -> Acc;
integrate(X, Dx, N, Acc) ->
    Y = X * X * 0.5 + X * 1.25 - 3.0 / (X + 1.0),
    integrate(X + Dx, Dx, N - 1, Acc + Y * Dx).
main() -> bench:run(fun() -> trunc(integrate(0.0, 0.000001, 3000000, 0.0) * 1000) end).
