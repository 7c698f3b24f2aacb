-module(exit_uncaught_exit_reason).
-export([main/0, id/1]).

%% exit/1 with a structured reason, raised from a catch clause while
%% handling another exception: status 1.

id(X) -> X.

main() ->
    erlang:display(step1),
    try
        error(id(first_problem))
    catch
        error:R ->
            erlang:display({handling, R}),
            exit({id(shutdown), R})
    end,
    erlang:display(never_printed).
