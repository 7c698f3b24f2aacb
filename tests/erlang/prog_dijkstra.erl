-module(prog_dijkstra).
-export([main/0, id/1]).

%% Dijkstra's shortest paths on a small weighted graph, with the frontier
%% kept as a sorted list, and path reconstruction.

id(X) -> X.

main() ->
    Edges = id([{a, b, 7}, {a, c, 9}, {a, f, 14}, {b, c, 10}, {b, d, 15},
                {c, d, 11}, {c, f, 2}, {d, e, 6}, {e, f, 9}, {g, h, 1}]),
    Graph = undirected(Edges),
    {Dist, Prev} = dijkstra(Graph, a),
    erlang:display(lists:sort(Dist)),
    erlang:display(path(Prev, a, e)),
    erlang:display(path(Prev, a, d)),
    erlang:display(path(Prev, a, h)),
    erlang:display(lists:keyfind(h, 1, Dist)),
    ok.

undirected(Edges) ->
    lists:sort([{U, V, W} || {U, V, W} <- Edges] ++ [{V, U, W} || {U, V, W} <- Edges]).

neighbours(G, N) -> [{V, W} || {U, V, W} <- G, U =:= N].

dijkstra(G, Src) -> loop(G, [{0, Src}], [], []).

%% Frontier: sorted list of {Dist, Node}; Done: [{Node, Dist}]; Prev: [{Node, From}]
loop(_, [], Done, Prev) -> {Done, Prev};
loop(G, [{D, N} | Frontier], Done, Prev) ->
    case lists:keyfind(N, 1, Done) of
        {N, _} -> loop(G, Frontier, Done, Prev);
        false ->
            {F2, P2} = relax(neighbours(G, N), N, D, Frontier, Done, Prev),
            loop(G, F2, [{N, D} | Done], P2)
    end.

relax([], _, _, F, _, P) -> {F, P};
relax([{V, W} | T], N, D, F, Done, P) ->
    case lists:keyfind(V, 1, Done) of
        {V, _} -> relax(T, N, D, F, Done, P);
        false ->
            ND = D + W,
            case best(V, F) of
                Old when Old =< ND -> relax(T, N, D, F, Done, P);
                _ ->
                    F2 = lists:sort([{ND, V} | [E || {_, X} = E <- F, X =/= V]]),
                    P2 = [{V, N} | [E || {X, _} = E <- P, X =/= V]],
                    relax(T, N, D, F2, Done, P2)
            end
    end.

best(V, F) ->
    case [D || {D, X} <- F, X =:= V] of
        [] -> infinity;
        [D | _] -> D
    end.

path(_Prev, Src, Src) -> [Src];
path(Prev, Src, Dst) ->
    case lists:keyfind(Dst, 1, Prev) of
        {Dst, From} -> path(Prev, Src, From) ++ [Dst];
        false -> unreachable
    end.
