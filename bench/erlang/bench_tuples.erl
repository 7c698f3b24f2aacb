%% Record (tuple) updates and matching.
-module(bench_tuples).
-export([main/0]).
-record(acc, {count = 0, sum = 0, max = 0, last = none}).
step(I, #acc{count = C, sum = S, max = M} = A) ->
    A#acc{count = C + 1, sum = S + I, max = max(M, I), last = I}.
loop(0, A) -> A;
loop(N, A) -> loop(N - 1, step(N rem 1000, A)).
main() -> bench:run(fun() -> #acc{sum = S, count = C} = loop(3000000, #acc{}), S + C end).
