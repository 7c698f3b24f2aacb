-module(map_order_100).
-export([main/0]).

%% 100 keys of mixed types: integers, floats, bignums, tuples, strings, binaries, lists,
%% negative numbers, nested maps. Every such key hashes as in BEAM, so the trie and every
%% order match it.

main() ->
    Keys = [I || I <- lists:seq(1, 20)]
        ++ [I * 0.5 || I <- lists:seq(1, 10)]
        ++ [I * 12345678901234567890 || I <- lists:seq(1, 10)]
        ++ [{I, -I} || I <- lists:seq(1, 10)]
        ++ ["key" ++ integer_to_list(I) || I <- lists:seq(1, 10)]
        ++ [<<"bin", 0, 1, 2>>, <<"a">>, <<>>, <<"longer binary key for twelve+ bytes">>, <<255, 254>>]
        ++ [[I, I + 1000] || I <- lists:seq(1, 10)]
        ++ [-I * 7 || I <- lists:seq(1, 10)]
        ++ [#{I => I} || I <- lists:seq(1, 5)]
        ++ [[], {}, 0.0, -1.5, [[]]],
    M = maps:from_list([{K, N} || {K, N} <- lists:zip(Keys, lists:seq(1, length(Keys)))]),
    erlang:display(map_size(M)),
    erlang:display(M),
    erlang:display(maps:keys(M)),
    erlang:display(maps:values(M)),
    erlang:display(maps:fold(fun(K, _, A) -> [K | A] end, [], M)),
    erlang:display([maps:get(K, M) || K <- Keys] =:= lists:seq(1, length(Keys))),
    ok.
