-module(timer_start_timer).
-export([main/0, id/1]).

%% erlang:start_timer/3,4: the message is {timeout, TimerRef, Msg} with the reference the
%% call returned; to a registered name; with {abs, true}; time order; timers to another
%% process; and the badarg cases.

id(X) -> X.

flush() -> test_support:flush().

main() ->
    Self = self(),
    T0 = erlang:monotonic_time(millisecond),
    Ref = erlang:start_timer(25, Self, hello),
    erlang:display(is_reference(Ref)),
    receive {timeout, R, hello} -> erlang:display({R =:= Ref, erlang:monotonic_time(millisecond) - T0 >= 25}) end,
    %% The reference matches only its own timer.
    R1 = erlang:start_timer(40, Self, same),
    R2 = erlang:start_timer(10, Self, same),
    erlang:display(receive {timeout, R1, same} -> first_timer end),
    erlang:display(receive {timeout, R2, same} -> second_timer after 0 -> missing end),
    %% Fire in time order.
    Refs = [{erlang:start_timer(T, Self, T), T} || T <- [50, 10, 30, 0, 20]],
    Got = [receive {timeout, TR, T} -> {TR, T} end || _ <- Refs],
    erlang:display([T || {_, T} <- Got]),
    erlang:display(lists:sort(Got) =:= lists:sort(Refs)),
    %% start_timer/4 with {abs, true}.
    Now = erlang:monotonic_time(millisecond),
    RA = erlang:start_timer(Now + 15, Self, abs_msg, [{abs, true}]),
    receive {timeout, RA, abs_msg} -> erlang:display({abs_msg, erlang:monotonic_time(millisecond) >= Now + 15}) end,
    RB = erlang:start_timer(5, Self, rel_msg, []),
    receive {timeout, RB, rel_msg} -> erlang:display(rel_msg) end,
    %% To a registered name and to another process.
    register(timer_start_timer_name, Self),
    RN = erlang:start_timer(5, timer_start_timer_name, by_name),
    receive {timeout, RN, by_name} -> erlang:display(by_name) end,
    unregister(timer_start_timer_name),
    P = spawn(fun() -> receive {timeout, PR, M} -> Self ! {child_got, PR, M} end end),
    RP = erlang:start_timer(5, P, for_child),
    receive {child_got, RP2, M2} -> erlang:display({RP2 =:= RP, M2}) end,
    erlang:display(flush()),
    Bad = [fun() -> erlang:start_timer(id(-1), Self, x) end,
           fun() -> erlang:start_timer(id(a), Self, x) end,
           fun() -> erlang:start_timer(10, id("name"), x) end,
           fun() -> erlang:start_timer(10, Self, x, id([{abs, 1}])) end,
           fun() -> erlang:start_timer(10, Self, x, id([{unknown, true}])) end],
    lists:foreach(fun(F) -> erlang:display(t(F)) end, Bad),
    ok.

t(F) -> test_support:t(?MODULE, F).
