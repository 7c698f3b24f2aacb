-module(hash_strings_binaries).
-export([main/0]).
%% phash2 and phash of strings and binaries of every length from 0 to 100 (strings hash in
%% groups of four bytes, binaries in Jenkins' 12-byte blocks with a tail), lists that turn
%% from bytes into other terms midway, and bitstrings with 1..7 trailing bits.

main() ->
    Strs = [lists:sublist(lists:seq(1, 255), N) || N <- lists:seq(0, 100)],
    erlang:display([erlang:phash2(S) || S <- Strs]),
    erlang:display([erlang:phash(S, 1 bsl 32) || S <- Strs]),
    Bins = [list_to_binary(S) || S <- Strs],
    erlang:display([erlang:phash2(B) || B <- Bins]),
    erlang:display([erlang:phash(B, 1 bsl 32) || B <- Bins]),
    Mixed = [lists:sublist("abcdefg", N) ++ [X] ++ "xyz" || N <- lists:seq(0, 7), X <- [a, 256, -1, [], "q"]],
    erlang:display([erlang:phash2(L) || L <- Mixed]),
    erlang:display([erlang:phash(L, 1 bsl 32) || L <- Mixed]),
    Improper = [lists:sublist("abcdefg", N) ++ T || N <- lists:seq(1, 7), T <- [x, <<>>, 3]],
    erlang:display([{erlang:phash2(L), erlang:phash(L, 1 bsl 32)} || L <- Improper]),
    Bits = [<<V:N>> || N <- lists:seq(1, 23), V <- [0, 1, (1 bsl N) - 1]],
    erlang:display([erlang:phash2(B) || B <- Bits]),
    erlang:display([erlang:phash(B, 1 bsl 32) || B <- Bits]),
    Big = list_to_binary([I rem 256 || I <- lists:seq(1, 100000)]),
    erlang:display({erlang:phash2(Big), erlang:phash(Big, 1 bsl 32)}),
    ok.
