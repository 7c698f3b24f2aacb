-module(num_bignum_limbs).
-export([main/0]).

%% + - * on integers at the limb boundaries (2^59 small limit, 2^63, 2^64, 2^64 +- 1, 2^128),
%% with both signs, and results that come back into the small range.

id(X) -> X.

vals() ->
    [0, 1, -1, (1 bsl 59) - 1, -(1 bsl 59), 1 bsl 59, -(1 bsl 59) - 1, 1 bsl 63,
     (1 bsl 63) - 1, -(1 bsl 63), (1 bsl 64) - 1, 1 bsl 64, (1 bsl 64) + 1, -(1 bsl 64),
     (1 bsl 128) - 1, 1 bsl 128, -(1 bsl 128)].

main() ->
    Vs = [id(V) || V <- vals()],
    [erlang:display({A, B, A + B, A - B}) || A <- Vs, B <- Vs],
    [erlang:display(A * B) || A <- Vs, B <- Vs],
    %% Back into the small range, and exactly onto its limits.
    erlang:display((id(1 bsl 64) - (1 bsl 64)) =:= 0),
    erlang:display(id(1 bsl 59) - 1),
    erlang:display(id(-(1 bsl 59) - 1) + 1),
    erlang:display(id((1 bsl 64) + 5) - (1 bsl 64)),
    erlang:display(id(-(1 bsl 128)) + (1 bsl 128) - 1),
    erlang:display(-id(-(1 bsl 59))),
    erlang:display(-id(1 bsl 59)),
    erlang:display(id(1 bsl 59) =:= -(-(1 bsl 59))),
    ok.
