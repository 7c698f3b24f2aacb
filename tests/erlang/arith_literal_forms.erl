-module(arith_literal_forms).
-export([main/0, id/1]).

%% Integer literals in other bases and as characters, and operators with
%% one literal operand (erlc emits immediate-operand forms for these).

id(X) -> X.

main() ->
    erlang:display([16#FF, 16#ff, 2#1010, 8#777, 36#ZZ, $a, $\n, $\s, $\\, $\0, -16#10]),
    erlang:display([1_000_000, 16#FFFF_FFFF, 2#1111_0000]),
    X = id(100),
    N = id(-37),
    erlang:display({X + 1, X - 1, 1 - X, X * -1, -1 * X, X * 0, X + -5}),
    erlang:display({N div 5, N rem 5, N div -5, N rem -5, 5 div id(-2), 5 rem id(-2)}),
    erlang:display({N band 16#FF, N bor 1, N bxor -1, 255 band N}),
    erlang:display({N bsl 3, N bsr 3, 1 bsl id(4), -1 bsr id(1)}),
    erlang:display({X > 99, X >= 100, X < 101, X =< 99, X == 100, X /= 100, 100 =:= X}),
    erlang:display({-X, - -X, -(-(-X))}),
    erlang:display({$a + 1, $z - $a, [$a + I || I <- lists:seq(0, id(5))]}),
    erlang:display(inc_all(id([1, 2, 3]))),
    erlang:display(scale(id(7))),
    ok.

inc_all([]) -> [];
inc_all([H | T]) -> [H + 1 | inc_all(T)].

scale(V) -> {V * 2, V * 1024, V * 1000000007, V bsl 40, V div 3, V rem 3}.
