-module(stress_flood).
-export([main/0]).
%% Many-to-one floods: 200 senders each send 5000 numbered messages to one receiver, half of
%% them yielding between sends so that they migrate between scheduler threads; the receiver
%% checks each sender's sequence arrives in order.
main() ->
    Senders = 200, Each = 5000,
    Self = self(),
    Recv = spawn(fun() -> Self ! {verdict, check(#{}, Senders * Each)} end),
    [spawn(fun() -> send(Recv, I, 1, Each, I rem 2 =:= 0) end) || I <- lists:seq(1, Senders)],
    receive {verdict, V} -> io:format("~p~n", [V]) end,
    {in_order, Senders} = V,
    io:format("ok~n").
send(_, _, K, Each, _) when K > Each -> ok;
send(To, I, K, Each, Yield) ->
    To ! {I, K},
    Yield andalso erlang:yield(),
    send(To, I, K + 1, Each, Yield).
check(Seen, 0) -> {in_order, maps:size(Seen)};
check(Seen, Left) ->
    receive {I, K} ->
        case maps:get(I, Seen, 0) of
            Prev when Prev =:= K - 1 -> check(Seen#{I => K}, Left - 1);
            Prev -> {out_of_order, I, Prev, K}
        end
    end.
