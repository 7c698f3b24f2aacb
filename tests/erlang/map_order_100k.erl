-module(map_order_100k).
-export([main/0]).

%% 100,000 keys (many full 32-bit hash collisions among them, placed a level-8 salt deeper as
%% BEAM does). The whole order is summarised by position-weighted checksums; the ends of the
%% key list are shown.

main() ->
    M = maps:from_list([{I, I} || I <- lists:seq(1, 70000)] ++ [{{I}, I} || I <- lists:seq(1, 15000)]
                       ++ [{I + 0.5, I} || I <- lists:seq(1, 15000)]),
    erlang:display(map_size(M)),
    Keys = maps:keys(M),
    erlang:display(lists:sublist(Keys, 40)),
    erlang:display(lists:nthtail(length(Keys) - 40, Keys)),
    erlang:display(check(Keys)),
    Folded = maps:fold(fun(K, _, A) -> [K | A] end, [], M),
    erlang:display(check(Folded)),
    {K1, _, I1} = maps:next(maps:iterator(M)),
    {K2, _, _} = maps:next(I1),
    erlang:display({K1, K2}),
    M2 = lists:foldl(fun maps:remove/2, M, lists:seq(1, 70000, 2)),
    erlang:display(map_size(M2)),
    erlang:display(check(maps:keys(M2))),
    erlang:display(lists:sublist(maps:to_list(M2), 20)),
    ok.

check(L) -> check(L, 1, 0).
check([], _, Acc) -> Acc;
check([K | T], I, Acc) -> check(T, I + 1, (Acc * 31 + key_num(K) * I) rem 1000000007).

key_num(K) when is_integer(K) -> K;
key_num({K}) -> 3 * K + 1;
key_num(F) when is_float(F) -> 5 * trunc(F) + 2.
