%% code:ensure_loaded/1 and code:ensure_modules_loaded/1, and io_lib:format's error path, which
%% calls the latter (found by the differential fuzzer: with no code_server, a failing
%% io_lib:format raised from erlang:send and left a 'DOWN' message in the caller's mailbox).
-module(code_ensure_loaded).
-export([main/0]).

id(X) -> X.

t(F) -> try F() catch C:R -> {C, R} end.

flush() -> receive M -> [M | flush()] after 0 -> [] end.

main() ->
    erlang:display(t(fun() -> io_lib:format(id("~.0f ~c"), [id(2.5), id(-114)]) end)),
    erlang:display(t(fun() -> io_lib:format(id("~c"), [id(a)]) end)),
    erlang:display(t(fun() -> io_lib:format(id("~w ~w"), [id(a)]) end)),
    erlang:display(flush()),
    erlang:display(t(fun() -> code:ensure_loaded(id(lists)) end)),
    erlang:display(t(fun() -> code:ensure_loaded(id(string)) end)),
    erlang:display(t(fun() -> code:ensure_loaded(id(no_such_module_here)) end)),
    erlang:display(t(fun() -> code:ensure_loaded(id("lists")) end)),
    %% One missing module only: with several, the order erl lists them in varies from run to run.
    erlang:display(t(fun() -> code:ensure_modules_loaded(id([lists, zz_no_such, lists, maps])) end)),
    erlang:display(t(fun() -> code:ensure_modules_loaded(id([])) end)),
    erlang:display(t(fun() -> code:ensure_modules_loaded(id([lists, 1])) end)),
    erlang:display(flush()),
    ok.
