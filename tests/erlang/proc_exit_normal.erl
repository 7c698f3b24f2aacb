-module(proc_exit_normal).
-export([main/0, id/1]).

%% Ways a process ends without an error: returning, exit(normal) (also deep in the stack and
%% from inside a try ... after, which still runs), exit/1 with another reason, exit(kill)
%% called by the process itself (reason kill, not killed), being killed by exit(P, kill)
%% (killed), exit(self(), normal) ending the caller, exit(P, Reason) for another reason, exit(P, normal) being ignored by a process
%% that does not trap exits, and exit(normal) caught by a try in the child. Also monitoring
%% a process that is already dead ('DOWN' with noproc).

id(X) -> X.

down(Fun) ->
    {P, R} = spawn_monitor(Fun),
    receive {'DOWN', R, process, P, Reason} -> Reason end.

deep_exit(0) -> exit(normal);
deep_exit(N) -> [deep_exit(N - 1)].

waiter(Parent) ->
    Parent ! {ready, self()},
    receive stop -> ok end.

main() ->
    Self = self(),
    erlang:display(down(fun() -> ok end)),
    erlang:display(down(fun() -> exit(normal) end)),
    erlang:display(down(fun() -> deep_exit(50) end)),
    erlang:display(down(fun() -> try exit(normal) after Self ! after_ran end end)),
    receive after_ran -> erlang:display(after_ran) end,
    erlang:display(down(fun() -> exit({shutdown, reason}) end)),
    erlang:display(down(fun() -> exit(kill) end)),
    %% exit(self(), normal) ends the caller itself (unlike exit(Other, normal)).
    erlang:display(down(fun() -> exit(self(), normal), Self ! still_running end)),
    erlang:display(receive still_running -> still_running after 20 -> ended_by_own_signal end),
    erlang:display(down(fun() ->
                                try exit(normal) catch exit:normal -> Self ! caught_exit end,
                                exit(after_catch)
                        end)),
    receive caught_exit -> erlang:display(caught_exit) end,
    erlang:display(down(fun() -> catch exit(caught_by_catch), exit(then_this) end)),
    %% Exit signals from the parent.
    {P1, R1} = spawn_monitor(fun() -> waiter(Self) end),
    receive {ready, P1} -> ok end,
    erlang:display(exit(P1, normal)),
    erlang:display(exit(P1, kill)),
    receive {'DOWN', R1, process, P1, Why1} -> erlang:display(Why1) end,
    {P2, R2} = spawn_monitor(fun() -> waiter(Self) end),
    receive {ready, P2} -> ok end,
    exit(P2, custom_reason),
    receive {'DOWN', R2, process, P2, Why2} -> erlang:display(Why2) end,
    %% exit(P, normal) is ignored: the process still answers.
    {P3, R3} = spawn_monitor(fun() -> waiter(Self) end),
    receive {ready, P3} -> ok end,
    exit(P3, normal),
    erlang:display(is_process_alive(P3)),
    P3 ! stop,
    receive {'DOWN', R3, process, P3, Why3} -> erlang:display(Why3) end,
    %% Monitoring a dead process.
    R4 = monitor(process, P3),
    receive {'DOWN', R4x, process, P4x, Why4} -> erlang:display({R4x =:= R4, P4x =:= P3, Why4}) end,
    %% Exit signals to dead processes are fine.
    erlang:display(exit(P3, kill)),
    erlang:display(is_process_alive(P3)),
    ok.
