-module(exit_uncaught_error).
-export([main/0, id/1]).

%% A runtime error (badarith) escaping main/0 gives exit status 1; after
%% blocks on the way out still run.

id(X) -> X.

main() ->
    erlang:display(start),
    try
        erlang:display(inside_try),
        R = id(1) + id(one),
        erlang:display({never, R})
    after
        erlang:display(after_runs_while_unwinding)
    end,
    erlang:display(never_printed).
