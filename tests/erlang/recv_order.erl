-module(recv_order).
-export([main/0, id/1]).

%% Mailbox order: messages from one sender arrive in the order sent (to self, from a child,
%% from a chain of forwarders), ! and erlang:send/2 return the message, erlang:send/3
%% returns ok, and messages of every term type arrive intact.

id(X) -> X.

flush() -> test_support:flush().

collect(0, Acc) -> lists:reverse(Acc);
collect(N, Acc) -> receive {n, X} -> collect(N - 1, [X | Acc]) end.

forward(To) ->
    receive
        stop -> To ! stop;
        M -> To ! M, forward(To)
    end.

main() ->
    Self = self(),
    erlang:display(Self ! first),
    erlang:display(erlang:send(Self, second)),
    erlang:display(erlang:send(Self, third, [])),
    erlang:display(Self ! Self ! twice),
    erlang:display(flush()),
    %% To self.
    [Self ! {n, I} || I <- lists:seq(1, 10000)],
    erlang:display(collect(10000, []) =:= lists:seq(1, 10000)),
    %% From a child.
    spawn(fun() -> [Self ! {n, I} || I <- lists:seq(1, 50000)] end),
    erlang:display(collect(50000, []) =:= lists:seq(1, 50000)),
    %% Through a chain of 10 forwarders.
    First = lists:foldl(fun(_, To) -> spawn(fun() -> forward(To) end) end, Self, lists:seq(1, 10)),
    [First ! {n, I} || I <- lists:seq(1, 10000)],
    First ! stop,
    erlang:display(collect(10000, []) =:= lists:seq(1, 10000)),
    receive stop -> erlang:display(chain_stopped) end,
    %% Every kind of term, in order.
    Terms = [42, -7, 1 bsl 100, -(1 bsl 70), 3.25, -0.0, atom, 'quoted atom', "string", [],
             [1 | 2], {}, {a, {b, {c}}}, <<>>, <<1, 2, 3>>, <<1:3>>, binary:copy(<<"x">>, 200),
             #{}, #{a => 1, "b" => [2]}, maps:from_list([{I, I} || I <- lists:seq(1, 50)]),
             fun id/1, fun lists:map/2, Self, make_ref() =/= make_ref()],
    Echo = spawn(fun() -> receive {From, L} -> [From ! {echo, T} || T <- L] end end),
    Echo ! {Self, Terms},
    Got = [receive {echo, T} -> T end || _ <- Terms],
    erlang:display(Got =:= Terms),
    erlang:display(lists:map(fun(T) when is_function(T); is_pid(T) -> placeholder; (T) -> T end,
                             lists:sublist(Got, 16))),
    ok.
