%% Selective receive with a long mailbox: 10k messages that never match stay queued while
%% 300k ref-tagged calls go to a server (the receive on a fresh reference must skip the old
%% messages without scanning them), then 800 receives that have to find a message at the
%% back of the 10k (a full scan each).
-module(bench_selective).
-export([main/0]).
-define(JUNK, 10000).
-define(CALLS, 300000).
-define(SCANS, 800).
server() ->
    receive
        {call, From, Ref, X} -> From ! {Ref, X * 2}, server();
        stop -> ok
    end.
call(S, X) ->
    Ref = make_ref(),
    S ! {call, self(), Ref, X},
    receive {Ref, R} -> R end.
calls(_, 0, Acc) -> Acc;
calls(S, N, Acc) -> calls(S, N - 1, Acc + call(S, N)).
scans(0, Acc) -> Acc;
scans(N, Acc) ->
    self() ! {wanted, N},
    receive {wanted, X} -> scans(N - 1, Acc + X) end.
drain(N) -> receive {junk, _} -> drain(N + 1) after 0 -> N end.
main() ->
    bench:run(fun() ->
        [self() ! {junk, I} || I <- lists:seq(1, ?JUNK)],
        S = spawn(fun server/0),
        A = calls(S, ?CALLS, 0),
        S ! stop,
        B = scans(?SCANS, 0),
        A + B + drain(0)
    end).
