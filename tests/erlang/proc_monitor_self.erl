%% Monitoring oneself, by pid or by one's own registered name, makes nothing in BEAM: no
%% monitor (process_info shows none, demonitor(R, [info]) is false, no 'DOWN' ever) and no
%% alias even when monitor/3 asks for one (messages to the reference are dropped).
-module(proc_monitor_self).
-export([main/0]).

show(T) -> erlang:display(T).
recv() -> receive M -> test_support:san(M) after 100 -> none end.

main() ->
    R = monitor(process, self()),
    show({is_reference(R), process_info(self(), monitors)}),
    show({demonitor_info, demonitor(R, [info])}),
    R2 = monitor(process, self()),
    show({demonitor, demonitor(R2), demonitor(R2, [info])}),
    register(me, self()),
    R3 = monitor(process, me),
    R3b = monitor(process, {me, node()}),
    show({by_name, process_info(self(), monitors), demonitor(R3, [info]), demonitor(R3b, [info, flush])}),
    show({no_down, recv()}),
    lists:foreach(fun(Mode) ->
        A = erlang:monitor(process, self(), [{alias, Mode}]),
        A ! {via_alias, Mode},
        show({alias, Mode, recv(), demonitor(A, [info]), unalias(A)})
    end, [explicit_unalias, demonitor, reply_demonitor]),
    %% Other processes' monitors still work.
    {P, R6} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', R6, process, P, normal} -> show(down_ok) end,
    ok.
