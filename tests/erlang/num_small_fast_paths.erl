-module(num_small_fast_paths).
-export([main/0]).
%% The interpreter's inline paths for *, band, bor, rem and div on small integers, at the
%% edges where they must hand over to the general BIFs (overflow into bignums, zero divisors,
%% negative operands, non-integers).
id(X) -> X.
%% An error's reason and its first (erlang) frame.
err(F) -> try F() catch C:R:St -> {C, R, hd(St)} end.
main() ->
    Max = id(1 bsl 59 - 1), Min = id(-(1 bsl 59)),
    Vals = [0, 1, -1, 7, -7, 3, -3, Max, Min, Max - 1, Min + 1, 1 bsl 30, -(1 bsl 31)],
    erlang:display([X * Y || X <- Vals, Y <- Vals]),
    erlang:display([X band Y || X <- Vals, Y <- Vals]),
    erlang:display([X bor Y || X <- Vals, Y <- Vals]),
    erlang:display([{X rem Y, X div Y} || X <- Vals, Y <- Vals, Y =/= 0]),
    erlang:display(Min div id(-1)),
    erlang:display(err(fun() -> id(1) rem id(0) end)),
    erlang:display(err(fun() -> id(1) div id(0) end)),
    erlang:display(err(fun() -> id(a) * 2 end)),
    erlang:display(err(fun() -> id(1.5) band 1 end)),
    erlang:display(id(3) * id(2.5)),
    erlang:display(id(1 bsl 70) band id(-1)),
    erlang:display(id(-(1 bsl 70)) bor id(5)),
    erlang:display(id(1 bsl 70) rem id(7)).
