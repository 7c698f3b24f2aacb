%% Calls and small-integer arithmetic.
-module(bench_fib).
-export([main/0]).
fib(N) when N < 2 -> N;
fib(N) -> fib(N - 1) + fib(N - 2).
main() -> bench:run(fun() -> fib(30) end).
