-module(fun_closures_nested).
-export([main/0, id/1]).
%% Closures capture their free variables by value; nested closures, closures returned from
%% functions, and funs called through apply/2.
id(X) -> X.

adder(N) -> fun(X) -> X + N end.
compose(F, G) -> fun(X) -> F(G(X)) end.
counter(Start) -> {fun() -> Start end, fun(D) -> counter(Start + D) end}.

main() ->
    A5 = adder(id(5)),
    erlang:display(A5(10)),
    Twice = compose(A5, A5),
    erlang:display(Twice(1)),
    {Get, Inc} = counter(id(7)),
    erlang:display(Get()),
    {Get2, _} = Inc(3),
    erlang:display(Get2()),
    Y = id(100),
    Nested = fun(A) -> fun(B) -> fun(C) -> A + B + C + Y end end end,
    erlang:display(((Nested(1))(2))(3)),
    erlang:display(apply(A5, [id(1)])),
    erlang:display(apply(fun(P, Q) -> {P, Q} end, [a, b])),
    Fs = [adder(I) || I <- lists:seq(1, 5)],
    erlang:display([F(id(10)) || F <- Fs]),
    erlang:display(lists:foldl(fun(F, Acc) -> F(Acc) end, 0, Fs)),
    erlang:display(is_function(A5)),
    erlang:display({is_function(A5, 1), is_function(A5, 2), is_function(id(x), 1)}),
    ok.
