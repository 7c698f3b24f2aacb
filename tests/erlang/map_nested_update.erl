-module(map_nested_update).
-export([main/0, id/1]).

%% Nested maps: updating deep paths, records-as-maps, and a small state machine on maps.

id(X) -> X.

put_in([K], V, M) -> M#{K => V};
put_in([K | Ks], V, M) -> M#{K => put_in(Ks, V, maps:get(K, M, #{}))}.

get_in([], M) -> M;
get_in([K | Ks], M) -> get_in(Ks, maps:get(K, M)).

step(#{state := idle} = S, start) -> S#{state := running, runs := maps:get(runs, S) + 1};
step(#{state := running} = S, stop) -> S#{state := idle};
step(#{state := running, log := L} = S, {event, E}) -> S#{log := [E | L]};
step(S, _) -> S.

main() ->
    M = put_in([a, b, c], 1, #{}),
    erlang:display(M),
    M2 = put_in([a, b, d], 2, put_in([a, x], 3, M)),
    erlang:display(M2),
    erlang:display(get_in([a, b, d], M2)),
    S = lists:foldl(fun(E, Acc) -> step(Acc, E) end, #{state => idle, runs => 0, log => []},
                    [start, {event, 1}, {event, 2}, stop, {event, 3}, start, {event, 4}]),
    erlang:display(S),
    Tree = lists:foldl(fun(I, T) -> put_in([I rem 3, I rem 5, I], I, T) end, #{}, lists:seq(1, 60)),
    erlang:display(Tree),
    erlang:display(maps:keys(get_in([1, 2], Tree))),
    ok.
