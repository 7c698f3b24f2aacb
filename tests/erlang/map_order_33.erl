-module(map_order_33).
-export([main/0]).

%% A map of 33 integer keys: the smallest hash trie. erlang:display shows the trie's nodes
%% and bitmaps; keys/values/to_list give BEAM's order.

main() ->
    M = maps:from_list([{I, I * 2} || I <- lists:seq(1, 33)]),
    erlang:display(M),
    erlang:display(maps:keys(M)),
    erlang:display(maps:values(M)),
    erlang:display(maps:to_list(M)),
    erlang:display(maps:fold(fun(K, V, A) -> [{K, V} | A] end, [], M)),
    M2 = maps:from_list([{-I, I} || I <- lists:seq(1, 33)]),
    erlang:display(M2),
    M3 = maps:from_list([{I * 1000, I} || I <- lists:seq(1, 33)]),
    erlang:display(M3),
    ok.
