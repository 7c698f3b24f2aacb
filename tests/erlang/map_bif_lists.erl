-module(map_bif_lists).
-export([main/0, id/1]).

%% maps:keys/1, maps:values/1, maps:to_list/1 (and their order), maps:from_list/1 and
%% maps:from_keys/2 with duplicates and bad arguments.

id(X) -> X.

try_it(F) ->
    try F() of
        V -> {ok, V}
    catch
        C:R:St -> {C, R, [{M, Fn, A} || {M, Fn, A, _} <- St, M =:= ?MODULE orelse M =:= erlang orelse M =:= maps]}
    end.

main() ->
    S = id(#{b => 2, a => 1, 3 => c}),
    erlang:display({maps:keys(S), maps:values(S), maps:to_list(S)}),
    erlang:display({maps:keys(#{}), maps:values(#{}), maps:to_list(#{})}),
    erlang:display(maps:from_list([{a, 1}, {b, 2}, {a, 3}])),
    erlang:display(maps:from_list([])),
    erlang:display(maps:from_keys([a, b, c, a], 0)),
    erlang:display(maps:from_keys([], 0)),
    %% Duplicates that bring a long list down to 32 keys or fewer.
    erlang:display(maps:from_list([{I rem 20, I} || I <- lists:seq(1, 100)])),
    erlang:display(maps:from_list([{I rem 40, I} || I <- lists:seq(1, 100)])),
    Big = maps:from_keys(lists:seq(1, 100), x),
    erlang:display(maps:keys(Big)),
    erlang:display(maps:to_list(maps:from_list([{I, -I} || I <- lists:seq(1, 50)]))),
    erlang:display(maps:values(maps:from_list([{I, -I} || I <- lists:seq(1, 50)]))),
    RoundTrip = maps:from_list(maps:to_list(Big)),
    erlang:display(RoundTrip =:= Big),
    erlang:display(try_it(fun() -> maps:from_list([{a, 1} | b]) end)),
    erlang:display(try_it(fun() -> maps:from_list([{a, 1}, {b}]) end)),
    erlang:display(try_it(fun() -> maps:from_list(id(nolist)) end)),
    erlang:display(try_it(fun() -> maps:from_keys([a | b], 1) end)),
    erlang:display(try_it(fun() -> maps:keys(id(nomap)) end)),
    erlang:display(try_it(fun() -> maps:values(id(nomap)) end)),
    erlang:display(try_it(fun() -> maps:to_list(id(nomap)) end)),
    ok.
