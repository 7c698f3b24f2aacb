-module(exc_catch_expr).
-export([main/0, id/1]).

%% The old-style catch expression: throw gives the thrown value, error
%% gives {'EXIT', {Reason, Stack}}, exit gives {'EXIT', Reason}, a normal
%% value passes through.

id(X) -> X.

main() ->
    erlang:display(catch id(42)),
    erlang:display(catch throw(id(thrown))),
    erlang:display(catch exit(id(bye))),
    erlang:display(catch exit(id({shutdown, 1}))),
    erlang:display(show(catch error(id(oops)))),
    erlang:display(show(catch id(1) + id(a))),
    erlang:display(show(catch element(id(3), id({a})))),
    erlang:display(show(catch f(id(2)))),
    erlang:display(show(catch list_to_integer(id("x")))),
    X = (catch id(10)) + 1,
    erlang:display(X),
    Y = case catch g(id(bad)) of
            {'EXIT', _} -> recovered;
            V -> {value, V}
        end,
    erlang:display(Y),
    erlang:display(catch g(id(good))),
    erlang:display(catch (catch throw(id(inner)))),
    erlang:display(catch throw(id({'EXIT', fake}))),
    erlang:display([show_h(catch h(I)) || I <- id([1, 2, 3, 4])]),
    ok.

st(St) -> test_support:st(?MODULE, St).

show({'EXIT', {Reason, Stack}}) when is_list(Stack) -> {'EXIT', Reason, st(Stack)};
show(Other) -> {value, Other}.

f(1) -> one.

g(good) -> fine;
g(bad) -> erlang:error(badness).

h(1) -> throw(one);
h(2) -> exit(two);
h(3) -> three;
h(4) -> error(four).

show_h({'EXIT', {R, St}}) when is_list(St) -> {error_exit, R};
show_h(V) -> V.
