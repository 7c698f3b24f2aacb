-module(map_literals).
-export([main/0, id/1]).

%% Map literals of more than 32 keys (from the literal table), used as they are, as the
%% source of an update and in patterns; and small literals as update sources.

id(X) -> X.

big() -> #{1 => {v, 1}, 2 => {v, 2}, 3 => {v, 3}, 4 => {v, 4}, 5 => {v, 5}, 6 => {v, 6}, 7 => {v, 7}, 8 => {v, 8}, 9 => {v, 9}, 10 => {v, 10}, 11 => {v, 11}, 12 => {v, 12}, 13 => {v, 13}, 14 => {v, 14}, 15 => {v, 15}, 16 => {v, 16}, 17 => {v, 17}, 18 => {v, 18}, 19 => {v, 19}, 20 => {v, 20}, 21 => {v, 21}, 22 => {v, 22}, 23 => {v, 23}, 24 => {v, 24}, 25 => {v, 25}, 26 => {v, 26}, 27 => {v, 27}, 28 => {v, 28}, 29 => {v, 29}, 30 => {v, 30}, 31 => {v, 31}, 32 => {v, 32}, 33 => {v, 33}, 34 => {v, 34}, 35 => {v, 35}, 36 => {v, 36}, 37 => {v, 37}, 38 => {v, 38}, 39 => {v, 39}, 40 => {v, 40}}.

tuples() -> #{{1} => 1, {2} => 2, {3} => 3, {4} => 4, {5} => 5, {6} => 6, {7} => 7, {8} => 8, {9} => 9, {10} => 10, {11} => 11, {12} => 12, {13} => 13, {14} => 14, {15} => 15, {16} => 16, {17} => 17, {18} => 18, {19} => 19, {20} => 20, {21} => 21, {22} => 22, {23} => 23, {24} => 24, {25} => 25, {26} => 26, {27} => 27, {28} => 28, {29} => 29, {30} => 30, {31} => 31, {32} => 32, {33} => 33}.

main() ->
    B = big(),
    erlang:display(B),
    erlang:display(maps:keys(B)),
    erlang:display(B#{41 => new, 1 => changed}),
    erlang:display(B#{2 := two}),
    erlang:display(maps:remove(40, maps:remove(39, B))),
    erlang:display(tuples()),
    erlang:display(maps:merge(B, tuples())),
    #{1 := One, 40 := Forty} = id(B),
    erlang:display({One, Forty}),
    erlang:display(B =:= maps:from_list([{I, {v, I}} || I <- lists:seq(1, 40)])),
    S = #{a => 1, b => 2},
    erlang:display(S#{c => id(3)}),
    erlang:display((id(S))#{a := 10}),
    ok.
