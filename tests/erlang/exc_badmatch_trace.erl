-module(exc_badmatch_trace).
-export([main/0, id/1]).

%% badmatch errors carry the value that failed to match; the stack trace
%% gives the line of the match, through several non-tail calls.

id(X) -> X.

main() ->
    erlang:display(run(simple)),
    erlang:display(run(tuple)),
    erlang:display(run(list)),
    erlang:display(run(nested)),
    erlang:display(run(ok)),
    erlang:display(run(repeated_var)),
    ok.

st(St) -> test_support:st(?MODULE, St).

run(What) ->
    try check(What) of
        V -> {returned, V}
    catch
        error:{badmatch, V}:St -> {badmatch, V, st(St)}
    end.

check(simple) ->
    1 = id(2),
    unreachable;
check(tuple) ->
    {ok, Value} = id({error, enoent}),
    Value;
check(list) ->
    [_, _] = id([1, 2, 3]),
    unreachable;
check(nested) ->
    R = level_a(id(10)),
    R + 1;
check(ok) ->
    {ok, V} = id({ok, 7}),
    V;
check(repeated_var) ->
    {X, X} = id({1, 2}),
    X.

level_a(N) ->
    R = level_b(N),
    R * 2.

level_b(N) ->
    {N, small} = id({N, big}),
    N.
