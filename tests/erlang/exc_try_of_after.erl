-module(exc_try_of_after).
-export([main/0, id/1]).

%% try ... of ... catch ... after: the of-clauses run outside the
%% protection of catch, after runs on every path, the value of after is
%% discarded, exceptions in the of-part escape.

id(X) -> X.

main() ->
    erlang:display(t(id(ok))),
    erlang:display(t(id(throw))),
    erlang:display(t(id(error))),
    erlang:display(t(id(other))),
    erlang:display(try t(id(of_fails)) catch error:R -> {escaped_from_of, R} end),
    erlang:display(only_after(id(5))),
    erlang:display(try only_after(id(bad)) catch error:R2 -> {after_ran_then, R2} end),
    erlang:display(after_value(id(1))),
    erlang:display(nested_afters(id(x))),
    ok.

t(Mode) ->
    try action(Mode) of
        {value, V} -> {of_clause, V};
        no_value -> error(of_clause_failed)
    catch
        throw:T -> {caught_throw, T};
        error:E -> {caught_error, E}
    after
        erlang:display({after_for, Mode})
    end.

action(ok) -> {value, 1};
action(throw) -> throw(t);
action(error) -> error(e);
action(other) -> {value, other};
action(of_fails) -> no_value.

only_after(X) ->
    try
        X * 2
    after
        erlang:display({only_after_cleanup, X})
    end.

after_value(X) ->
    try X + 1 after 999 end.

nested_afters(X) ->
    try
        try
            throw(X)
        after
            erlang:display(inner_after)
        end
    catch
        throw:V -> erlang:display({caught_between, V}), {result, V}
    after
        erlang:display(outer_after)
    end.
