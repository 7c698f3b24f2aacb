-module(map_errors_traces).
-export([main/0, id/1]).

%% The error reasons and stack frames of failing map operations, with their locations: BIF
%% frames carry error_info; maps.erl functions show their own frames.

id(X) -> X.

st(St) -> test_support:st([?MODULE, maps], St).

run(F) ->
    try F() of
        V -> {ok, V}
    catch
        C:R:St -> {C, R, st(St)}
    end.

main() ->
    M = id(#{a => 1}),
    N = id(not_a_map),
    erlang:display(run(fun() -> maps:get(x, M) end)),
    erlang:display(run(fun() -> maps:get(x, N) end)),
    erlang:display(run(fun() -> map_size(N) end)),
    erlang:display(run(fun() -> M#{x := 1} end)),
    erlang:display(run(fun() -> N#{x := 1} end)),
    erlang:display(run(fun() -> N#{x => 1} end)),
    erlang:display(run(fun() -> #{x := _} = M end)),
    erlang:display(run(fun() -> maps:update(x, 1, M) end)),
    erlang:display(run(fun() -> maps:from_list([a]) end)),
    erlang:display(run(fun() -> maps:from_keys(N, 1) end)),
    erlang:display(run(fun() -> maps:merge(N, M) end)),
    erlang:display(run(fun() -> maps:to_list(N) end)),
    erlang:display(run(fun() -> maps:iterator(N) end)),
    erlang:display(run(fun() -> maps:next([bad | M]) end)),
    erlang:display(run(fun() -> maps:fold(fun(_, _, A) -> A end, 0, N) end)),
    erlang:display(run(fun() -> maps:fold(x, 0, M) end)),
    erlang:display(run(fun() -> maps:map(fun(_, _) -> erlang:error(inner) end, M) end)),
    erlang:display(run(fun() -> maps:filter(fun(_, _) -> notbool end, M) end)),
    erlang:display(run(fun() -> maps:update_with(x, fun(V) -> V end, M) end)),
    erlang:display(run(fun() -> maps:get(x, N, default) end)),
    erlang:display(run(fun() -> maps:with([a], N) end)),
    erlang:display(run(fun() -> maps:without([a], N) end)),
    erlang:display(run(fun() -> maps:size(N) end)),
    erlang:display(run(fun() -> maps:take(a, N) end)),
    ok.
