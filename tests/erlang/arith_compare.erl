-module(arith_compare).
-export([main/0, id/1]).

%% The eight comparison operators on integers, in guards and in bodies.

id(X) -> X.

main() ->
    Pairs = [{1, 2}, {2, 1}, {2, 2}, {-1, 1}, {-5, -3}, {0, 0},
             {576460752303423487, -576460752303423487}],
    show(id(Pairs)),
    erlang:display([classify(X) || X <- id([-100, -1, 0, 1, 9, 10, 99, 100, 1000])]),
    erlang:display(count_between(id(lists:seq(-20, 20)), -5, 5, 0)),
    erlang:display(sign(id(-42)) + sign(id(42)) * 10 + sign(id(0)) * 100),
    erlang:display(is_sorted(id([1, 2, 2, 3, 9]))),
    erlang:display(is_sorted(id([1, 3, 2]))),
    ok.

show([]) -> ok;
show([{A, B} | T]) ->
    erlang:display({A, B, A < B, A > B, A =< B, A >= B, A == B, A /= B, A =:= B, A =/= B}),
    show(T).

classify(X) when X < 0 -> negative;
classify(0) -> zero;
classify(X) when X < 10 -> digit;
classify(X) when X =< 99 -> two_digits;
classify(X) when X >= 100, X =/= 1000 -> big;
classify(_) -> thousand.

count_between([], _, _, N) -> N;
count_between([X | T], Lo, Hi, N) when X >= Lo, X =< Hi -> count_between(T, Lo, Hi, N + 1);
count_between([_ | T], Lo, Hi, N) -> count_between(T, Lo, Hi, N).

sign(X) when X > 0 -> 1;
sign(X) when X < 0 -> -1;
sign(_) -> 0.

is_sorted([A, B | T]) when A =< B -> is_sorted([B | T]);
is_sorted([_, _ | _]) -> false;
is_sorted(_) -> true.
