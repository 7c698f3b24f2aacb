-module(exc_stacktrace_depth).
-export([main/0, id/1]).

%% Shape of stack traces: at most 8 frames (the default backtrace depth),
%% consecutive identical return addresses appear once, tail calls leave
%% no frame, mutual recursion shows alternating frames.

id(X) -> X.

main() ->
    erlang:display(run(self_recursive, 100)),
    erlang:display(run(self_recursive, 2)),
    erlang:display(run(mutual, 20)),
    erlang:display(run(mutual, 3)),
    erlang:display(run(tail_recursive, 1000)),
    erlang:display(run(mixed, 4)),
    erlang:display(length(element(2, run(mutual, 20)))),
    erlang:display(run(direct_error, 7)),
    ok.

st(St) -> test_support:st(?MODULE, St).

run(What, N) ->
    try go(What, id(N)) of
        V -> {ok, V}
    catch
        error:R:St -> {R, st(St)}
    end.

go(self_recursive, N) -> R = down(N), {R};
go(mutual, N) -> R = ping(N), {R};
go(tail_recursive, N) -> R = loop(N), {R};
go(mixed, N) -> R = a(N), {R};
go(direct_error, N) -> R = down_direct(N), {R}.

%% Here erlc sees that down_direct/1 never returns: its recursive call is
%% compiled as a tail call, so no down_direct frames remain.
down_direct(0) -> error(direct_bottom);
down_direct(N) -> 1 + down_direct(N - 1).

%% The base cases go through maybe_fail/1 so that erlc cannot prove that
%% these functions never return (it would then turn the recursive calls
%% into tail calls and the frames would disappear).
maybe_fail(ok) -> 0;
maybe_fail(Reason) -> error(Reason).

down(0) -> maybe_fail(id(bottom));
down(N) -> 1 + down(N - 1).

ping(0) -> maybe_fail(id(ping_bottom));
ping(N) -> 1 + pong(N - 1).

pong(0) -> maybe_fail(id(pong_bottom));
pong(N) -> 2 + ping(N - 1).

loop(0) -> maybe_fail(id(loop_bottom));
loop(N) -> loop(N - 1).

a(N) -> [b(N)].
b(N) -> {c(N)}.
c(N) -> 1 + down(N).
