-module(list_errors).
-export([main/0, id/1]).

%% hd/tl of [], length of an improper list or a non-list: badarg with the
%% BIF in the trace. In guards the same calls just fail the guard.

id(X) -> X.

main() ->
    erlang:display(run(hd, [])),
    erlang:display(run(hd, notalist)),
    erlang:display(run(tl, [])),
    erlang:display(run(length, [1, 2 | 3])),
    erlang:display(run(length, [a | b])),
    erlang:display(run(length, atom)),
    erlang:display(run(length, {1, 2})),
    erlang:display(run(hd, [only])),
    erlang:display(run(tl, [only])),
    erlang:display(run(length, [1, 2, 3])),
    erlang:display([guarded(X) || X <- id([[], [1, 2, 3], [1 | 2], x, [a]])]),
    ok.

st(St) -> test_support:st(?MODULE, St).

run(F, X) ->
    try call(F, id(X)) of
        V -> {ok, V}
    catch
        error:R:St -> {error, R, st(St)}
    end.

call(hd, X) -> hd(X);
call(tl, X) -> tl(X);
call(length, X) -> length(X).

guarded(X) when length(X) > 2 -> long;
guarded(X) when hd(X) =:= a -> starts_with_a;
guarded(X) when tl(X) =:= [] -> singleton;
guarded(_) -> other.
