-module(halt_from_catch).
-export([main/0, id/1]).

%% halt(42) called from inside a catch clause while handling an error.

id(X) -> X.

main() ->
    erlang:display(begin_work),
    try
        element(id(9), id({a, b}))
    catch
        error:badarg ->
            erlang:display(handling_badarg),
            erlang:halt(id(42))
    end,
    erlang:display(never_printed).
