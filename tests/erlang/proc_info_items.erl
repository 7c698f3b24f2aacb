-module(proc_info_items).
-export([main/0, id/1, start/1, blocked_here/1]).

%% process_info/1,2 on a process blocked in a receive: status, message_queue_len, messages
%% (in arrival order), current_function, initial_call (spawn/3 versus a fun), trap_exit,
%% priority, registered_name ([] when it has none), dictionary, group_leader, links and the
%% integer-valued items; the list form (in the order asked, duplicates kept), the item list
%% of process_info/1, a dead process (undefined), the caller itself, and the badarg cases.

id(X) -> X.

start(Parent) ->
    put(role, blocked),
    put(n, 42),
    Parent ! {started, self()},
    blocked_here(Parent).

%% Blocks in a receive that only 'release' matches.
blocked_here(Parent) ->
    receive
        release -> Parent ! {released, self(), process_info(self(), message_queue_len)}
    end.

wait_status(P, Want, 0) -> {timeout, P, Want};
wait_status(P, Want, N) ->
    case process_info(P, status) of
        {status, Want} -> ok;
        _ -> receive after 1 -> wait_status(P, Want, N - 1) end
    end.

main() ->
    Self = self(),
    P = spawn(?MODULE, start, [Self]),
    receive {started, P} -> ok end,
    ok = wait_status(P, waiting, 2000),
    erlang:display(process_info(P, status)),
    erlang:display(process_info(P, message_queue_len)),
    erlang:display(process_info(P, messages)),
    erlang:display(process_info(P, current_function)),
    erlang:display(process_info(P, initial_call)),
    erlang:display(process_info(P, trap_exit)),
    erlang:display(process_info(P, priority)),
    erlang:display(process_info(P, registered_name)),
    erlang:display(process_info(P, links)),
    erlang:display(process_info(P, monitors)),
    erlang:display(process_info(P, monitored_by)),
    {dictionary, D} = process_info(P, dictionary),
    erlang:display(lists:sort(D)),
    {group_leader, GL} = process_info(P, group_leader),
    erlang:display({is_pid(GL), GL =:= group_leader()}),
    erlang:display(process_info(P, error_handler)),
    Ints = [reductions, heap_size, total_heap_size, stack_size, memory],
    erlang:display([{K, is_integer(V) andalso V >= 0} || {K, V} <- process_info(P, Ints)]),
    erlang:display(process_info(P, suspending)),
    %% Messages it does not match stay in its queue, in order.
    P ! {one, 1},
    P ! "two",
    P ! <<"three">>,
    erlang:display(process_info(P, message_queue_len)),
    erlang:display(process_info(P, messages)),
    ok = wait_status(P, waiting, 2000),
    erlang:display(process_info(P, [status, message_queue_len, current_function])),
    %% The list form keeps the order asked for, and duplicates.
    erlang:display(process_info(P, [priority, status, priority, registered_name])),
    erlang:display(process_info(P, [])),
    %% process_info/1 lists these items, in this order.
    erlang:display([K || {K, _} <- process_info(P)]),
    register(proc_info_items_p, P),
    erlang:display([K || {K, _} <- process_info(P)]),
    erlang:display(process_info(P, [registered_name])),
    unregister(proc_info_items_p),
    %% A fun's initial call is erlang:apply/2; its current function is the fun.
    F = spawn(fun() -> Self ! {started, self()}, receive release -> ok end end),
    receive {started, F} -> ok end,
    ok = wait_status(F, waiting, 2000),
    erlang:display(process_info(F, [initial_call, current_function])),
    F ! release,
    %% Release P: it answers with the length of its queue at that point.
    P ! release,
    receive {released, P, Len} -> erlang:display(Len) end,
    ok = wait_dead(P, 2000),
    %% A dead process.
    erlang:display({process_info(P, status), process_info(P, [status, messages]), is_process_alive(P)}),
    erlang:display(process_info(P)),
    %% The caller itself.
    erlang:display(process_info(self(), status)),
    self() ! a, self() ! b,
    erlang:display(process_info(self(), [message_queue_len, messages])),
    receive a -> ok end, receive b -> ok end,
    erlang:display(process_info(self(), message_queue_len)),
    %% badarg
    Bad = [fun() -> process_info(id(notapid), status) end,
           fun() -> process_info(self(), id(no_such_item)) end,
           fun() -> process_info(self(), id([status, no_such_item])) end,
           fun() -> process_info(self(), id([status | bad])) end,
           fun() -> process_info(id(proc_info_items_p)) end,
           fun() -> process_info(P, id(no_such_item)) end],
    lists:foreach(fun(B) -> erlang:display(t(B)) end, Bad),
    ok.

wait_dead(_, 0) -> timeout;
wait_dead(P, N) ->
    case is_process_alive(P) of
        false -> ok;
        true -> receive after 1 -> wait_dead(P, N - 1) end
    end.

t(F) -> test_support:t(?MODULE, F).
