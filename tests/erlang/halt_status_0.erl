-module(halt_status_0).
-export([main/0, id/1]).

%% erlang:halt/0 stops the program at once with status 0; output written
%% before must not be lost.

id(X) -> X.

main() ->
    erlang:display(before_halt),
    erlang:display([X * X || X <- lists:seq(1, id(5))]),
    erlang:halt(),
    erlang:display(never_printed).
