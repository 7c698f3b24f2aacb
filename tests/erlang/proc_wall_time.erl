-module(proc_wall_time).
-export([main/0]).
%% statistics(scheduler_wall_time) is undefined until system_flag(scheduler_wall_time, true);
%% then one {Id, Active, Total} per normal and dirty CPU scheduler (_all adds dirty IO). (erl
%% keeps it on while any process that turned it on lives, so turning it off is not shown.)
main() ->
    erlang:display(statistics(scheduler_wall_time)),
    erlang:display(erlang:system_flag(scheduler_wall_time, true)),
    erlang:display(erlang:system_flag(scheduler_wall_time, true)),
    lists:foldl(fun(X, A) -> X + A end, 0, lists:seq(1, 100000)),
    L = statistics(scheduler_wall_time),
    All = statistics(scheduler_wall_time_all),
    S = erlang:system_info(schedulers), D = erlang:system_info(dirty_cpu_schedulers),
    IO = erlang:system_info(dirty_io_schedulers),
    erlang:display({length(L) =:= S + D, length(All) =:= S + D + IO}),
    erlang:display(lists:all(fun({_, A, T}) -> is_integer(A) andalso is_integer(T) andalso 0 =< A andalso A =< T end, L)),
    erlang:display(lists:sort([I || {I, _, _} <- L]) =:= lists:seq(1, S + D)),
    erlang:display(erlang:system_flag(scheduler_wall_time, false)),
    erlang:display(try erlang:system_flag(scheduler_wall_time, maybe) catch error:R -> R end).
