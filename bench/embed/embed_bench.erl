%% embed_bench: the Erlang side of bench/embed (the embedding API's costs), and the same
%% operations measured from inside Erlang, for the ratios:
%%   call   the host's Vm::call of echo/1: a process spawned, run, its result handed back.
%%          In Erlang: spawn_monitor a process that ends with the result, wait for its 'DOWN'.
%%   mailbox  a request to a server process and its reply, through a host mailbox.
%%          In Erlang: the same request and reply between two processes.
-module(embed_bench).
-export([echo/1, server/0, main/0]).

echo(X) -> X.

server() ->
    receive
        {ping, From, N} -> From ! {pong, N}, server();
        stop -> ok
    end.

-define(CALLS, 200000).
-define(ROUNDS, 200000).

main() ->
    T0 = erlang:monotonic_time(nanosecond),
    calls(?CALLS),
    T1 = erlang:monotonic_time(nanosecond),
    S = spawn(fun server/0),
    rounds(S, ?ROUNDS),
    T2 = erlang:monotonic_time(nanosecond),
    S ! stop,
    io:format("call_ns ~w~nmailbox_ns ~w~n", [(T1 - T0) div ?CALLS, (T2 - T1) div ?ROUNDS]).

calls(0) -> ok;
calls(N) ->
    {_, Ref} = spawn_monitor(fun() -> exit({result, echo(N)}) end),
    receive {'DOWN', Ref, process, _, {result, N}} -> calls(N - 1) end.

rounds(_, 0) -> ok;
rounds(S, N) ->
    S ! {ping, self(), N},
    receive {pong, N} -> rounds(S, N - 1) end.
