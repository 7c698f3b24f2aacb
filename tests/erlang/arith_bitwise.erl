-module(arith_bitwise).
-export([main/0, id/1]).

%% band/bor/bxor/bnot, in particular on negative numbers (two's complement
%% semantics on an infinite bit string).

id(X) -> X.

main() ->
    Pairs = [{12, 10}, {-12, 10}, {12, -10}, {-12, -10},
             {-1, 255}, {0, -1}, {-1, -1}, {255, 256},
             {576460752303423487, -2}, {-576460752303423487, 1},
             {-576460752303423487, -576460752303423487},
             {16#F0F0F0F0F0, 16#0FF00FF00F}, {-16#100, 16#1FF}],
    show(id(Pairs)),
    erlang:display([bnot X || X <- id([0, 1, -1, 5, -6, 576460752303423487, -576460752303423487])]),
    erlang:display(popcount(id(16#DEADBEEF), 0)),
    erlang:display(popcount(id(576460752303423487), 0)),
    erlang:display(mask(id(-1), 8)),
    erlang:display(mask(id(-129), 8)),
    erlang:display(mask(id(300), 8)),
    V = id(2#1011),
    erlang:display({V band 2#0110, V bor 2#0100, V bxor 2#1111, V band -2}),
    ok.

show([]) -> ok;
show([{A, B} | T]) ->
    erlang:display({A band B, A bor B, A bxor B}),
    show(T).

popcount(0, Acc) -> Acc;
popcount(N, Acc) -> popcount(N bsr 1, Acc + (N band 1)).

mask(X, Bits) -> X band ((1 bsl Bits) - 1).
