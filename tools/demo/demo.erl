%% The demo program the README's first command runs: a little sequential Erlang, then
%% processes: a ring of workers passing a token, a monitored crash, and io:format.
-module(demo).
-export([main/0, fib/1, to_int/1]).

fib(N) when N < 2 -> N;
fib(N) -> fib(N - 1) + fib(N - 2).

to_int(S) -> list_to_integer(S).

%% Each ring member passes the token on, adding one, until it has gone round Laps times.
relay(Next) ->
    receive
        {token, N, 0} -> Next ! {done, N};
        {token, N, Laps} -> Next ! {token, N + 1, Laps - 1}, relay(Next);
        {done, _} = D -> Next ! D
    end.

%% The main process closes the ring: it passes the token on until the last lap is done.
relay_home(First) ->
    receive
        {token, N, 0} -> N;
        {token, N, Laps} -> First ! {token, N + 1, Laps - 1}, relay_home(First);
        {done, N} -> N
    end.

main() ->
    erlang:display({fib, 25, fib(25)}),
    Sorted = lists:sort([5, 3, 9, 1, 7]),
    erlang:display({sorted, Sorted}),
    erlang:display({squares, [X * X || X <- lists:seq(1, 10)]}),
    R = try ?MODULE:to_int("not a number")
        catch error:badarg:St -> {caught, badarg, hd(St)}
        end,
    erlang:display(R),
    Self = self(),
    Ring = lists:foldl(fun(_, Next) -> spawn(fun() -> relay(Next) end) end, Self, lists:seq(1, 100)),
    Ring ! {token, 0, 10000},
    Hops = relay_home(Ring),
    io:format("a token went ~p hops round a ring of ~p processes~n", [Hops, 100]),
    {Pid, Ref} = spawn_monitor(fun() -> exit({shutdown, demo_done}) end),
    receive {'DOWN', Ref, process, Pid, Why} -> io:format("a monitored process ended: ~p~n", [Why]) end,
    ok.
