-module(prog_bigint_digits).
-export([main/0, id/1]).

%% Arbitrary-precision arithmetic done by hand on lists of decimal digits
%% (least significant first), so only small integers are used: 50!, 2^200,
%% and Fibonacci(300), printed as strings.

id(X) -> X.

main() ->
    erlang:display(to_string(factorial(id(50)))),
    erlang:display(to_string(pow2(id(200)))),
    erlang:display(to_string(fib(id(300)))),
    erlang:display(length(factorial(id(100)))),
    erlang:display(digit_sum(factorial(id(100)))),
    erlang:display(to_string(add(from_int(id(999999999)), from_int(id(1))))),
    erlang:display(to_string(mul_small(from_int(id(123456789)), id(987654321)))),
    erlang:display(to_string(from_int(id(0)))),
    ok.

from_int(0) -> [0];
from_int(N) -> from_int_(N).

from_int_(0) -> [];
from_int_(N) -> [N rem 10 | from_int_(N div 10)].

to_string(Ds) -> [D + $0 || D <- lists:reverse(Ds)].

add(A, B) -> add(A, B, 0).

add([], [], 0) -> [];
add([], [], C) -> from_int_(C);
add([], B, C) -> add([0], B, C);
add(A, [], C) -> add(A, [0], C);
add([X | Xs], [Y | Ys], C) ->
    S = X + Y + C,
    [S rem 10 | add(Xs, Ys, S div 10)].

mul_small(Ds, M) -> trim(mul_small(Ds, M, 0)).

mul_small([], _, 0) -> [];
mul_small([], _, C) -> from_int_(C);
mul_small([D | Ds], M, C) ->
    P = D * M + C,
    [P rem 10 | mul_small(Ds, M, P div 10)].

trim(Ds) ->
    case lists:reverse(drop_zeros(lists:reverse(Ds))) of
        [] -> [0];
        T -> T
    end.

drop_zeros([0 | T]) -> drop_zeros(T);
drop_zeros(L) -> L.

factorial(N) -> factorial(N, [1]).

factorial(0, Acc) -> Acc;
factorial(N, Acc) -> factorial(N - 1, mul_small(Acc, N)).

pow2(0) -> [1];
pow2(N) -> mul_small(pow2(N - 1), 2).

fib(N) -> fib(N, [0], [1]).

fib(0, A, _) -> A;
fib(N, A, B) -> fib(N - 1, B, add(A, B)).

digit_sum(Ds) -> lists:sum(Ds).
