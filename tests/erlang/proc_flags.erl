-module(proc_flags).
-export([main/0, id/1]).

%% process_flag/2 for trap_exit, priority, min_heap_size, max_heap_size and
%% message_queue_data: each returns the previous value; the new value shows in
%% process_info. min_heap_size is rounded up to one of BEAM's heap sizes (1000 becomes 1598).
%% Then the badarg cases. Run in a fresh process so that every flag starts at its default.

id(X) -> X.

main() ->
    Self = self(),
    spawn(fun() -> Self ! {done, run()} end),
    receive {done, R} -> erlang:display(R) end,
    ok.

run() ->
    erlang:display(process_info(self(), [trap_exit, priority, min_heap_size, message_queue_data])),
    erlang:display({process_flag(trap_exit, true), process_flag(trap_exit, true),
                    process_flag(trap_exit, false), process_flag(trap_exit, false)}),
    erlang:display({process_flag(priority, high), process_flag(priority, low),
                    process_flag(priority, max), process_info(self(), priority),
                    process_flag(priority, normal), process_info(self(), priority)}),
    erlang:display(process_flag(min_heap_size, 1000)),
    erlang:display(process_info(self(), min_heap_size)),
    erlang:display(process_flag(min_heap_size, 10)),
    erlang:display(process_info(self(), min_heap_size)),
    erlang:display(process_flag(min_heap_size, 233)),
    erlang:display({process_flag(message_queue_data, off_heap), process_info(self(), message_queue_data),
                    process_flag(message_queue_data, on_heap), process_info(self(), message_queue_data),
                    process_flag(message_queue_data, on_heap)}),
    erlang:display(process_info(self(), max_heap_size)),
    erlang:display(process_flag(max_heap_size, 1000000)),
    erlang:display(process_info(self(), max_heap_size)),
    erlang:display(process_flag(max_heap_size, #{size => 2000000, kill => false})),
    erlang:display(process_info(self(), max_heap_size)),
    erlang:display(process_flag(max_heap_size, 0)),
    erlang:display(process_info(self(), max_heap_size)),
    %% trap_exit shows in process_info/1 too.
    process_flag(trap_exit, true),
    erlang:display(lists:keyfind(trap_exit, 1, process_info(self()))),
    process_flag(trap_exit, false),
    Bad = [fun() -> process_flag(id(no_such_flag), true) end,
           fun() -> process_flag(trap_exit, id(yes)) end,
           fun() -> process_flag(priority, id(urgent)) end,
           fun() -> process_flag(min_heap_size, id(-1)) end,
           fun() -> process_flag(min_heap_size, id(large)) end,
           fun() -> process_flag(message_queue_data, id(mixed)) end,
           fun() -> process_flag(max_heap_size, id(-1)) end,
           fun() -> process_flag(max_heap_size, id(#{size => -1})) end,
           fun() -> process_flag(max_heap_size, id(#{kill => true})) end,
           fun() -> process_flag(id("trap_exit"), true) end],
    lists:foreach(fun(F) -> erlang:display(t(F)) end, Bad),
    %% A failed process_flag changes nothing.
    process_info(self(), [trap_exit, priority, min_heap_size, message_queue_data]).

t(F) -> test_support:t(?MODULE, F).
