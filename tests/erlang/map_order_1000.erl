-module(map_order_1000).
-export([main/0]).

%% 1000 keys: a trie several levels deep; tuples, floats and strings mixed in.

main() ->
    Keys = lists:seq(1, 700) ++ [{I} || I <- lists:seq(1, 100)] ++ [I / 4 || I <- lists:seq(1, 100)]
        ++ [integer_to_list(I) || I <- lists:seq(1, 100)],
    M = maps:from_keys(Keys, 0),
    erlang:display(map_size(M)),
    erlang:display(M),
    erlang:display(maps:keys(M)),
    M2 = maps:map(fun(K, _) -> K end, M),
    erlang:display(maps:values(M2) =:= maps:keys(M)),
    erlang:display(maps:fold(fun(K, _, A) -> [K | A] end, [], M) =:= lists:reverse(maps:keys(M))),
    ok.
