%% CPU-bound workers: 8 processes each doing the same pure computation, no messages until
%% the end. Run with 1 and with 2 schedulers (erl +S 1 / +S 2; beamrun -s 1 / -s 2) to see
%% the speed-up.
-module(bench_workers).
-export([main/0]).
-define(WORKERS, 8).
-define(WORK, 40000000).
work(0, Acc) -> Acc;
work(N, Acc) -> work(N - 1, (Acc * 17 + N) band 16#FFFFFFF).
main() ->
    bench:run(fun() ->
        Self = self(),
        [spawn(fun() -> Self ! {done, work(?WORK + I, I)} end) || I <- lists:seq(1, ?WORKERS)],
        lists:sum([receive {done, R} -> R end || _ <- lists:seq(1, ?WORKERS)])
    end).
