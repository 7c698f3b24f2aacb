-module(sup_links).
-export([main/0]).
%% Error results keep only the erlang frames of their stack traces (the rest depends on the caller).
err(F) -> try F() catch C:R:St -> {C, R, [Fr || {erlang, _, _, _} = Fr <- St]} end.
%% link/unlink, spawn_link, trapping and non-trapping receivers, noproc on dead pids.
dead() -> P = spawn(fun() -> ok end), M = monitor(process, P), receive {'DOWN', M, _, _, _} -> ok end, P.
main() ->
    D = dead(),
    process_flag(trap_exit, true),
    erlang:display(link(D)),
    receive M -> erlang:display(M =:= {'EXIT', D, noproc}) after 1000 -> erlang:display(none) end,
    erlang:display(err(fun() -> link(foo) end)),
    erlang:display(unlink(D)),
    erlang:display(link(self())),
    Q = spawn_link(fun() -> exit(kill) end),
    receive {'EXIT', Q, W4} -> erlang:display(W4) end,
    Q2 = spawn_link(fun() -> ok end),
    receive {'EXIT', Q2, W5} -> erlang:display(W5) end,
    Q3 = spawn_link(fun() -> exit({boom, [trace]}) end),
    receive {'EXIT', Q3, {boom, [trace]}} -> erlang:display(exit_reason_ok) end,
    %% unlink before the partner dies: no EXIT arrives
    Q5 = spawn_link(fun() -> receive go -> exit(bye) end end),
    unlink(Q5),
    Q5 ! go,
    receive {'EXIT', Q5, _} -> erlang:display(unexpected) after 100 -> erlang:display(no_exit_after_unlink) end,
    %% process_info links
    S = self(),
    Q6 = spawn(fun() -> link(S), S ! linked, receive stop -> ok end end),
    receive linked -> ok end,
    {links, MyLinks} = process_info(self(), links),
    erlang:display({lists:member(Q6, MyLinks), process_info(Q6, links) =:= {links, [S]}}),
    Q6 ! stop,
    receive {'EXIT', Q6, W6} -> erlang:display(W6) end,
    {links, MyLinks2} = process_info(self(), links),
    erlang:display(lists:member(Q6, MyLinks2)),
    %% a non-trapping linked process dies with the reason; with normal it survives
    process_flag(trap_exit, false),
    Parent = self(),
    V = spawn(fun() ->
                  process_flag(trap_exit, true),
                  A = spawn(fun() -> receive {link, P} -> link(P), P ! ok, receive _ -> ok end end end),
                  B = spawn(fun() -> receive {link, P} -> link(P), P ! ok, receive _ -> ok end end end),
                  A ! {link, self()}, receive ok -> ok end,
                  B ! {link, self()}, receive ok -> ok end,
                  MA = monitor(process, A), MB = monitor(process, B),
                  exit(A, normal), exit(B, crash),
                  receive {'DOWN', MB, process, B, RB} -> Parent ! {b, RB} end,
                  erlang:display(is_process_alive(A)),
                  exit(A, kill),
                  receive {'DOWN', MA, process, A, RA} -> Parent ! {a, RA} end,
                  receive {'EXIT', B, _} -> ok end,
                  receive {'EXIT', A, EA} -> Parent ! {exit_a, EA} end
              end),
    receive {b, RB} -> erlang:display(RB) end,
    receive {a, RA} -> erlang:display(RA) end,
    receive {exit_a, EA} -> erlang:display(EA) end,
    _ = V,
    ok.
