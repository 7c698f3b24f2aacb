-module(exc_error_exit_classes).
-export([main/0, id/1]).

%% The three classes error, exit and throw: which catch clause sees
%% which, and what a bare (class-less) catch pattern matches (throw only).

id(X) -> X.

main() ->
    [erlang:display({How, What, catcher(How, What)}) || How <- id([throw, error, exit]),
                                                      What <- id([reason, {tuple, 1}])],
    erlang:display(only_throw(id(throw))),
    erlang:display(try only_throw(id(error)) catch error:E -> {outer_error, E} end),
    erlang:display(try only_throw(id(exit)) catch exit:X -> {outer_exit, X} end),
    erlang:display(any_class(id(error))),
    erlang:display(any_class(id(exit))),
    erlang:display(any_class(id(throw))),
    erlang:display(try exit(id(normal)) catch exit:normal -> exit_normal_caught end),
    erlang:display(try error(id(normal)) catch exit:normal -> wrong; error:normal -> error_normal end),
    ok.

raise(throw, R) -> throw(R);
raise(error, R) -> error(R);
raise(exit, R) -> exit(R).

catcher(How, What) ->
    try raise(How, What) of
        _ -> returned
    catch
        throw:T -> {t, T};
        error:E -> {e, E};
        exit:X -> {x, X}
    end.

only_throw(How) ->
    try raise(How, id(x)) catch R -> {bare_catch, R} end.

any_class(How) ->
    try raise(How, id(y)) catch C:R -> {C, R} end.
