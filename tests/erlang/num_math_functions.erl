-module(num_math_functions).
-export([main/0]).

%% The math module's BIFs on integers, bignums and floats. Values are shown in the shortest
%% round-trip form, so every digit is compared.

id(X) -> X.

sh(F) -> float_to_list(F, [short]).

main() ->
    One = [sin, cos, tan, asin, acos, atan, sinh, cosh, tanh, asinh, atanh, exp, erf, erfc,
           ceil, floor],
    [erlang:display({F, [sh(math:F(id(X))) || X <- [0.5, -0.5, 0.25, 0.9, 0]]}) || F <- One],
    [erlang:display({F, [sh(math:F(id(X))) || X <- [0.5, 0.25, 0.9, 3]]}) || F <- [log, log2, log10, sqrt]],
    [erlang:display({F, [sh(math:F(id(X))) || X <- [1, 2, 10, 1.5e3, 1 bsl 70]]})
     || F <- [acosh, log, log2, log10, sqrt, atan, asinh, ceil, floor]],
    erlang:display([sh(math:pow(id(X), id(Y))) || X <- [2, 2.5, 10, 0.5], Y <- [0, 1, 3, 0.5, -2]]),
    erlang:display([sh(math:pow(id(-2), id(Y))) || Y <- [0, 1, 3, -2, 2.0]]),
    erlang:display([sh(math:atan2(id(Y), id(X))) || Y <- [0, 1, -1, 0.0], X <- [1, -1, 0, -0.0]]),
    erlang:display([sh(math:fmod(id(X), id(Y))) || X <- [5, -5, 5.5, 1 bsl 64], Y <- [3, -3, 0.7]]),
    erlang:display(sh(math:pi())),
    erlang:display(sh(math:exp(1))),
    erlang:display(sh(math:exp(-1000))),
    erlang:display(sh(math:log(1 bsl 1000))),
    erlang:display(sh(math:pow(2, 1023))),
    erlang:display(sh(math:sin(1.0e300))),
    erlang:display(sh(math:tan(1.5707963267948966))),
    erlang:display(sh(math:erfc(30))),
    erlang:display(sh(math:floor(1 bsl 60))),
    erlang:display(sh(math:ceil(-0.5))),
    erlang:display((fun math:sqrt/1)(id(16))),
    erlang:display(apply(math, cos, [id(0)])),
    erlang:display(lists:map(fun math:log2/1, [1, 2, 4, 1024])),
    ok.
