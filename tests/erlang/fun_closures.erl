-module(fun_closures).
-export([main/0, id/1]).

%% Closures capture variables at creation time; funs returning funs;
%% recursion through named funs; funs stored in data structures.

id(X) -> X.

main() ->
    Add = fun(N) -> fun(X) -> X + N end end,
    Add5 = Add(id(5)),
    Add10 = Add(id(10)),
    erlang:display({Add5(1), Add10(1), (Add(100))(1)}),
    Counter = make_counter(id(0)),
    {V1, C1} = Counter(),
    {V2, C2} = C1(),
    {V3, _} = C2(),
    erlang:display({V1, V2, V3}),
    Fact = fun F(0) -> 1; F(N) -> N * F(N - 1) end,
    erlang:display(Fact(id(15))),
    Fib = fun Fib(N) when N < 2 -> N; Fib(N) -> Fib(N - 1) + Fib(N - 2) end,
    erlang:display([Fib(I) || I <- lists:seq(0, id(15))]),
    Ops = [{add, fun(A, B) -> A + B end}, {mul, fun(A, B) -> A * B end},
           {sub, fun(A, B) -> A - B end}],
    erlang:display([{Name, Op(id(6), id(7))} || {Name, Op} <- Ops]),
    Compose = fun(F, G) -> fun(X) -> F(G(X)) end end,
    Inc = fun(X) -> X + 1 end,
    Dbl = fun(X) -> X * 2 end,
    erlang:display({(Compose(Inc, Dbl))(id(5)), (Compose(Dbl, Inc))(id(5))}),
    Captured = [fun() -> I * I end || I <- lists:seq(1, id(5))],
    erlang:display([F() || F <- Captured]),
    erlang:display(is_function(Inc)),
    erlang:display(is_function(Inc, 1)),
    erlang:display(is_function(Inc, 2)),
    ok.

make_counter(N) ->
    fun() -> {N, make_counter(N + 1)} end.
