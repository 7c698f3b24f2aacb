-module(num_bignum_bitwise).
-export([main/0]).

%% band, bor, bxor and bnot on negative and positive bignums (two's complement semantics of
%% unbounded width), mixed with smalls, and results that shrink back to smalls.

id(X) -> X.

t(F) -> try F() catch C:R:S -> {C, R, hd(S)} end.

main() ->
    Vs = [id(V) || V <- [0, -1, 5, -6, (1 bsl 64) - 1, 1 bsl 64, -(1 bsl 64), -(1 bsl 64) - 1,
                          (1 bsl 100) + 12345, -((1 bsl 100) + 12345), -(1 bsl 59),
                          (1 bsl 59) - 1, 16#FFFF0000FFFF0000FFFF0000FFFF]],
    [erlang:display({A, B, A band B, A bor B, A bxor B}) || A <- Vs, B <- Vs],
    [erlang:display({A, bnot A}) || A <- Vs],
    erlang:display(bnot id(-(1 bsl 59) - 1)),
    erlang:display(id(-(1 bsl 64)) band id((1 bsl 64) - 1)),
    erlang:display(id(-(1 bsl 64)) bor id((1 bsl 64) - 1)),
    erlang:display(id(-1) bxor id(1 bsl 128)),
    erlang:display(t(fun() -> id(1 bsl 64) band id(1.0) end)),
    erlang:display(t(fun() -> bnot id(1.5) end)),
    ok.
