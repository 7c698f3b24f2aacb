-module(stress_million).
-export([main/0]).
%% A million processes alive at once, each waiting in receive; then all told to stop and
%% confirmed gone. Prints the memory a waiting process costs, then ok.
main() ->
    N = 1000000,
    Self = self(),
    Before = erlang:memory(processes),
    Pids = [spawn(fun() -> receive stop -> Self ! stopped end end) || _ <- lists:seq(1, N)],
    Count = erlang:system_info(process_count),
    true = Count >= N,
    PerProc = (erlang:memory(processes) - Before) div N,
    io:format("processes alive: ~p, bytes per waiting process: ~p~n", [Count, PerProc]),
    [P ! stop || P <- Pids],
    wait(N),
    true = erlang:system_info(process_count) < 10,
    io:format("ok~n").
wait(0) -> ok;
wait(N) -> receive stopped -> wait(N - 1) end.
