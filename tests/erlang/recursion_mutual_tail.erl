-module(recursion_mutual_tail).
-export([main/0, id/1]).

%% Tail calls must not grow the stack: 5 million iterations of a tail
%% loop, and 1 million of mutual tail recursion, run in constant space.

id(X) -> X.

main() ->
    erlang:display(count(id(5000000), 0)),
    erlang:display(is_even(id(1000000))),
    erlang:display(is_even(id(777777))),
    erlang:display(is_odd(id(777777))),
    erlang:display(state_a(id(300000), 0)),
    erlang:display(gcd_loop(id(576460752303423487), id(288230376151711743))),
    ok.

count(0, Acc) -> Acc;
count(N, Acc) -> count(N - 1, Acc + 1).

is_even(0) -> true;
is_even(N) -> is_odd(N - 1).

is_odd(0) -> false;
is_odd(N) -> is_even(N - 1).

%% three-state machine with tail calls
state_a(0, Acc) -> {a, Acc};
state_a(N, Acc) -> state_b(N - 1, Acc + 1).

state_b(0, Acc) -> {b, Acc};
state_b(N, Acc) when N rem 2 =:= 0 -> state_c(N - 1, Acc + 2);
state_b(N, Acc) -> state_a(N - 1, Acc + 3).

state_c(0, Acc) -> {c, Acc};
state_c(N, Acc) -> state_a(N - 1, Acc * 1 + 5).

gcd_loop(A, 0) -> A;
gcd_loop(A, B) -> gcd_loop(B, A rem B).
