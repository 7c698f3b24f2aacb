-module(case_guards).
-export([main/0, id/1]).

%% Guards: sequences with ',' (and) and ';' (or), andalso/orelse inside
%% guards, guard BIFs, and guards that raise (which just fail the guard).

id(X) -> X.

main() ->
    erlang:display([g1(X) || X <- id([-5, 0, 5, 15, 25, a, [], {1}])]),
    erlang:display([g2(X, Y) || {X, Y} <- id([{1, 1}, {1, 2}, {2, 1}, {0, 0}, {a, a}, {3, 9}])]),
    erlang:display([g3(X) || X <- id([{1, 2}, {1, 2, 3}, [1], [1, 2, 3, 4], 7, abc])]),
    erlang:display([g4(X) || X <- id([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])]),
    erlang:display([g5(X) || X <- id([{a, 1}, {a, -1}, {b, 1}, {b, x}, {c}, c])]),
    erlang:display([g6(X) || X <- id([3, -3, foo, [a, b], {x, y, z}, "str"])]),
    ok.

g1(X) when is_integer(X), X < 0 -> negative;
g1(X) when is_integer(X), X >= 0, X < 10 -> small;
g1(X) when is_integer(X), X >= 10, X < 20; X =:= 25 -> teen_or_25;
g1(X) when is_atom(X); is_tuple(X) -> atom_or_tuple;
g1(_) -> other.

g2(X, Y) when X =:= Y, is_integer(X) -> same_int;
g2(X, Y) when X =:= Y -> same;
g2(X, Y) when X < Y andalso Y =:= X * 3 -> triple;
g2(X, Y) when X < Y orelse Y =:= 0 -> less;
g2(_, _) -> greater.

g3(T) when tuple_size(T) =:= 2 -> pair;
g3(T) when tuple_size(T) > 2 -> big_tuple;
g3(L) when length(L) > 3 -> long_list;
g3(L) when length(L) >= 1 -> short_list;
g3(X) when X + 1 > 5 -> big_number;
g3(_) -> something_else.

g4(X) when X rem 15 =:= 0 -> fizzbuzz;
g4(X) when X rem 5 =:= 0 -> buzz;
g4(X) when X rem 3 =:= 0 -> fizz;
g4(X) -> X.

g5({a, N}) when N > 0 -> a_pos;
g5({a, _}) -> a_other;
g5({b, N}) when is_integer(N) andalso N > 0 -> b_pos;
g5({b, _}) -> b_other;
g5(T) when element(1, T) =:= c -> tagged_c;
g5(_) -> untagged.

g6(X) when not is_integer(X), not is_atom(X), length(X) =:= 2 -> two_list;
g6(X) when not (X > 0) -> not_positive;
g6(X) when is_integer(X) -> positive;
g6(X) when abs(X) > 0 -> impossible;
g6(_) -> fallthrough.
