-module(halt_status_3).
-export([main/0, id/1]).

%% erlang:halt(3) gives exit status 3.

id(X) -> X.

main() ->
    erlang:display(computing),
    Sum = lists:sum(lists:seq(1, id(100))),
    erlang:display(Sum),
    erlang:halt(id(3)),
    erlang:display(never_printed).
