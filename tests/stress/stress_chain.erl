-module(stress_chain).
-export([main/0]).
%% A chain of a million linked processes dies completely after its head is killed; one process
%% linked to 100,000 others takes them all down; 100,000 monitors on one process all fire.
main() ->
    Self = self(),
    N = 1000000,
    Root = spawn(fun() -> receive after infinity -> ok end end),
    Tail = chain(N, Root, Self),
    MT = monitor(process, Tail),
    T0 = erlang:monotonic_time(millisecond),
    exit(Root, boom),
    receive {'DOWN', MT, process, Tail, boom} -> ok end,
    io:format("chain of ~p died in ~p ms~n", [N, erlang:monotonic_time(millisecond) - T0]),
    Hub = spawn(fun() -> receive after infinity -> ok end end),
    Spokes = [spawn(fun() -> link(Hub), Self ! linked, receive after infinity -> ok end end) || _ <- lists:seq(1, 100000)],
    [receive linked -> ok end || _ <- Spokes],
    _ = [monitor(process, S) || S <- Spokes],
    exit(Hub, crash),
    [crash] = lists:usort([receive {'DOWN', _, process, _, R} -> R end || _ <- Spokes]),
    Target = spawn(fun() -> receive stop -> ok end end),
    Ms = [monitor(process, Target) || _ <- lists:seq(1, 100000)],
    Target ! stop,
    normal = lists:foldl(fun(M, _) -> receive {'DOWN', M, process, Target, R} -> R end end, none, Ms),
    true = erlang:system_info(process_count) < 10,
    io:format("ok~n").
chain(0, Last, _) -> Last;
chain(N, Prev, Parent) ->
    P = spawn(fun() -> link(Prev), Parent ! {linked, self()}, receive after infinity -> ok end end),
    receive {linked, P} -> ok end,
    chain(N - 1, P, Parent).
