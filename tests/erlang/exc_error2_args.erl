-module(exc_error2_args).
-export([main/0, id/1]).

%% erlang:error/2 puts the given argument list in the first frame (like
%% function_clause does); error/1 gives the arity; 'none' as args.

id(X) -> X.

main() ->
    erlang:display(run(fun_error1, [1, 2])),
    erlang:display(run(fun_error2, [1, 2])),
    erlang:display(run(fun_error2_none, [a])),
    erlang:display(run(validate, [{age, -3}])),
    erlang:display(run(validate, [{age, 30}])),
    erlang:display(run(validate, [{name, "x"}])),
    ok.

st(St) -> test_support:st(?MODULE, St).

run(F, Args) ->
    try dispatch(F, id(Args)) of
        V -> {ok, V}
    catch
        error:R:St -> {R, st(St)}
    end.

dispatch(fun_error1, [A, B]) -> R = error1(A, B), {R};
dispatch(fun_error2, [A, B]) -> R = error2(A, B), {R};
dispatch(fun_error2_none, [A]) -> R = error2_none(A), {R};
dispatch(validate, [P]) -> R = validate(P), {R}.

error1(_A, _B) -> erlang:error(my_reason).

error2(A, B) -> erlang:error({bad_args, A, B}, [A, B]).

error2_none(_A) -> erlang:error(why, none).

validate({age, N} = P) when is_integer(N) ->
    if N < 0 -> erlang:error(badarg, [P]);
       true -> valid
    end;
validate(P) -> erlang:error({unknown_property, element(1, P)}, [P]).
