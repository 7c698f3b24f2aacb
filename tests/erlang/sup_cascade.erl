-module(sup_cascade).
-export([main/0]).
%% Cascades: a chain of linked processes dies after its head is killed; a star of links; many
%% monitors; a trapping process in the middle of a chain stops the cascade.
chain(0, Last, _) -> Last;
chain(N, Prev, Parent) ->
    P = spawn(fun() -> link(Prev), Parent ! {linked, self()}, receive after infinity -> ok end end),
    receive {linked, P} -> ok end,
    chain(N - 1, P, Parent).
main() ->
    Self = self(),
    Root = spawn(fun() -> receive after infinity -> ok end end),
    Tail = chain(20000, Root, Self),
    MT = monitor(process, Tail),
    exit(Root, boom),
    receive {'DOWN', MT, process, Tail, R} -> erlang:display(R) end,
    %% star: one process linked to many
    Hub = spawn(fun() -> receive after infinity -> ok end end),
    Spokes = [spawn(fun() -> link(Hub), Self ! {linked, self()}, receive after infinity -> ok end end) || _ <- lists:seq(1, 5000)],
    [receive {linked, S} -> ok end || S <- Spokes],
    Ms = [monitor(process, S) || S <- Spokes],
    exit(Hub, crash),
    Reasons = lists:usort([receive {'DOWN', M, process, _, Why} -> Why end || M <- Ms]),
    erlang:display(Reasons),
    %% a trapping process stops the cascade and gets the EXIT
    Root2 = spawn(fun() -> receive after infinity -> ok end end),
    Trapper = spawn(fun() -> process_flag(trap_exit, true), link(Root2), Self ! ready,
                             receive {'EXIT', Root2, W} -> Self ! {trapped, W} end,
                             receive after infinity -> ok end end),
    receive ready -> ok end,
    exit(Root2, kill),
    receive {trapped, W} -> erlang:display(W) end,
    erlang:display(is_process_alive(Trapper)),
    exit(Trapper, kill),
    ok.
