-module(sup_tombstone).
-export([main/0, dead_pid/1]).
%% dead_pid/1 is called by the unit tests (tests/unit/test_processes.cpp): it returns the pid of
%% a process that has died with Reason, so that the host can ask the VM how it ended.
dead_pid(Reason) ->
    {P, R} = spawn_monitor(fun() -> exit(Reason) end),
    receive {'DOWN', R, process, P, Reason} -> P end.
main() ->
    P = dead_pid({shutdown, done}),
    erlang:display(is_process_alive(P)),
    erlang:display(process_info(P)).
