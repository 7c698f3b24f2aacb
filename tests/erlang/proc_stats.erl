-module(proc_stats).
-export([main/0, id/1]).

%% statistics/1 shapes (values vary, so only types and simple relations are printed):
%% reductions, runtime, wall_clock, run_queue, run_queue_lengths, total_run_queue_lengths,
%% and the scheduler counts from system_info. Reductions grow when work is done.

id(X) -> X.

work(0, Acc) -> Acc;
work(N, Acc) -> work(N - 1, Acc + N).

main() ->
    {R1, _} = statistics(reductions),
    erlang:display(work(100000, 0)),
    {R2, Since} = statistics(reductions),
    erlang:display({is_integer(R1), is_integer(Since), Since >= 0, R2 > R1}),
    A = process_reductions(self()),
    _ = work(10000, 0),
    B = process_reductions(self()),
    erlang:display(B > A),
    {RT, RTS} = statistics(runtime),
    {WC, WCS} = statistics(wall_clock),
    erlang:display([is_integer(X) andalso X >= 0 || X <- [RT, RTS, WC, WCS]]),
    erlang:display(is_integer(statistics(run_queue))),
    RQL = statistics(run_queue_lengths),
    %% One entry per normal run queue, then the dirty CPU and dirty IO run queues.
    erlang:display({is_list(RQL), lists:all(fun is_integer/1, RQL),
                    length(RQL) - erlang:system_info(schedulers)}),
    erlang:display(is_integer(statistics(total_run_queue_lengths))),
    S = erlang:system_info(schedulers),
    SO = erlang:system_info(schedulers_online),
    erlang:display({is_integer(S), S >= 1, SO >= 1, SO =< S}),
    erlang:display({is_integer(erlang:system_info(dirty_cpu_schedulers)),
                    is_integer(erlang:system_info(dirty_io_schedulers))}),
    erlang:display(try statistics(id(no_such_stat)) catch C:E -> {C, E} end),
    ok.

process_reductions(P) ->
    {reductions, R} = process_info(P, reductions),
    R.
