-module(sup_exit2).
-export([main/0]).
%% Error results keep only the erlang frames of their stack traces (the rest depends on the caller).
err(F) -> try F() catch C:R:St -> {C, R, [Fr || {erlang, _, _, _} = Fr <- St]} end.
%% exit/2 semantics: normal ignored unless trapping, kill untrappable, exit to self.
main() ->
    Parent = self(),
    A = spawn(fun() -> receive after infinity -> ok end end),
    exit(A, normal),
    timer:sleep(10),
    erlang:display(is_process_alive(A)),
    MA = monitor(process, A),
    exit(A, some_reason),
    receive {'DOWN', MA, process, A, RA} -> erlang:display(RA) end,
    B = spawn(fun() -> process_flag(trap_exit, true), Parent ! ready,
                       receive M1 -> Parent ! {got, M1} end,
                       receive M2 -> Parent ! {got, M2} end,
                       receive after infinity -> ok end end),
    receive ready -> ok end,
    exit(B, normal),
    receive {got, G1} -> erlang:display(G1 =:= {'EXIT', Parent, normal}) end,
    exit(B, other),
    receive {got, G2} -> erlang:display(G2 =:= {'EXIT', Parent, other}) end,
    MB = monitor(process, B),
    exit(B, kill),
    receive {'DOWN', MB, process, B, RB} -> erlang:display(RB) end,
    erlang:display(err(fun() -> exit(foo, bar) end)),
    erlang:display(exit(B, kill)),
    %% exit(self(), normal) while trapping becomes a message
    process_flag(trap_exit, true),
    exit(self(), normal),
    receive Y -> erlang:display(Y =:= {'EXIT', self(), normal}) end,
    process_flag(trap_exit, false),
    %% a process that exits itself with kill dies as killed, uncatchably
    {C, MC} = spawn_monitor(fun() -> catch exit(self(), kill), Parent ! not_reached end),
    receive {'DOWN', MC, process, C, RC} -> erlang:display(RC) end,
    %% exit(self(), normal) in a non-trapping process ends it with normal
    {E, ME} = spawn_monitor(fun() -> exit(self(), normal), Parent ! not_reached end),
    receive {'DOWN', ME, process, E, RE} -> erlang:display(RE) end,
    %% a message then an exit signal from the same sender arrive in that order
    F = spawn(fun() -> process_flag(trap_exit, true), Parent ! ready,
                       receive go -> ok end,
                       L = [receive M -> M end || _ <- [1, 2]],
                       Parent ! {order, L} end),
    receive ready -> ok end,
    F ! hello, exit(F, bye), F ! go,
    receive {order, L} -> erlang:display(L =:= [hello, {'EXIT', Parent, bye}]) end,
    ok.
