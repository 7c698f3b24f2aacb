-module(map_bif_merge).
-export([main/0, id/1]).

%% maps:merge/2: flat with flat (staying flat or growing into a trie), flat with trie, trie
%% with trie; the second map's values win. Also merge_with and intersect from maps.erl.

id(X) -> X.

try_it(F) ->
    try F() of
        V -> {ok, V}
    catch
        C:R:St -> {C, R, [{M, Fn, A} || {M, Fn, A, _} <- St, M =:= ?MODULE orelse M =:= erlang orelse M =:= maps]}
    end.

range(From, To, Tag) -> maps:from_list([{I, {Tag, I}} || I <- lists:seq(From, To)]).

main() ->
    erlang:display(maps:merge(#{a => 1, b => 2}, #{b => 3, c => 4})),
    erlang:display(maps:merge(#{}, #{a => 1})),
    erlang:display(maps:merge(#{a => 1}, #{})),
    erlang:display(maps:merge(range(1, 20, l), range(15, 30, r))),
    erlang:display(maps:merge(range(1, 20, l), range(15, 40, r))),
    erlang:display(maps:merge(range(1, 10, l), range(5, 100, r))),
    erlang:display(maps:merge(range(1, 100, l), range(95, 105, r))),
    erlang:display(maps:merge(range(1, 60, l), range(30, 90, r))),
    M = maps:merge(range(1, 300, l), range(200, 500, r)),
    erlang:display({map_size(M), maps:get(199, M), maps:get(200, M), maps:get(500, M)}),
    erlang:display(maps:keys(M)),
    erlang:display(maps:merge(range(1, 40, l), range(1, 40, r)) =:= range(1, 40, r)),
    erlang:display(maps:merge_with(fun(_K, A, B) -> {A, B} end, #{a => 1, b => 2}, #{b => 3})),
    erlang:display(maps:intersect(#{a => 1, b => 2}, #{b => 3, c => 4})),
    erlang:display(maps:intersect_with(fun(_K, A, B) -> A + B end, range2(1, 50), range2(25, 75))),
    erlang:display(try_it(fun() -> maps:merge(id(x), #{}) end)),
    erlang:display(try_it(fun() -> maps:merge(#{}, id(y)) end)),
    erlang:display(try_it(fun() -> maps:merge(id(x), id(y)) end)),
    ok.

range2(From, To) -> maps:from_list([{I, I} || I <- lists:seq(From, To)]).
