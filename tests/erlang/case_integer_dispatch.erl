-module(case_integer_dispatch).
-export([main/0, id/1]).

%% case over integers: dense ranges (jump tables), sparse values (binary
%% search), negative values, and values outside the table.

id(X) -> X.

main() ->
    erlang:display([dense(X) || X <- id(lists:seq(-2, 12))]),
    erlang:display([sparse(X) || X <- id([1, 10, 100, 1000, 10000, 99, 101, -1000, 576460752303423487, 0])]),
    erlang:display([neg(X) || X <- id([-3, -2, -1, 0, 1, 2])]),
    erlang:display([http(C) || C <- id([200, 201, 204, 301, 302, 404, 418, 500, 503, 999])]),
    erlang:display([roman(N) || N <- id([1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999])]),
    erlang:display([mixed(X) || X <- id([0, 1, a, "x", 2, {}, b, 3])]),
    ok.

dense(0) -> zero;
dense(1) -> one;
dense(2) -> two;
dense(3) -> three;
dense(4) -> four;
dense(5) -> five;
dense(6) -> six;
dense(7) -> seven;
dense(8) -> eight;
dense(9) -> nine;
dense(10) -> ten;
dense(_) -> out_of_range.

sparse(X) ->
    case X of
        1 -> a;
        10 -> b;
        100 -> c;
        1000 -> d;
        10000 -> e;
        -1000 -> f;
        576460752303423487 -> max;
        _ -> none
    end.

neg(-3) -> minus_three;
neg(-2) -> minus_two;
neg(-1) -> minus_one;
neg(0) -> zero;
neg(N) -> {other, N}.

http(200) -> ok;
http(201) -> created;
http(204) -> no_content;
http(301) -> moved;
http(302) -> found;
http(404) -> not_found;
http(418) -> teapot;
http(500) -> server_error;
http(503) -> unavailable;
http(C) when C >= 500 -> {server, C};
http(C) -> {unknown, C}.

roman(0) -> [];
roman(N) when N >= 1000 -> [$M | roman(N - 1000)];
roman(N) when N >= 900 -> "CM" ++ roman(N - 900);
roman(N) when N >= 500 -> [$D | roman(N - 500)];
roman(N) when N >= 400 -> "CD" ++ roman(N - 400);
roman(N) when N >= 100 -> [$C | roman(N - 100)];
roman(N) when N >= 90 -> "XC" ++ roman(N - 90);
roman(N) when N >= 50 -> [$L | roman(N - 50)];
roman(N) when N >= 40 -> "XL" ++ roman(N - 40);
roman(N) when N >= 10 -> [$X | roman(N - 10)];
roman(9) -> "IX";
roman(N) when N >= 5 -> [$V | roman(N - 5)];
roman(4) -> "IV";
roman(N) -> [$I | roman(N - 1)].

mixed(0) -> int_zero;
mixed(1) -> int_one;
mixed(a) -> atom_a;
mixed(b) -> atom_b;
mixed(2) -> int_two;
mixed(_) -> other.
