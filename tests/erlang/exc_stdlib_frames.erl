-module(exc_stdlib_frames).
-export([main/0, id/1]).

%% Errors raised inside the real stdlib (lists, loaded from OTP's own
%% .beam files): the stack trace contains the lists frames with their own
%% file and line, between the BIF frame and ours.

id(X) -> X.

main() ->
    erlang:display(run(nth, [0, [a]])),
    erlang:display(run(nth, [3, [a]])),
    erlang:display(run(sum, [[1, 2, x]])),
    erlang:display(run(seq, [5, 1])),
    erlang:display(run(seq, [1, 10, 0])),
    erlang:display(run(reverse, [notalist])),
    erlang:display(run(sort, [notalist])),
    erlang:display(run(keyfind, [a, 1, notalist])),
    erlang:display(run(nth, [2, [a, b, c]])),
    ok.

st(St) -> test_support:st([?MODULE, lists], St).


run(F, Args) ->
    try apply(lists, F, id(Args)) of
        V -> {ok, V}
    catch
        C:R:St -> {C, R, st(St)}
    end.
