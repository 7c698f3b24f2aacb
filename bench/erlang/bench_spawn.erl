%% Spawn-and-exit: 100k processes spawned at once, each replying and exiting, then 100k
%% spawned one after another, each awaited before the next (spawn latency).
-module(bench_spawn).
-export([main/0]).
-define(N, 100000).
burst(Parent, N) ->
    [spawn(fun() -> Parent ! {done, I} end) || I <- lists:seq(1, N)],
    collect(N, 0).
collect(0, Sum) -> Sum;
collect(N, Sum) -> receive {done, I} -> collect(N - 1, Sum + I) end.
serial(_, 0, Sum) -> Sum;
serial(Parent, N, Sum) ->
    spawn(fun() -> Parent ! {done, N} end),
    receive {done, N} -> serial(Parent, N - 1, Sum + N) end.
main() ->
    bench:run(fun() ->
        Self = self(),
        burst(Self, ?N) + serial(Self, ?N, 0)
    end).
