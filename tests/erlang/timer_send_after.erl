-module(timer_send_after).
-export([main/0, id/1]).

%% erlang:send_after/3,4: the message arrives (plain, no wrapper), not before its time;
%% timers with different times fire in time order whatever order they were set in; a
%% registered name as destination (resolved when the timer fires); {abs, true} with an
%% absolute monotonic time (also one in the past, which fires at once; not one from before the
%% VM started, which is badarg in BEAM); timeout 0; the
%% result is a reference. Then the badarg cases.

id(X) -> X.

flush() -> test_support:flush().

main() ->
    Self = self(),
    T0 = erlang:monotonic_time(millisecond),
    Ref = erlang:send_after(30, Self, plain_message),
    erlang:display(is_reference(Ref)),
    receive plain_message -> ok end,
    T1 = erlang:monotonic_time(millisecond),
    erlang:display({plain_message, T1 - T0 >= 30}),
    %% Set out of order: they arrive in time order.
    erlang:send_after(60, Self, {order, 3}),
    erlang:send_after(5, Self, {order, 1}),
    erlang:send_after(100, Self, {order, 4}),
    erlang:send_after(30, Self, {order, 2}),
    erlang:display([receive {order, _} = M -> M end || _ <- [1, 2, 3, 4]]),
    %% Time 0.
    erlang:send_after(0, Self, zero),
    erlang:display(receive zero -> zero after 1000 -> missing end),
    %% send_after/4 with an empty option list, and {abs, false}.
    erlang:send_after(5, Self, four_args, []),
    erlang:send_after(5, Self, abs_false, [{abs, false}]),
    erlang:display(lists:sort([receive four_args -> four_args end, receive abs_false -> abs_false end])),
    %% {abs, true}: an absolute monotonic time in milliseconds.
    Now = erlang:monotonic_time(millisecond),
    erlang:send_after(Now + 25, Self, absolute, [{abs, true}]),
    receive absolute -> ok end,
    erlang:display({absolute, erlang:monotonic_time(millisecond) >= Now + 25}),
    erlang:send_after(T0, Self, in_the_past, [{abs, true}]),
    erlang:display(receive in_the_past -> in_the_past after 1000 -> missing end),
    %% A registered name: looked up when the timer fires.
    erlang:send_after(20, timer_send_after_name, {to_name, 1}),
    register(timer_send_after_name, Self),
    erlang:display(receive {to_name, _} = TN -> TN after 1000 -> missing end),
    unregister(timer_send_after_name),
    %% ... and dropped silently if nobody has the name then.
    erlang:send_after(5, timer_send_after_nobody, lost),
    erlang:display(receive lost -> wrong after 30 -> dropped end),
    %% A timer to another process.
    P = spawn(fun() -> receive M -> Self ! {relayed, M} end end),
    erlang:send_after(10, P, for_child),
    erlang:display(receive {relayed, RM} -> RM end),
    %% Many timers.
    [erlang:send_after(I rem 20, Self, {many, I}) || I <- lists:seq(1, 1000)],
    erlang:display(lists:sum([receive {many, I} -> I end || _ <- lists:seq(1, 1000)])),
    %% Big message payloads.
    Big = lists:seq(1, 10000),
    erlang:send_after(1, Self, {big, Big, binary:copy(<<"b">>, 1000)}),
    receive {big, B1, B2} -> erlang:display({B1 =:= Big, byte_size(B2)}) end,
    erlang:display(flush()),
    Bad = [fun() -> erlang:send_after(id(-1), Self, x) end,
           fun() -> erlang:send_after(id(1.0), Self, x) end,
           fun() -> erlang:send_after(id(infinity), Self, x) end,
           fun() -> erlang:send_after(id(1 bsl 60), Self, x) end,
           fun() -> erlang:send_after(10, id("name"), x) end,
           fun() -> erlang:send_after(10, id({name, node()}), x) end,
           fun() -> erlang:send_after(10, id(1), x) end,
           fun() -> erlang:send_after(10, Self, x, id([bad])) end,
           fun() -> erlang:send_after(10, Self, x, id([{abs, maybe}])) end,
           fun() -> erlang:send_after(10, Self, x, id(notalist)) end],
    lists:foreach(fun(F) -> erlang:display(t(F)) end, Bad),
    ok.

t(F) -> test_support:t(?MODULE, F).
