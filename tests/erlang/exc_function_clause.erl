-module(exc_function_clause).
-export([main/0, id/1, exported/2]).

%% function_clause: the first frame carries the argument list instead of
%% the arity. Local and remote (exported) calls, funs are not involved.

id(X) -> X.

main() ->
    erlang:display(run(fun_local, [3])),
    erlang:display(run(fun_local, [a])),
    erlang:display(run(fun_remote, [x, y])),
    erlang:display(run(fun_remote, [1, 2])),
    erlang:display(run(fun_guard, [-5])),
    erlang:display(run(fun_guard, [5])),
    erlang:display(run(deeper, [0])),
    ok.

st(St) -> test_support:st(?MODULE, St).

run(F, Args) ->
    try call(F, id(Args)) of
        V -> {ok, V}
    catch
        error:R:St -> {R, st(St)}
    end.

call(fun_local, [A]) ->
    R = local(A),
    {R};
call(fun_remote, [A, B]) ->
    R = ?MODULE:exported(A, B),
    {R};
call(fun_guard, [A]) ->
    R = positive_only(A),
    {R};
call(deeper, [A]) ->
    R = chain(A, 3),
    {R}.

local(N) when is_integer(N) -> N * 2.

exported(A, B) when is_integer(A), is_integer(B) -> A + B.

positive_only(N) when N > 0 -> N.

chain(A, 0) -> local(list_to_atom_not(A));
chain(A, N) -> {chain(A, N - 1)}.

list_to_atom_not(X) -> id({not_an_integer, X}).
