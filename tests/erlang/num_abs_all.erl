-module(num_abs_all).
-export([main/0]).

%% abs/1 of every kind of number: smalls (including the most negative small, whose absolute
%% value is a bignum), bignums of both signs, floats (abs(-0.0) stays -0.0), and badarg.

id(X) -> X.

t(F) -> try F() catch C:R:S -> {C, R, hd(S)} end.

main() ->
    [erlang:display(abs(id(V))) || V <- [0, 5, -5, (1 bsl 59) - 1, -(1 bsl 59), -(1 bsl 59) - 1,
                                          1 bsl 64, -(1 bsl 64), -(1 bsl 200)]],
    [erlang:display(float_to_list(abs(id(V)), [short])) || V <- [0.0, -0.0, 1.5, -1.5, -1.0e300, -5.0e-324]],
    erlang:display(abs(id(-(1 bsl 59))) =:= 1 bsl 59),
    erlang:display(t(fun() -> abs(id(a)) end)),
    erlang:display(t(fun() -> abs(id("1")) end)),
    %% In a guard, a bad argument just fails the guard.
    G = fun(X) when abs(X) > 3 -> big; (_) -> small end,
    erlang:display([G(id(V)) || V <- [-5, 2, a, -(1 bsl 70)]]),
    ok.
