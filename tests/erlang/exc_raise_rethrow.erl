-module(exc_raise_rethrow).
-export([main/0, id/1]).

%% erlang:raise/3 re-raises with a given class and stack trace (the
%% original trace is preserved); a bad class makes raise/3 return badarg
%% instead of raising.

id(X) -> X.

main() ->
    erlang:display(rethrow_kept(id(error))),
    erlang:display(rethrow_kept(id(throw))),
    erlang:display(rethrow_kept(id(exit))),
    erlang:display(change_class()),
    erlang:display(erlang:raise(id(not_a_class), id(reason), [])),
    erlang:display(erlang:raise(id(error), id(reason), id(not_a_stacktrace))),
    erlang:display(try erlang:raise(id(throw), id(custom), [{fake, frame, 0, []}])
                   catch C:R:St -> {C, R, St} end),
    erlang:display(cleanup_and_rethrow(id(5))),
    ok.

st(St) -> test_support:st(?MODULE, St).

fail(error) -> error(original_error);
fail(throw) -> throw(original_throw);
fail(exit) -> exit(original_exit).

rethrow_kept(Class) ->
    {Orig, Re} =
        try
            try fail(Class)
            catch C:R:St -> erlang:raise(C, {wrapped, R}, St)
            end
        catch C2:R2:St2 -> {st(St2), {C2, R2}}
        end,
    {Re, Orig}.

change_class() ->
    try
        try error(id(was_error))
        catch error:R:St -> erlang:raise(exit, R, St)
        end
    catch exit:R2:St2 -> {now_exit, R2, st(St2)}
    end.

cleanup_and_rethrow(N) ->
    try
        try worker(N)
        catch
            Class:Reason:Stack ->
                erlang:display({cleaning_up, Class, Reason}),
                erlang:raise(Class, Reason, Stack)
        end
    catch
        error:R:S -> {outer, R, st(S)}
    end.

worker(N) when N > 3 -> error({too_big, N});
worker(N) -> N.
