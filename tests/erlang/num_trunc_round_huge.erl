-module(num_trunc_round_huge).
-export([main/0]).

%% trunc, round, ceil and floor: half away from zero for round, huge floats become bignums,
%% integers pass through, anything else is badarg.

id(X) -> X.

t(F) -> try F() catch C:R:S -> {C, R, hd(S)} end.

main() ->
    Fs = [0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994,
          -0.49999999999999994, 4503599627370497.0, 9007199254740993.0, 1.0e19, -1.0e19,
          9.2e18, -9.2e18, 1.8446744073709552e19, 1.0e20, -1.0e20, 1.0e300, -1.0e300,
          1.7976931348623157e308, 5.0e-324, -5.0e-324, 123.456, -123.456],
    [erlang:display({trunc(id(F)), round(id(F)), ceil(id(F)), floor(id(F))}) || F <- Fs],
    [erlang:display({trunc(id(I)), round(id(I)), ceil(id(I)), floor(id(I))})
     || I <- [0, -7, 1 bsl 64, -(1 bsl 100)]],
    erlang:display(round(id(-1.0e300)) div (1 bsl 900)),
    erlang:display(float(trunc(id(1.0e300))) =:= 1.0e300),
    [erlang:display(t(fun() -> erlang:F(id(a)) end)) || F <- [trunc, round, ceil, floor]],
    erlang:display(t(fun() -> trunc(id("1.5")) end)),
    ok.
