-module(map_update_exact).
-export([main/0, id/1]).

%% M#{K := V}: only existing keys; {badkey, K} otherwise, {badmap, M} for a non-map.

id(X) -> X.

st(St) -> test_support:st([?MODULE, maps], St).

try_it(F) ->
    try F() of
        V -> {ok, V}
    catch
        C:R:St -> {C, R, st(St)}
    end.

main() ->
    M = id(#{a => 1, b => 2, c => 3}),
    erlang:display(M#{a := 10}),
    erlang:display(M#{a := 10, c := 30}),
    erlang:display(M#{a := 10, b => 20, d => 40}),
    erlang:display(try_it(fun() -> M#{d := 4} end)),
    erlang:display(try_it(fun() -> M#{a := 1, zz := 4} end)),
    erlang:display(try_it(fun() -> (id(not_a_map))#{a := 1} end)),
    erlang:display(try_it(fun() -> (id([1, 2]))#{a => 1} end)),
    Big = maps:from_list([{I, I} || I <- lists:seq(1, 100)]),
    B2 = Big#{50 := fifty, 60 := sixty},
    erlang:display({maps:get(50, B2), maps:get(60, B2), map_size(B2)}),
    erlang:display(try_it(fun() -> Big#{101 := x} end)),
    erlang:display(try_it(fun() -> Big#{1 := x, 1.0 := y} end)),
    erlang:display(maps:update(a, new, M)),
    erlang:display(try_it(fun() -> maps:update(zz, new, M) end)),
    erlang:display(try_it(fun() -> maps:update(zz, new, id(nomap)) end)),
    ok.
