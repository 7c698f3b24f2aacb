-module(map_bif_get_find).
-export([main/0, id/1]).

%% maps:get/2,3, maps:find/2, erlang:map_get/2, maps:is_key/2, erlang:is_map_key/2, and
%% called through apply and funs (so not inlined by the compiler), on flat and hash maps.

id(X) -> X.

try_it(F) ->
    try F() of
        V -> {ok, V}
    catch
        C:R:St -> {C, R, [{M, Fn, A} || {M, Fn, A, _} <- St, M =:= ?MODULE orelse M =:= erlang orelse M =:= maps]}
    end.

main() ->
    S = id(#{a => 1, "b" => 2, {c} => 3, 4 => four, 4.0 => four_f}),
    L = id(maps:from_list([{I, I * I} || I <- lists:seq(1, 64)] ++ [{{7, I}, I} || I <- lists:seq(1, 10)])),
    [erlang:display({maps:get(K, S), maps:find(K, S), maps:is_key(K, S), is_map_key(K, S), map_get(K, S)})
     || K <- [a, "b", {c}, 4, 4.0]],
    erlang:display({maps:find(zz, S), maps:is_key(zz, S), maps:get(zz, S, default)}),
    erlang:display({maps:get(64, L), maps:get({7, 3}, L), maps:find(65, L), maps:get(65, L, none)}),
    erlang:display([maps:get(I, L) || I <- [1, 10, 33, 63]]),
    erlang:display(apply(maps, get, [a, S])),
    erlang:display(apply(maps, find, [{7, 10}, L])),
    erlang:display(apply(erlang, map_get, [4.0, S])),
    erlang:display(apply(erlang, is_map_key, [4.0, S])),
    G = fun maps:get/2,
    erlang:display(G("b", S)),
    erlang:display(try_it(fun() -> maps:get(zz, S) end)),
    erlang:display(try_it(fun() -> maps:get(zz, id(nomap)) end)),
    erlang:display(try_it(fun() -> apply(maps, get, [zz, S]) end)),
    erlang:display(try_it(fun() -> apply(maps, get, [zz, id(nomap)]) end)),
    erlang:display(try_it(fun() -> G(1.0, L) end)),
    erlang:display(try_it(fun() -> maps:find(a, id([])) end)),
    erlang:display(try_it(fun() -> apply(maps, find, [a, id(<<>>)]) end)),
    erlang:display(try_it(fun() -> maps:get(a, id(x), default) end)),
    erlang:display(try_it(fun() -> map_get(a, id(x)) end)),
    erlang:display(try_it(fun() -> apply(erlang, map_get, [nope, S]) end)),
    erlang:display(try_it(fun() -> apply(erlang, is_map_key, [a, id(x)]) end)),
    erlang:display(try_it(fun() -> apply(maps, is_key, [a, id(x)]) end)),
    ok.
