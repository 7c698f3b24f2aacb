-module(map_bif_put_remove).
-export([main/0, id/1]).

%% maps:put/3, maps:remove/2, maps:take/2 and maps:update/3 on flat and hash maps, across the
%% 32-key border in both directions.

id(X) -> X.

try_it(F) ->
    try F() of
        V -> {ok, V}
    catch
        C:R:St -> {C, R, [{M, Fn, A} || {M, Fn, A, _} <- St, M =:= ?MODULE orelse M =:= erlang orelse M =:= maps]}
    end.

main() ->
    S = id(#{a => 1, b => 2}),
    erlang:display(maps:put(c, 3, S)),
    erlang:display(maps:put(a, 3, S)),
    erlang:display(maps:put(1.0, f, maps:put(1, i, S))),
    erlang:display(maps:remove(a, S)),
    erlang:display(maps:remove(zz, S)),
    erlang:display(maps:remove(b, maps:remove(a, S))),
    erlang:display(maps:take(a, S)),
    erlang:display(maps:take(zz, S)),
    erlang:display(maps:update(b, 20, S)),
    %% The border: 33 -> 32 keys turns the trie back into a flat map.
    M33 = maps:from_list([{I, I} || I <- lists:seq(1, 33)]),
    erlang:display(M33),
    M32 = maps:remove(17, M33),
    erlang:display(M32),
    erlang:display(maps:put(17, back, M32)),
    {V, M32b} = maps:take(33, M33),
    erlang:display({V, M32b}),
    erlang:display(maps:remove(999, M33) =:= M33),
    %% Removing from a big trie, then putting back.
    Big = maps:from_list([{I, I} || I <- lists:seq(1, 300)]),
    Fewer = lists:foldl(fun maps:remove/2, Big, lists:seq(1, 300, 3)),
    erlang:display(map_size(Fewer)),
    erlang:display(maps:keys(Fewer)),
    Back = lists:foldl(fun(K, Acc) -> maps:put(K, K, Acc) end, Fewer, lists:seq(1, 300, 3)),
    erlang:display(Back =:= Big),
    erlang:display(maps:keys(Back) =:= maps:keys(Big)),
    %% Down to nothing.
    Empty = lists:foldl(fun maps:remove/2, Big, lists:seq(1, 300)),
    erlang:display(Empty),
    erlang:display(try_it(fun() -> maps:put(a, 1, id(nomap)) end)),
    erlang:display(try_it(fun() -> maps:remove(a, id(nomap)) end)),
    erlang:display(try_it(fun() -> maps:take(a, id(nomap)) end)),
    erlang:display(try_it(fun() -> maps:update(zz, 1, S) end)),
    ok.
