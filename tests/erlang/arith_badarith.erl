-module(arith_badarith).
-export([main/0, id/1]).

%% Arithmetic on non-numbers and division by zero raise badarith; the
%% stack trace starts with the operator as an erlang BIF frame.

id(X) -> X.

main() ->
    erlang:display(run(add, a, 1)),
    erlang:display(run(add, 1, [])),
    erlang:display(run(sub, {1}, 2)),
    erlang:display(run(mul, 3, "x")),
    erlang:display(run('div', 1, 0)),
    erlang:display(run('rem', 10, 0)),
    erlang:display(run('div', 7, 2)),
    erlang:display(run('band', 1, b)),
    erlang:display(run('bor', c, 1)),
    erlang:display(run('bxor', [], [])),
    erlang:display(run('bsl', 1, x)),
    erlang:display(run('bsr', y, 1)),
    erlang:display(run(neg, z, 0)),
    erlang:display(run('bnot', w, 0)),
    erlang:display(run(add, 40, 2)),
    ok.

st(St) -> test_support:st(?MODULE, St).

run(Op, A, B) ->
    try op(Op, id(A), id(B)) of
        V -> {ok, V}
    catch
        C:R:St -> {C, R, st(St)}
    end.

op(add, A, B) -> A + B;
op(sub, A, B) -> A - B;
op(mul, A, B) -> A * B;
op('div', A, B) -> A div B;
op('rem', A, B) -> A rem B;
op('band', A, B) -> A band B;
op('bor', A, B) -> A bor B;
op('bxor', A, B) -> A bxor B;
op('bsl', A, B) -> A bsl B;
op('bsr', A, B) -> A bsr B;
op(neg, A, _) -> -A;
op('bnot', A, _) -> bnot A.
