-module(gc_message_fragments).
-export([main/0, id/1]).

%% Messages are copied into blocks of their own and join the receiver's heap
%% when received. Thousands of messages, small and large, some with big
%% binaries, are sent to self and received; some are kept across the
%% collections that follow, the rest dropped.

id(X) -> X.

main() ->
    Self = self(),
    [Self ! {msg, I, lists:seq(1, I rem 40), <<I:32>>} || I <- lists:seq(1, id(20000))],
    Kept = recv_all(20000, []),
    erlang:display(length(Kept)),
    erlang:display(erlang:phash2(Kept)),
    [Self ! {big, I, binary:copy(<<I>>, 10000)} || I <- lists:seq(1, id(200))],
    Bigs = recv_big(200, 0, []),
    erlang:display(Bigs),
    garbage(id(2000)),
    erlang:display(erlang:phash2(Kept)),
    ok.

recv_all(0, Acc) -> lists:reverse(Acc);
recv_all(N, Acc) ->
    receive
        {msg, I, L, B} when I rem 10 =:= 0 -> recv_all(N - 1, [{I, length(L), B} | Acc]);
        {msg, _, _, _} -> recv_all(N - 1, Acc)
    end.

recv_big(0, Sum, Kept) -> {Sum, length(Kept), [byte_size(B) || B <- lists:sublist(Kept, 3)]};
recv_big(N, Sum, Kept) ->
    receive
        {big, I, B} ->
            Kept2 = case I rem 50 of 0 -> [B | Kept]; _ -> Kept end,
            recv_big(N - 1, Sum + binary:last(B), Kept2)
    end.

garbage(0) -> ok;
garbage(N) -> _ = lists:seq(1, 100), garbage(N - 1).
