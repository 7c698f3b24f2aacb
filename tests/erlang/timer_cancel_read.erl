-module(timer_cancel_read).
-export([main/0, id/1]).

%% erlang:cancel_timer/1,2 and erlang:read_timer/1,2. The remaining time depends on timing,
%% so only its type and bounds are printed: an active timer gives an integer (at most the
%% time it was set for), a fired or cancelled one gives false; a cancelled timer's message
%% never comes, a fired one's message stays in the mailbox. The async and info options
%% ({cancel_timer, Ref, Result} and {read_timer, Ref, Result} messages), references that
%% were never timers, and the badarg cases.

id(X) -> X.

flush() -> test_support:flush().

kind(N) when is_integer(N) -> integer;
kind(false) -> false;
kind(Other) -> {other, Other}.

main() ->
    Self = self(),
    R1 = erlang:send_after(10000, Self, never1),
    Left1 = erlang:read_timer(R1),
    erlang:display({kind(Left1), Left1 =< 10000, Left1 > 5000}),
    Can1 = erlang:cancel_timer(R1),
    erlang:display({kind(Can1), Can1 =< 10000}),
    erlang:display({erlang:cancel_timer(R1), erlang:read_timer(R1)}),
    %% start_timer refs work the same.
    R2 = erlang:start_timer(10000, Self, never2),
    erlang:display(kind(erlang:read_timer(R2))),
    erlang:display(kind(erlang:cancel_timer(R2))),
    erlang:display(receive {timeout, R2, never2} -> wrong after 30 -> no_message end),
    %% A fired timer: cancel and read give false; its message is still there.
    R3 = erlang:send_after(1, Self, fired),
    receive after 30 -> ok end,
    erlang:display({erlang:read_timer(R3), erlang:cancel_timer(R3)}),
    erlang:display(flush()),
    %% A short timer cancelled straight away: either it was cancelled (integer, no message) or
    %% it had already fired (false, message there); never both, never neither.
    R4 = erlang:send_after(5, Self, maybe),
    C4 = erlang:cancel_timer(R4),
    receive after 30 -> ok end,
    Msg4 = flush(),
    erlang:display(case {kind(C4), Msg4} of
                       {integer, []} -> consistent;
                       {false, [maybe]} -> consistent;
                       Other -> {inconsistent, Other}
                   end),
    %% cancel_timer/2 options.
    R5 = erlang:send_after(10000, Self, never5),
    erlang:display(erlang:cancel_timer(R5, [{async, true}])),
    receive {cancel_timer, R5x, Res5} -> erlang:display({R5x =:= R5, kind(Res5)}) end,
    R6 = erlang:send_after(10000, Self, never6),
    erlang:display(erlang:cancel_timer(R6, [{async, true}, {info, false}])),
    erlang:display(receive {cancel_timer, R6, _} -> wrong after 30 -> no_info_message end),
    erlang:display(erlang:read_timer(R6)),
    R7 = erlang:send_after(10000, Self, never7),
    erlang:display(erlang:cancel_timer(R7, [{info, false}])),
    erlang:display(erlang:cancel_timer(R7, [])),
    R8 = erlang:send_after(10000, Self, never8),
    erlang:display(kind(erlang:cancel_timer(R8, [{async, false}, {info, true}]))),
    %% Async on a timer that is gone: the message says false.
    erlang:display(erlang:cancel_timer(R8, [{async, true}])),
    receive {cancel_timer, R8, Res8} -> erlang:display(Res8) end,
    %% read_timer/2.
    R9 = erlang:send_after(10000, Self, never9),
    erlang:display(kind(erlang:read_timer(R9, []))),
    erlang:display(erlang:read_timer(R9, [{async, true}])),
    receive {read_timer, R9, Res9} -> erlang:display(kind(Res9)) end,
    erlang:cancel_timer(R9),
    erlang:display(erlang:read_timer(R9, [{async, true}])),
    receive {read_timer, R9, Res9b} -> erlang:display(Res9b) end,
    %% A reference that never was a timer.
    NR = make_ref(),
    erlang:display({erlang:cancel_timer(NR), erlang:read_timer(NR)}),
    %% Cancelling from another process (timers are not owned by their creator).
    R10 = erlang:send_after(10000, Self, never10),
    spawn(fun() -> Self ! {other_cancel, kind(erlang:cancel_timer(R10))} end),
    receive {other_cancel, K10} -> erlang:display(K10) end,
    erlang:display(erlang:read_timer(R10)),
    %% Many timers cancelled.
    Rs = [erlang:send_after(1000 + I, Self, {many, I}) || I <- lists:seq(1, 1000)],
    erlang:display(lists:usort([kind(erlang:cancel_timer(R)) || R <- Rs])),
    receive after 20 -> ok end,
    erlang:display(flush()),
    Bad = [fun() -> erlang:cancel_timer(id(not_a_ref)) end,
           fun() -> erlang:read_timer(id(-123)) end,
           fun() -> erlang:cancel_timer(make_ref(), id([bad])) end,
           fun() -> erlang:cancel_timer(make_ref(), id([{async, maybe}])) end,
           fun() -> erlang:cancel_timer(make_ref(), id(notalist)) end,
           fun() -> erlang:read_timer(make_ref(), id([{async, 1}])) end,
           fun() -> erlang:read_timer(id(self()), []) end],
    lists:foreach(fun(F) -> erlang:display(t(F)) end, Bad),
    ok.

t(F) -> test_support:t(?MODULE, F).
