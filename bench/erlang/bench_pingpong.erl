%% Ping-pong: 500k round trips between two processes.
-module(bench_pingpong).
-export([main/0]).
-define(N, 500000).
pong() ->
    receive
        {ping, From, X} -> From ! {pong, X + 1}, pong();
        stop -> ok
    end.
ping(_, 0, Acc) -> Acc;
ping(P, N, Acc) ->
    P ! {ping, self(), N},
    receive {pong, X} -> ping(P, N - 1, Acc + X) end.
main() ->
    bench:run(fun() ->
        P = spawn(fun pong/0),
        R = ping(P, ?N, 0),
        P ! stop,
        R
    end).
