-module(sup_monitors).
-export([main/0]).
%% Error results keep only the erlang frames of their stack traces (the rest depends on the caller).
err(F) -> try F() catch C:R:St -> {C, R, [Fr || {erlang, _, _, _} = Fr <- St]} end.
%% monitor/2,3 by pid and name, demonitor with flush and info, spawn_monitor, DOWN order.
dead() -> P = spawn(fun() -> ok end), M = monitor(process, P), receive {'DOWN', M, _, _, _} -> ok end, P.
main() ->
    D = dead(),
    R = monitor(process, D),
    receive {'DOWN', R, process, D, Why} -> erlang:display(Why) end,
    R2 = monitor(process, nosuchname),
    receive X -> erlang:display(X =:= {'DOWN', R2, process, {nosuchname, nonode@nohost}, noproc}) end,
    R2b = monitor(process, {nosuchname, node()}),
    receive X2 -> erlang:display(X2 =:= {'DOWN', R2b, process, {nosuchname, nonode@nohost}, noproc}) end,
    erlang:display(err(fun() -> monitor(process, 1) end)),
    {'EXIT', {badarg, [{erlang, monitor, _, MInfo} | _]}} = (catch monitor(foo, self())),
    erlang:display(MInfo),
    erlang:display(demonitor(make_ref())),
    erlang:display(demonitor(make_ref(), [info])),
    erlang:display(err(fun() -> demonitor(foo) end)),
    {'EXIT', {DReason, _}} = (catch demonitor(make_ref(), [bad])),
    erlang:display(DReason),
    P = spawn(fun() -> receive after infinity -> ok end end),
    R3 = monitor(process, P),
    exit(P, kill),
    receive {'DOWN', R3, process, P, W3} -> erlang:display(W3) end,
    {Q3, R4} = spawn_monitor(fun() -> exit(normal_bye) end),
    receive {'DOWN', R4, process, Q3, W6} -> erlang:display(W6) end,
    {Q3b, R4b} = spawn_monitor(erlang, apply, [fun() -> ok end, []]),
    receive {'DOWN', R4b, process, Q3b, W6b} -> erlang:display(W6b) end,
    %% messages sent before dying come before the DOWN
    S = self(),
    Q4 = spawn(fun() -> receive go -> S ! one, S ! two, exit(three) end end),
    R5 = monitor(process, Q4),
    Q4 ! go,
    erlang:display([receive Z -> Z end || _ <- [1,2,3]] =:= [one, two, {'DOWN', R5, process, Q4, three}]),
    %% by registered name
    N = spawn(fun() -> receive stop -> exit(stopped) end end),
    register(named_one, N),
    R6 = monitor(process, named_one),
    N ! stop,
    receive {'DOWN', R6, process, Item, W7} -> erlang:display({Item, W7}) end,
    %% process_info monitors / monitored_by
    Q5 = spawn(fun() -> receive after infinity -> ok end end),
    R7 = monitor(process, Q5),
    erlang:display(process_info(self(), monitors) =:= {monitors, [{process, Q5}]}),
    erlang:display(process_info(Q5, monitored_by) =:= {monitored_by, [self()]}),
    erlang:display(demonitor(R7, [info])),
    erlang:display(process_info(Q5, monitored_by)),
    erlang:display(demonitor(R7, [info])),
    %% demonitor flush removes a DOWN already delivered
    R8 = monitor(process, Q5),
    exit(Q5, kill),
    timer:sleep(20),
    erlang:display(demonitor(R8, [flush, info])),
    receive {'DOWN', R8, _, _, _} -> erlang:display(flush_failed) after 50 -> erlang:display(flushed) end,
    %% many monitors on one process all fire
    T = spawn(fun() -> receive stop -> ok end end),
    Refs = [monitor(process, T) || _ <- lists:seq(1, 1000)],
    T ! stop,
    Got = [receive {'DOWN', Ref, process, T, normal} -> 1 end || Ref <- Refs],
    erlang:display(lists:sum(Got)),
    ok.
