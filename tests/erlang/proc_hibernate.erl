-module(proc_hibernate).
-export([main/0, id/1, wake/2, wake_and_exit/1, wake_counting/1]).

%% erlang:hibernate/3: the process waits (current_function {erlang,hibernate,3}, status
%% waiting) with its messages and dictionary kept; a message wakes it in the given function
%% with an empty stack: when that function returns the process ends (normally), code after
%% the hibernate call never runs, and a try around the call no longer catches. A message
%% already queued makes it resume at once. Repeated hibernation, and the badarg cases.

id(X) -> X.

wake(Parent, Tag) ->
    receive
        Msg -> Parent ! {woke, Tag, Msg, get(kept), process_info(self(), message_queue_len)}
    end.

wake_and_exit(Parent) ->
    Parent ! woke_to_exit,
    exit(from_woken_function).

%% Hibernates again after each message until it gets stop.
wake_counting(Parent) ->
    receive
        stop -> Parent ! {counted, get(count)};
        tick -> put(count, get(count) + 1), erlang:hibernate(?MODULE, wake_counting, [Parent])
    end.

wait_status(P, Want, 0) -> {timeout, P, Want};
wait_status(P, Want, N) ->
    case process_info(P, [status, current_function]) of
        Want -> ok;
        _ -> receive after 1 -> wait_status(P, Want, N - 1) end
    end.

-define(HIBERNATING, [{status, waiting}, {current_function, {erlang, hibernate, 3}}]).

main() ->
    Self = self(),
    %% Basic: the function after waking runs, the rest of the old stack is gone.
    {P1, R1} = spawn_monitor(fun() ->
                                     put(kept, yes),
                                     Self ! {ready, self()},
                                     erlang:hibernate(?MODULE, wake, [Self, first]),
                                     Self ! never_after_hibernate
                             end),
    receive {ready, P1} -> ok end,
    erlang:display(wait_status(P1, ?HIBERNATING, 2000)),
    erlang:display(process_info(P1, [message_queue_len, dictionary])),
    P1 ! {hello, 1},
    receive {woke, Tag, Msg, Kept, Len} -> erlang:display({Tag, Msg, Kept, Len}) end,
    receive {'DOWN', R1, process, P1, Why1} -> erlang:display(Why1) end,
    erlang:display(receive never_after_hibernate -> wrong after 0 -> right end),
    %% Messages sent while it hibernates stay queued; the first one wakes it.
    {P2, R2} = spawn_monitor(fun() -> Self ! {ready, self()},
                                      erlang:hibernate(?MODULE, wake, [Self, second]) end),
    receive {ready, P2} -> ok end,
    ok = wait_status(P2, ?HIBERNATING, 2000),
    P2 ! a, P2 ! b, P2 ! c,
    receive {woke, second, M2, _, _} -> erlang:display(M2) end,
    receive {'DOWN', R2, process, P2, Why2} -> erlang:display(Why2) end,
    erlang:display(process_info(P2, messages)),
    %% A try around hibernate/3 is gone after waking: the exit is not caught.
    {P3, R3} = spawn_monitor(fun() ->
                                     try
                                         Self ! {ready, self()},
                                         erlang:hibernate(?MODULE, wake_and_exit, [Self])
                                     catch
                                         exit:_ -> Self ! caught_after_wake
                                     end
                             end),
    receive {ready, P3} -> ok end,
    ok = wait_status(P3, ?HIBERNATING, 2000),
    P3 ! wake_up,
    receive woke_to_exit -> erlang:display(woke_to_exit) end,
    receive {'DOWN', R3, process, P3, Why3} -> erlang:display(Why3) end,
    erlang:display(receive caught_after_wake -> wrong after 0 -> right end),
    %% A message already queued: resumes at once.
    {P4, R4} = spawn_monitor(fun() ->
                                     self() ! already_here,
                                     erlang:hibernate(?MODULE, wake, [Self, fourth])
                             end),
    receive {woke, fourth, M4, _, _} -> erlang:display(M4) end,
    receive {'DOWN', R4, process, P4, Why4} -> erlang:display(Why4) end,
    %% Hibernating again and again.
    P5 = spawn(fun() -> put(count, 0), erlang:hibernate(?MODULE, wake_counting, [Self]) end),
    [P5 ! tick || _ <- lists:seq(1, 100)],
    P5 ! stop,
    receive {counted, C} -> erlang:display({counted, C}) end,
    %% hibernate with a fun's module: erlang:apply/2 as the function.
    {P6, R6} = spawn_monitor(fun() ->
                                     erlang:hibernate(erlang, apply,
                                                      [fun(X) -> receive M -> Self ! {applied, X, M} end end,
                                                       [arg]])
                             end),
    P6 ! msg6,
    receive {applied, A6, M6} -> erlang:display({A6, M6}) end,
    receive {'DOWN', R6, process, P6, Why6} -> erlang:display(Why6) end,
    %% Bad arguments: the caller gets badarg (it does not hibernate).
    Bad = [fun() -> erlang:hibernate(id(?MODULE), wake, id(notalist)) end,
           fun() -> erlang:hibernate(id("m"), wake, []) end,
           fun() -> erlang:hibernate(?MODULE, id(1), []) end,
           fun() -> erlang:hibernate(?MODULE, wake, id([a | b])) end],
    lists:foreach(fun(F) -> erlang:display(t(F)) end, Bad),
    ok.

t(F) -> test_support:t(?MODULE, F).
