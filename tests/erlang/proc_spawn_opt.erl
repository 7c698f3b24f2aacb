-module(proc_spawn_opt).
-export([main/0, id/1, waiter/1]).

%% spawn_opt/2,3,4,5 and spawn_monitor/1,3: the shape of their results with link and
%% monitor, the links and monitors the options create (seen through process_info), the
%% 'DOWN' message of a monitored child, and the options priority, min_heap_size (rounded up
%% to a BEAM heap size), fullsweep_after, max_heap_size and message_queue_data as the child
%% sees them; then the badarg cases.

id(X) -> X.

waiter(Parent) ->
    Parent ! {ready, self()},
    receive stop -> ok end.

gc_opts(P) ->
    {garbage_collection, GC} = process_info(P, garbage_collection),
    [KV || {K, _} = KV <- GC, K =/= minor_gcs].

ready(P) -> receive {ready, P} -> ok end.

stop(P) ->
    Ref = monitor(process, P),
    P ! stop,
    receive {'DOWN', Ref, process, P, Reason} -> Reason end.

main() ->
    Self = self(),
    %% Plain.
    P0 = spawn_opt(fun() -> waiter(Self) end, []),
    ready(P0),
    erlang:display({is_pid(P0), process_info(P0, links), process_info(P0, monitored_by)}),
    erlang:display(stop(P0)),
    %% link
    P1 = spawn_opt(fun() -> waiter(Self) end, [link]),
    ready(P1),
    erlang:display({is_pid(P1), process_info(P1, links) =:= {links, [Self]},
                    lists:member(P1, element(2, process_info(Self, links)))}),
    erlang:display(stop(P1)),
    %% monitor
    {P2, R2} = spawn_opt(fun() -> waiter(Self) end, [monitor]),
    ready(P2),
    erlang:display({is_pid(P2), is_reference(R2), process_info(P2, links),
                    process_info(P2, monitored_by) =:= {monitored_by, [Self]},
                    process_info(Self, monitors) =:= {monitors, [{process, P2}]}}),
    P2 ! stop,
    receive {'DOWN', R2x, process, P2x, Why2} -> erlang:display({R2x =:= R2, P2x =:= P2, Why2}) end,
    erlang:display(process_info(Self, monitors)),
    %% link and monitor
    {P3, R3} = spawn_opt(fun() -> waiter(Self) end, [link, monitor]),
    ready(P3),
    erlang:display({is_pid(P3), is_reference(R3), process_info(P3, links) =:= {links, [Self]}}),
    P3 ! stop,
    receive {'DOWN', R3, process, P3, Why3} -> erlang:display(Why3) end,
    %% spawn_opt/3 (node), /4 (MFA), /5 (node and MFA)
    P4 = spawn_opt(node(), fun() -> waiter(Self) end, [{priority, high}]),
    ready(P4),
    erlang:display(process_info(P4, priority)),
    erlang:display(stop(P4)),
    {P5, R5} = spawn_opt(?MODULE, waiter, [Self], [monitor, {priority, low}]),
    ready(P5),
    erlang:display({process_info(P5, priority), process_info(P5, initial_call)}),
    P5 ! stop,
    receive {'DOWN', R5, process, P5, Why5} -> erlang:display(Why5) end,
    P6 = spawn_opt(node(), ?MODULE, waiter, [Self], [{min_heap_size, 1000}]),
    ready(P6),
    {heap_size, H6} = process_info(P6, heap_size),
    erlang:display({process_info(P6, min_heap_size), H6 >= 1000}),
    erlang:display(gc_opts(P6)),
    erlang:display(stop(P6)),
    %% GC options.
    P7 = spawn_opt(fun() -> waiter(Self) end, [{fullsweep_after, 10}, {min_heap_size, 100},
                                                {max_heap_size, 100000}]),
    ready(P7),
    erlang:display(gc_opts(P7)),
    erlang:display(stop(P7)),
    P8 = spawn_opt(fun() -> waiter(Self) end, [{max_heap_size, #{size => 50000, kill => false}},
                                                {message_queue_data, off_heap}]),
    ready(P8),
    erlang:display(process_info(P8, [max_heap_size, message_queue_data])),
    erlang:display(stop(P8)),
    %% A later option overrides an earlier one.
    P9 = spawn_opt(fun() -> waiter(Self) end, [{priority, high}, {priority, low},
                                                {message_queue_data, off_heap}, {message_queue_data, on_heap}]),
    ready(P9),
    erlang:display(process_info(P9, [priority, message_queue_data])),
    erlang:display(stop(P9)),
    %% The child does its work with the options.
    {P10, R10} = spawn_opt(fun() -> exit({sum, lists:sum(lists:seq(1, 100000))}) end,
                           [monitor, {min_heap_size, 5000}, {fullsweep_after, 0}]),
    receive {'DOWN', R10, process, P10, Why10} -> erlang:display(Why10) end,
    %% spawn_monitor/1,3
    {P11, R11} = spawn_monitor(fun() -> exit(from_spawn_monitor) end),
    receive {'DOWN', R11x, process, P11x, Why11} -> erlang:display({R11x =:= R11, P11x =:= P11, Why11}) end,
    {P12, R12} = spawn_monitor(?MODULE, id, [returns_normally]),
    receive {'DOWN', R12, process, P12, Why12} -> erlang:display(Why12) end,
    %% badarg
    F = fun() -> ok end,
    Bad = [fun() -> spawn_opt(F, id(bad)) end,
           fun() -> spawn_opt(F, id([bad])) end,
           fun() -> spawn_opt(F, id([link | bad])) end,
           fun() -> spawn_opt(F, id([{priority, urgent}])) end,
           fun() -> spawn_opt(F, id([{min_heap_size, -1}])) end,
           fun() -> spawn_opt(F, id([{fullsweep_after, -1}])) end,
           fun() -> spawn_opt(F, id([{message_queue_data, mixed}])) end,
           fun() -> spawn_opt(F, id([{max_heap_size, -1}])) end,
           fun() -> spawn_opt(id(notafun), []) end,
           fun() -> spawn_opt(?MODULE, id, id(notalist), []) end,
           fun() -> spawn_opt(id("m"), id, [], []) end,
           fun() -> spawn_monitor(id(notafun)) end,
           fun() -> spawn_monitor(?MODULE, id, id(notalist)) end],
    lists:foreach(fun(B) -> erlang:display(t(B)) end, Bad),
    ok.

t(F) -> test_support:t(?MODULE, F).
