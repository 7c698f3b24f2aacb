-module(num_bignum_div_rem).
-export([main/0]).

%% div truncates towards zero and rem takes the sign of the dividend, for every sign
%% combination of smalls and bignums; division by zero is badarith.

id(X) -> X.

t(F) -> try F() catch C:R:S -> {C, R, hd(S)} end.

main() ->
    As = [7, -7, 1 bsl 64, -(1 bsl 64), (1 bsl 100) + 3, -((1 bsl 100) + 3), 1 bsl 59,
          -(1 bsl 59), 3, (1 bsl 64) - 1],
    Bs = [2, -2, 3, -3, 1 bsl 64, -(1 bsl 64), (1 bsl 64) + 1, (1 bsl 40) + 7, -1,
          (1 bsl 200), 1 bsl 59],
    [erlang:display({A, B, id(A) div id(B), id(A) rem id(B)}) || A <- As, B <- Bs],
    %% The quotient and remainder always recombine.
    erlang:display(lists:all(fun({A, B}) -> (A div B) * B + A rem B =:= A end,
                             [{A, B} || A <- As, B <- Bs])),
    erlang:display(id(-(1 bsl 59)) div -1),
    erlang:display(t(fun() -> id(1 bsl 64) div id(0) end)),
    erlang:display(t(fun() -> id(1 bsl 64) rem id(0) end)),
    erlang:display(t(fun() -> id(1 bsl 64) div id(2.0) end)),
    erlang:display(t(fun() -> id(5) rem id(a) end)),
    ok.
