-module(map_iterators).
-export([main/0, id/1]).

%% maps:iterator/1 and maps:next/1 (on erts_internal:map_next/3), and the functions of
%% maps.erl built on them: fold, foreach, map, filter, filtermap, with, without, update_with,
%% groups_from_list; on flat maps and on tries.

id(X) -> X.

walk(I) ->
    case maps:next(I) of
        none -> [];
        {K, V, Next} -> [{K, V} | walk(Next)]
    end.

try_it(F) ->
    try F() of
        V -> {ok, V}
    catch
        C:R -> {C, R}
    end.

main() ->
    S = id(#{c => 3, a => 1, b => 2}),
    I0 = maps:iterator(S),
    erlang:display(I0),
    {K1, V1, I1} = maps:next(I0),
    erlang:display({K1, V1, I1}),
    erlang:display(walk(I0)),
    erlang:display(maps:next(maps:iterator(#{}))),
    erlang:display(maps:fold(fun(K, V, Acc) -> [{K, V} | Acc] end, [], S)),
    erlang:display(maps:map(fun(_K, V) -> V * 10 end, S)),
    erlang:display(maps:filter(fun(_K, V) -> V > 1 end, S)),
    erlang:display(maps:filtermap(fun(a, _) -> false; (b, V) -> {true, V + 100}; (_, _) -> true end, S)),
    erlang:display(maps:with([a, c, zz], S)),
    erlang:display(maps:without([a, zz], S)),
    erlang:display(maps:update_with(a, fun(V) -> V + 1 end, S)),
    erlang:display(maps:update_with(zz, fun(V) -> V + 1 end, 0, S)),
    erlang:display(maps:groups_from_list(fun(X) -> X rem 3 end, lists:seq(1, 10))),
    erlang:display(maps:get(b, S, none)),
    erlang:display(maps:size(S)),
    erlang:display(maps:new()),
    maps:foreach(fun(K, V) -> erlang:display({each, K, V}) end, S),
    %% A trie: the iterator walks it in BEAM's order; the first 32 pairs come in one chunk.
    Big = maps:from_list([{I, I * 3} || I <- lists:seq(1, 100)]),
    BI = maps:iterator(Big),
    {BK, BV, BNext} = maps:next(BI),
    erlang:display({BK, BV}),
    erlang:display(BNext),
    Walked = walk(BI),
    erlang:display(Walked),
    erlang:display(length(Walked)),
    erlang:display(maps:fold(fun(K, _, Acc) -> [K | Acc] end, [], Big)),
    erlang:display(maps:keys(maps:filter(fun(K, _) -> K rem 7 =:= 0 end, Big))),
    erlang:display(maps:map(fun(K, V) -> K + V end, Big)),
    erlang:display(maps:with(lists:seq(1, 100, 2), Big)),
    erlang:display(maps:without(lists:seq(1, 60), Big)),
    erlang:display(try_it(fun() -> maps:next(id(bad)) end)),
    erlang:display(try_it(fun() -> maps:iterator(id(bad)) end)),
    erlang:display(try_it(fun() -> maps:fold(fun(_, _, A) -> A end, 0, id(bad)) end)),
    erlang:display(try_it(fun() -> maps:map(fun(_, V) -> V end, id(bad)) end)),
    ok.
