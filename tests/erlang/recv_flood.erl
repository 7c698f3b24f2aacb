-module(recv_flood).
-export([main/0, id/1]).

%% Many-to-one floods: 100 senders each send their own sequence 1..1000 to one receiver,
%% all at once; the receiver checks that each sender's messages arrive in increasing order
%% and that none is lost or duplicated. Also a flood into a registered name and a flood while
%% the receiver is selectively receiving. Only verdicts are printed.

id(X) -> X.

-define(SENDERS, 100).
-define(EACH, 1000).

main() ->
    Self = self(),
    Go = make_ref(),
    Senders = [spawn(fun() -> receive Go -> [Self ! {S, I} || I <- lists:seq(1, ?EACH)] end end)
               || S <- lists:seq(1, ?SENDERS)],
    [P ! Go || P <- Senders],
    erlang:display(check(?SENDERS * ?EACH, #{})),
    %% Into a registered name, senders started without a barrier.
    register(recv_flood_sink, Self),
    [spawn(fun() -> [recv_flood_sink ! {S, I} || I <- lists:seq(1, ?EACH)] end)
     || S <- lists:seq(1, ?SENDERS)],
    erlang:display(check(?SENDERS * ?EACH, #{})),
    unregister(recv_flood_sink),
    %% The receiver takes sender 1's messages first (selectively), while all 50 send.
    [spawn(fun() -> [Self ! {S, I} || I <- lists:seq(1, ?EACH)] end) || S <- lists:seq(1, 50)],
    First = [receive {1, I} -> I end || _ <- lists:seq(1, ?EACH)],
    erlang:display(First =:= lists:seq(1, ?EACH)),
    erlang:display(check(49 * ?EACH, #{1 => ?EACH})),
    erlang:display(receive Extra -> {unexpected, Extra} after 0 -> nothing_left end),
    ok.

%% Seen maps sender => last number received.
check(0, Seen) ->
    {ok, lists:usort(maps:values(Seen))};
check(N, Seen) ->
    receive
        {S, I} ->
            case maps:get(S, Seen, 0) of
                Prev when Prev + 1 =:= I -> check(N - 1, Seen#{S => I});
                Prev -> {out_of_order, S, Prev, I}
            end
    end.
