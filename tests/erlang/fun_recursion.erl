-module(fun_recursion).
-export([main/0, id/1]).
%% Recursion through funs: named funs, funs passed to themselves, deep tail calls through funs
%% (which must not grow the stack), and funs kept in data structures.
id(X) -> X.

main() ->
    Fact = fun F(0) -> 1; F(N) -> N * F(N - 1) end,
    erlang:display(Fact(id(20))),
    Loop = fun L(0, Acc) -> Acc; L(N, Acc) -> L(N - 1, Acc + 1) end,
    erlang:display(Loop(id(3000000), 0)),
    Y = fun(Self, N) when N > 0 -> Self(Self, N - 1); (_, N) -> {done, N} end,
    erlang:display(Y(Y, id(1000000))),
    Table = #{},
    _ = Table,
    Ops = [{add, fun erlang:'+'/2}, {sub, fun erlang:'-'/2}, {mul, fun erlang:'*'/2}],
    erlang:display([{Name, Op(id(7), 3)} || {Name, Op} <- Ops]),
    Fib = fun Fb(N) when N < 2 -> N; Fb(N) -> Fb(N - 1) + Fb(N - 2) end,
    erlang:display(Fib(id(22))),
    erlang:display(lists:map(fun({K, V}) -> {V, K} end, [{a, 1}, {b, 2}])),
    erlang:display(lists:filter(fun(X) -> X rem 3 =:= 0 end, lists:seq(1, 20))),
    erlang:display(lists:sort(fun(A, B) -> A > B end, [3, 1, 4, 1, 5, 9, 2, 6])),
    ok.
