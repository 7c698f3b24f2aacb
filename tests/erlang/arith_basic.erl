-module(arith_basic).
-export([main/0, id/1]).

%% Addition, subtraction, multiplication and negation on small integers.
%% Every operand goes through id/1 so erlc cannot fold the expressions.

id(X) -> X.

main() ->
    A = id(7),
    B = id(-3),
    C = id(0),
    erlang:display(A + B),
    erlang:display(A - B),
    erlang:display(B - A),
    erlang:display(A * B),
    erlang:display(B * B * B),
    erlang:display(-A),
    erlang:display(-B),
    erlang:display(+A),
    erlang:display(A * C),
    erlang:display(C - A),
    erlang:display(A + B * A - C),
    erlang:display((A + B) * (A - B)),
    erlang:display(A - B - B - B),
    erlang:display(A + 1),
    erlang:display(1 - A),
    erlang:display(A * 1000),
    erlang:display(B - 100),
    erlang:display(sum_to(id(1000), 0)),
    erlang:display(poly(id(5))),
    erlang:display(poly(id(-5))),
    erlang:display([poly(X) || X <- lists:seq(-3, 3)]),
    erlang:display(id(123456789) * id(1000)),
    erlang:display(id(-987654321) + id(-123456789)),
    erlang:display(id(99999) * id(-99999)),
    erlang:display(square_sum(id(100))),
    ok.

sum_to(0, Acc) -> Acc;
sum_to(N, Acc) -> sum_to(N - 1, Acc + N).

poly(X) -> 3 * X * X - 2 * X + 7.

square_sum(0) -> 0;
square_sum(N) -> N * N + square_sum(N - 1).
