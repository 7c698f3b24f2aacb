-module(num_float_of_bignum).
-export([main/0]).

%% float/1 of integers: BEAM converts a bignum limb by limb, rounding at each step (so
%% 2^117 + 2^64 + 1 becomes exactly 2^117); beyond the double range float/1 is badarg while
%% arithmetic is badarith. Comparisons of bignums with floats are exact.

id(X) -> X.

t(F) -> try F() catch C:R:S -> {C, R, hd(S)} end.

sh(F) -> float_to_list(F, [short]).

main() ->
    Is = [0, -1, (1 bsl 53) + 1, (1 bsl 54) + 3, (1 bsl 64) - 1, 1 bsl 64, -(1 bsl 64),
          (1 bsl 117) + (1 bsl 64) + 1, -((1 bsl 117) + (1 bsl 64) + 1), 1 bsl 1023,
          (1 bsl 1024) - (1 bsl 971), 12345678901234567890123456789],
    [erlang:display(sh(float(id(I)))) || I <- Is],
    erlang:display(float(id((1 bsl 117) + (1 bsl 64) + 1)) == float(id(1 bsl 117))),
    erlang:display(t(fun() -> float(id((1 bsl 1024) - (1 bsl 970))) end) =:= t(fun() -> float(id(1 bsl 1024)) end)),
    erlang:display(element(2, t(fun() -> float(id(1 bsl 1100)) end))),
    erlang:display(element(2, t(fun() -> float(id(-(1 bsl 1100))) end))),
    erlang:display(t(fun() -> float(id(a)) end)),
    erlang:display(float(id(2.5))),
    %% Mixed arithmetic converts the integer first.
    erlang:display(sh(id(1 bsl 64) + id(0.5))),
    erlang:display(sh(id((1 bsl 64) + 1) - id(1.0))),
    erlang:display(sh(id(1 bsl 100) * id(1.5))),
    erlang:display(sh(id(1 bsl 100) / id(1 bsl 99))),
    erlang:display(sh(id(3) / id(1 bsl 70))),
    erlang:display(element(2, t(fun() -> id(1 bsl 1100) + id(1.0) end))),
    erlang:display(element(2, t(fun() -> id(1 bsl 1100) / id(1 bsl 1099) end))),
    erlang:display(element(2, t(fun() -> id(1.0) * id(1 bsl 1100) end))),
    %% Exact comparisons.
    B = id(1 bsl 64),
    erlang:display({B + 1 > float(B), B + 1 == float(B), B == float(B), B =:= float(B),
                    B - 1 < float(B), id(1 bsl 1100) > 1.7976931348623157e308,
                    -id(1 bsl 1100) < -1.7976931348623157e308, id(9007199254740993) > 9007199254740992.0,
                    id(9007199254740993) == 9007199254740992.0}),
    erlang:display(lists:sort([id(1 bsl 64) + 1, float(1 bsl 64), id(1 bsl 64) - 1, 1.0e19, id(1 bsl 64)])),
    ok.
