-module(proc_yield).
-export([main/0, id/1]).

%% erlang:yield/0 returns true and lets others run; processes that only yield (and never
%% block) still finish; a long computation in one process does not stop another from
%% answering.

id(X) -> X.

spin(0) -> done;
spin(N) -> true = erlang:yield(), spin(N - 1).

busy(0, Acc) -> Acc;
busy(N, Acc) -> busy(N - 1, (Acc * 31 + N) rem 1000003).

main() ->
    Self = self(),
    erlang:display(erlang:yield()),
    erlang:display(spin(1000)),
    %% 10 processes yielding 1000 times each.
    [spawn(fun() -> Self ! {spun, I, spin(1000)} end) || I <- lists:seq(1, 10)],
    erlang:display(lists:sort([receive {spun, I, D} -> {I, D} end || _ <- lists:seq(1, 10)])),
    %% Preemption: busy workers (no receive, no yield) do not stop an echo from answering.
    Busy = [spawn(fun() -> Self ! {busy, busy(3000000, 0)} end) || _ <- lists:seq(1, 4)],
    Echo = spawn(fun() -> receive {ping, From} -> From ! pong end end),
    Echo ! {ping, Self},
    erlang:display(receive pong -> pong end),
    erlang:display(lists:usort([receive {busy, V} -> V end || _ <- Busy])),
    ok.
