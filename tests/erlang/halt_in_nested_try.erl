-module(halt_in_nested_try).
-export([main/0, id/1]).

%% halt inside nested try/after blocks and deep recursion: the VM stops
%% immediately, after blocks do not run, catch clauses do not see it.

id(X) -> X.

main() ->
    erlang:display(start),
    try
        try
            recurse(id(50))
        catch
            _:_ -> erlang:display(inner_catch_must_not_run)
        after
            erlang:display(inner_after_must_not_run)
        end
    after
        erlang:display(outer_after_must_not_run)
    end.

recurse(0) ->
    erlang:display(halting_at_bottom),
    erlang:halt(id(7));
recurse(N) ->
    1 + recurse(N - 1).
