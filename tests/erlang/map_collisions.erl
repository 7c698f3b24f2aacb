-module(map_collisions).
-export([main/0, id/1]).

%% Keys whose 32-bit hashes collide completely (40660 and 59671, 22575 and 119693): BEAM
%% rehashes them with a salt below level 8, so the trie grows eight single-child levels before
%% they part. Lookups, updates, removal and equality through such nodes.

id(X) -> X.

main() ->
    Base = [{I, x} || I <- lists:seq(1, 31)],
    M = maps:from_list(Base ++ [{59671, a}, {40660, b}, {22575, c}, {119693, d}]),
    erlang:display(M),
    erlang:display(maps:keys(M)),
    erlang:display({maps:get(59671, M), maps:get(40660, M), maps:get(22575, M), maps:get(119693, M)}),
    erlang:display(maps:find(121236, M)),
    M2 = maps:put(121236, e, maps:put(167527, f, M)),
    erlang:display(M2),
    M3 = maps:remove(59671, M2),
    erlang:display(M3),
    erlang:display(maps:remove(40660, M3)),
    M4 = M2#{40660 := bb, 22575 := cc},
    erlang:display(M4),
    erlang:display(M4 == maps:from_list(maps:to_list(M4))),
    %% Built key by key, in another order: the same trie.
    M5 = lists:foldl(fun({K, V}, Acc) -> Acc#{K => V} end, #{}, lists:reverse(maps:to_list(M2))),
    erlang:display(M5 =:= M2),
    erlang:display(M5),
    Small = maps:from_list([{59671, a}, {40660, b}]),
    erlang:display(Small),
    ok.
