-module(recv_ref_trick).
-export([main/0, id/1]).

%% The reference trick (recv_marker_reserve/bind/use and recv_marker_clear in OTP 24+): a
%% receive that matches a reference created just before it only looks at messages that
%% arrived after the reference was made, however many older ones are queued. Checks the
%% answers come back right, the old messages stay queued in order, several refs in flight
%% at once, a reply that arrives before the receive, and monitors used the same way.

id(X) -> X.

flush() -> test_support:flush().

%% A server answering {call, From, Ref, X} with {Ref, X * 2}.
server() ->
    receive
        stop -> ok;
        {call, From, Ref, X} -> From ! {Ref, X * 2}, server()
    end.

call(S, X) ->
    Ref = make_ref(),
    S ! {call, self(), Ref, X},
    receive {Ref, Reply} -> Reply end.

%% Same, through a monitor reference (as gen:call does).
mcall(S, X) ->
    Ref = erlang:monitor(process, S),
    S ! {call, self(), Ref, X},
    receive
        {Ref, Reply} -> erlang:demonitor(Ref, [flush]), Reply;
        {'DOWN', Ref, _, _, Reason} -> {down, Reason}
    end.

main() ->
    Self = self(),
    S = spawn(fun server/0),
    %% 20000 old messages, some of which look like replies.
    [Self ! {old, I} || I <- lists:seq(1, 10000)],
    [Self ! {make_ref(), fake_reply} || _ <- lists:seq(1, 10000)],
    erlang:display(process_info(Self, message_queue_len)),
    Replies = [call(S, I) || I <- lists:seq(1, 2000)],
    erlang:display({length(Replies), lists:sum(Replies)}),
    MReplies = [mcall(S, I) || I <- lists:seq(1, 500)],
    erlang:display(lists:sum(MReplies)),
    erlang:display(process_info(Self, message_queue_len)),
    %% Several requests in flight, answered in order, collected in reverse order.
    Refs = [begin R = make_ref(), S ! {call, Self, R, I}, {R, I} end || I <- lists:seq(1, 50)],
    Back = [receive {R, V} -> {I, V} end || {R, I} <- lists:reverse(Refs)],
    erlang:display(Back =:= [{I, 2 * I} || I <- lists:seq(50, 1, -1)]),
    %% The reply is already in the mailbox when the receive starts (S answered it before
    %% the call in between).
    R2 = make_ref(),
    S ! {call, Self, R2, 21},
    erlang:display(call(S, 0)),
    erlang:display(receive {R2, V2} -> V2 end),
    %% A receive on a ref with a timeout, where nothing comes.
    R3 = make_ref(),
    erlang:display(receive {R3, _} -> got after 10 -> timeout end),
    %% A ref that is received as a message itself.
    R4 = make_ref(),
    Self ! R4,
    erlang:display(receive R4 -> got_ref_itself end),
    %% The old messages are untouched and in order.
    Old = flush(),
    {Olds, Fakes} = lists:split(10000, Old),
    erlang:display({length(Old), Olds =:= [{old, I} || I <- lists:seq(1, 10000)],
                    lists:all(fun({R, fake_reply}) -> is_reference(R); (_) -> false end, Fakes)}),
    S ! stop,
    ok.
