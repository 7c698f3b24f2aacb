-module(exit_uncaught_exit_normal).
-export([main/0, id/1]).

%% exit(normal) escaping main/0 still counts as an exception: status 1.

id(X) -> X.

main() ->
    erlang:display(about_to_exit_normal),
    erlang:display(catch exit(id(normal))),
    erlang:display(still_running),
    exit(id(normal)),
    erlang:display(never_printed).
