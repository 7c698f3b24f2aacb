-module(arith_large_small).
-export([main/0, id/1]).

%% Results close to the small-integer limit (2^59 - 1) must be exact.
%% No intermediate value leaves the range |x| < 2^59.

id(X) -> X.

main() ->
    Max = ((id(1) bsl 58) - 1) * 2 + 1,
    erlang:display(Max),
    erlang:display(-Max),
    erlang:display(Max =:= id(576460752303423487)),
    erlang:display(Max - id(1)),
    erlang:display(Max div id(2)),
    erlang:display(Max rem id(1000)),
    erlang:display(id(759250124) * id(759250124)),
    erlang:display(id(-759250124) * id(759250124)),
    erlang:display(id(288230376151711743) + id(288230376151711744)),
    erlang:display(id(-288230376151711743) - id(288230376151711744)),
    erlang:display(id(1 bsl 29) * id(1 bsl 29)),
    erlang:display(id(24019198012642645) * id(24)),
    erlang:display(integer_to_list(Max)),
    erlang:display(list_to_integer(id("576460752303423487"))),
    erlang:display(list_to_integer(id("-576460752303423487"))),
    erlang:display(fact(id(19))),
    erlang:display(fib(id(85), 0, 1)),
    erlang:display(Max > id(576460752303423486)),
    erlang:display(-Max < id(-576460752303423486)),
    erlang:display(Max band id(16#FFFF)),
    erlang:display(tri(id(1000000))),
    ok.

fact(0) -> 1;
fact(N) -> N * fact(N - 1).

%% computes fib(N + 1) too, so N = 85 is the largest safe argument
fib(0, A, _) -> A;
fib(N, A, B) -> fib(N - 1, B, A + B).

tri(N) -> N * (N + 1) div 2.
