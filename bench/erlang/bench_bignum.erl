%% Bignum arithmetic: factorial and digit sums.
-module(bench_bignum).
-export([main/0]).
fact(0, Acc) -> Acc;
fact(N, Acc) -> fact(N - 1, Acc * N).
digits(0, S) -> S;
digits(N, S) -> digits(N div 10, S + N rem 10).
main() -> bench:run(fun() -> F = fact(3000, 1), digits(F, 0) + (F rem 1000003) end).
