-module(recv_after).
-export([main/0, id/1]).

%% receive ... after: after 0 on an empty and on a non-empty mailbox (matching or not), a
%% small timeout that expires, a timeout that does not expire because the message arrives
%% first, after infinity with the message already there, timeouts held in variables
%% (integer and the atom infinity), a receive with only an after clause (a sleep), and the
%% timeout_value error for bad timeouts.

id(X) -> X.

flush() -> test_support:flush().

main() ->
    Self = self(),
    erlang:display(receive _ -> got after 0 -> empty end),
    Self ! hello,
    erlang:display(receive hello -> got_hello after 0 -> empty end),
    Self ! other,
    erlang:display(receive hello -> got_hello after 0 -> no_match end),
    erlang:display(flush()),
    %% A small timeout expires, and takes at least that long.
    T0 = erlang:monotonic_time(millisecond),
    R1 = receive never -> never after 20 -> timed_out end,
    T1 = erlang:monotonic_time(millisecond),
    erlang:display({R1, T1 - T0 >= 20}),
    %% Timeouts in variables.
    erlang:display(receive never -> never after id(5) -> var_timeout end),
    Self ! there,
    erlang:display(receive there -> got_there after id(infinity) -> never end),
    Self ! there_again,
    erlang:display(receive there_again -> got_there_again after infinity -> never end),
    %% The message arrives before a long timeout.
    spawn(fun() -> receive after 10 -> Self ! late end end),
    erlang:display(receive late -> got_late after 5000 -> timed_out end),
    %% A sender that answers after a short delay, while unrelated messages keep arriving.
    spawn(fun() -> [Self ! {noise, I} || I <- lists:seq(1, 100)], receive after 5 -> Self ! answer end end),
    erlang:display(receive answer -> got_answer after 5000 -> timed_out end),
    erlang:display(length(flush())),
    %% A receive with only an after clause.
    T2 = erlang:monotonic_time(millisecond),
    sleep(15),
    T3 = erlang:monotonic_time(millisecond),
    erlang:display(T3 - T2 >= 15),
    %% timer:sleep/1 too.
    ok = timer:sleep(1),
    %% A timeout leaves messages that did not match where they were.
    [Self ! {keep, I} || I <- [1, 2, 3]],
    erlang:display(receive {other, _} -> other after 1 -> timeout end),
    erlang:display(flush()),
    %% A loop of short timeouts.
    erlang:display(count_timeouts(10, 0)),
    %% Bad timeouts.
    Bad = [fun() -> receive never -> never after id(-1) -> ok end end,
           fun() -> receive never -> never after id(foo) -> ok end end,
           fun() -> receive never -> never after id(1.5) -> ok end end,
           fun() -> receive after id(-5) -> ok end end,
           fun() -> receive never -> never after id(1 bsl 64) -> ok end end],
    lists:foreach(fun(F) ->
                          erlang:display(try F() of V -> {ok, V} catch C:R -> {C, R} end)
                  end, Bad),
    ok.

sleep(T) -> receive after T -> ok end.

count_timeouts(0, N) -> N;
count_timeouts(K, N) ->
    receive never -> never after 1 -> count_timeouts(K - 1, N + 1) end.
