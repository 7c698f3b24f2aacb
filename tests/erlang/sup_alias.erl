-module(sup_alias).
-export([main/0]).
%% erlang:alias/0,1, unalias/1 and monitor/3's alias option in each mode, and a call in the
%% style of gen_server's (monitor with {alias, demonitor}, reply to the alias).
err(F) -> try F() catch C:R:St -> {C, R, [I || {erlang, _, _, I} <- St]} end.
main() ->
    A = alias(),
    A ! one, A ! two,
    erlang:display([receive X -> X after 0 -> none end || _ <- [1,2,3]]),
    erlang:display(unalias(A)),
    A ! three,
    erlang:display(receive Y -> Y after 10 -> none end),
    erlang:display(unalias(A)),
    erlang:display(err(fun() -> unalias(foo) end)),
    R = alias([reply]),
    R ! r1, R ! r2,
    erlang:display([receive Z -> Z after 10 -> none end || _ <- [1,2,3]]),
    erlang:display(unalias(R)),
    P = spawn(fun() -> receive {From, Ref} -> Ref ! {Ref, hello}, From ! done end end),
    M = monitor(process, P, [{alias, demonitor}]),
    P ! {self(), M},
    receive done -> ok end,
    erlang:display(receive {M, W} -> W after 100 -> none end),
    receive {'DOWN', M, process, P, normal} -> ok end,
    erlang:display(unalias(M)),
    P2 = spawn(fun() -> receive {From, Ref} -> Ref ! {Ref, a}, Ref ! {Ref, b}, From ! done end end),
    M2 = monitor(process, P2, [{alias, reply_demonitor}]),
    P2 ! {self(), M2},
    receive done -> ok end,
    erlang:display([receive {M2, V} -> V after 50 -> none end || _ <- [1,2]]),
    erlang:display(receive {'DOWN', M2, _, _, _} -> down after 50 -> no_down end),
    erlang:display(err(fun() -> monitor(process, self(), [{alias, bad}]) end)),
    M3 = monitor(process, P, [{alias, explicit_unalias}]),
    receive {'DOWN', M3, process, P, noproc} -> ok end,
    erlang:display(unalias(M3)),
    G = gen_server_like(),
    erlang:display(G).
gen_server_like() ->
    S = spawn(fun Loop() -> receive {call, From, Tag, Req} -> From ! {Tag, {reply, Req}}, Loop() end end),
    Mref = monitor(process, S, [{alias, demonitor}]),
    S ! {call, Mref, Mref, ping},
    receive {Mref, Rep} -> demonitor(Mref, [flush]), Rep end.
