-module(reg_errors).
-export([main/0, id/1]).

%% The errors of the name registry and of sending to names, exactly as BEAM raises them:
%% badarg from register/2 (name taken, process already named, undefined, not an atom, not a
%% pid, a dead process), unregister/1 and whereis/1 of non-atoms, sending to an unregistered
%% name (badarg for Name ! M and erlang:send/2,3, but not for {Name, node()} ! M), sending to
%% a dead pid (no error), bad send options, and sending to non-destinations.

id(X) -> X.

wait() -> receive stop -> ok end.

main() ->
    P = spawn(fun wait/0),
    Dead = spawn(fun() -> ok end),
    wait_dead(Dead),
    Cases = [fun() -> register(reg_errors_a, P) end,
             fun() -> register(reg_errors_a, P) end,
             fun() -> register(reg_errors_a, self()) end,
             fun() -> register(reg_errors_b, P) end,
             fun() -> register(undefined, self()) end,
             fun() -> register(id("name"), self()) end,
             fun() -> register(id(42), self()) end,
             fun() -> register(reg_errors_c, id(notapid)) end,
             fun() -> register(reg_errors_c, Dead) end,
             fun() -> whereis(reg_errors_c) end,
             fun() -> unregister(reg_errors_never) end,
             fun() -> unregister(id("name")) end,
             fun() -> whereis(id("name")) end,
             fun() -> whereis(id({reg_errors_a, node()})) end,
             fun() -> whereis(reg_errors_never) end,
             fun() -> reg_errors_never ! hello end,
             fun() -> id(reg_errors_never) ! hello end,
             fun() -> erlang:send(reg_errors_never, hello) end,
             fun() -> erlang:send(reg_errors_never, hello, []) end,
             fun() -> erlang:send(reg_errors_never, hello, [noconnect]) end,
             fun() -> {reg_errors_never, node()} ! hello end,
             fun() -> erlang:send({reg_errors_never, node()}, hello) end,
             fun() -> erlang:send({reg_errors_never, node()}, hello, [nosuspend]) end,
             fun() -> {reg_errors_never, 'other@nohost'} ! hello end,
             fun() -> Dead ! hello end,
             fun() -> erlang:send(Dead, hello) end,
             fun() -> erlang:send(Dead, hello, [noconnect, nosuspend]) end,
             fun() -> erlang:send(P, hello, [bad]) end,
             fun() -> erlang:send(P, hello, bad) end,
             fun() -> id(1) ! hello end,
             fun() -> id("name") ! hello end,
             fun() -> erlang:send(id({1, 2, 3}), hello) end,
             fun() -> id({1, node()}) ! hello end,
             fun() -> id({reg_errors_a, 1}) ! hello end,
             fun() -> reg_errors_a ! hello end,
             fun() -> unregister(reg_errors_a) end,
             fun() -> unregister(reg_errors_a) end,
             fun() -> reg_errors_a ! hello end,
             fun() -> is_process_alive(id(reg_errors_a)) end],
    lists:foreach(fun(F) -> erlang:display(t(F)) end, Cases),
    %% P got: hello (from reg_errors_a ! hello) only; Dead got nothing, of course.
    erlang:display(process_info(P, messages)),
    P ! stop,
    ok.

wait_dead(P) ->
    case is_process_alive(P) of
        true -> receive after 1 -> wait_dead(P) end;
        false -> ok
    end.

t(F) -> test_support:t(?MODULE, F).
