-module(proc_current_stacktrace).
-export([main/0, init/1, handle_call/3, handle_cast/2, waiter/0]).
%% process_info(P, current_stacktrace): of the caller (its own function and line, then its
%% callers' return addresses), of a process waiting in a receive, of an unknown pid; and what
%% needs it in OTP: gen_server's system_terminate raises its exit with it, so sys:terminate and
%% gen_server:stop end a server normally.

main() ->
    {current_stacktrace, St} = process_info(self(), current_stacktrace),
    erlang:display(test_support:st(?MODULE, St)),
    erlang:display(test_support:st(?MODULE, nested(3))),
    P = spawn(?MODULE, waiter, []),
    ok = test_support:wait_until(fun() -> process_info(P, status) =:= {status, waiting} end, 2000),
    {current_stacktrace, Wst} = process_info(P, current_stacktrace),
    erlang:display(test_support:st(?MODULE, Wst)),
    erlang:display(process_info(P, [current_function, current_stacktrace]) =:=
                   [{current_function, {?MODULE, wait, 0}}, {current_stacktrace, Wst}]),
    P ! stop,
    ok = test_support:wait_until(fun() -> not is_process_alive(P) end, 2000),
    erlang:display(process_info(P, current_stacktrace)),
    erlang:display(try process_info(self(), [current_stacktrace, bogus]) catch C:R -> {C, R} end),
    %% Servers stopped through the system messages.
    {ok, S1} = gen_server:start(?MODULE, 1, []),
    M1 = monitor(process, S1),
    erlang:display(gen_server:stop(S1)),
    receive {'DOWN', M1, process, S1, Why1} -> erlang:display(Why1) end,
    {ok, S2} = gen_server:start(?MODULE, 2, []),
    M2 = monitor(process, S2),
    erlang:display(sys:terminate(S2, shutdown)),
    receive {'DOWN', M2, process, S2, Why2} -> erlang:display(Why2) end,
    {ok, S3} = gen_server:start(?MODULE, 3, []),
    erlang:display(catch gen_server:stop(S3, {shutdown, done}, 1000)),
    ok.

nested(0) ->
    {current_stacktrace, St} = process_info(self(), current_stacktrace),
    St;
nested(N) ->
    St = nested(N - 1),
    [N | St].

waiter() ->
    wait(),
    done.

wait() ->
    receive stop -> ok end.

init(N) -> {ok, N}.
handle_call(_, _, N) -> {reply, N, N}.
handle_cast(_, N) -> {noreply, N}.
