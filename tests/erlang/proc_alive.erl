-module(proc_alive).
-export([main/0, id/1]).

%% is_process_alive/1 and erlang:processes/0: a live child is alive and listed; once it has
%% ended it is neither (polled: an exiting process may linger briefly); self() is alive and
%% listed; processes() holds only pids, without duplicates;
%% system_info(process_count) and process_limit are integers. Plus badarg cases.

id(X) -> X.

wait_until(F, N) -> test_support:wait_until(F, N).

main() ->
    Self = self(),
    erlang:display({is_process_alive(Self), lists:member(Self, processes())}),
    P = spawn(fun() -> receive stop -> Self ! stopping end end),
    erlang:display({is_process_alive(P), lists:member(P, processes())}),
    P ! stop,
    receive stopping -> ok end,
    erlang:display(wait_until(fun() -> not is_process_alive(P) end, 2000)),
    erlang:display(wait_until(fun() -> not lists:member(P, processes()) end, 2000)),
    erlang:display({is_process_alive(P), lists:member(P, processes())}),
    Ps = processes(),
    erlang:display({lists:all(fun is_pid/1, Ps), length(lists:usort(Ps)) =:= length(Ps), length(Ps) > 1}),
    %% After 'DOWN' a process is no longer alive.
    {Q, R} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', R, process, Q, _} -> erlang:display(is_process_alive(Q)) end,
    %% 100 waiting children are all listed.
    Cs = [spawn(fun() -> receive stop -> ok end end) || _ <- lists:seq(1, 100)],
    All = processes(),
    erlang:display(lists:all(fun(C) -> lists:member(C, All) end, Cs)),
    erlang:display(lists:all(fun erlang:is_process_alive/1, Cs)),
    [C ! stop || C <- Cs],
    erlang:display(wait_until(fun() -> not lists:any(fun erlang:is_process_alive/1, Cs) end, 2000)),
    erlang:display({is_integer(erlang:system_info(process_count)),
                    erlang:system_info(process_count) >= 1,
                    erlang:system_info(process_limit) >= 262144}),
    erlang:display(try is_process_alive(id(not_a_pid)) catch C1:E1 -> {C1, E1} end),
    erlang:display(try is_process_alive(id("<0.1.0>")) catch C2:E2 -> {C2, E2} end),
    ok.
