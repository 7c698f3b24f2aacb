-module(tuple_errors).
-export([main/0, id/1]).

%% element/setelement/tuple_size with bad arguments raise badarg with the
%% BIF in the stack trace.

id(X) -> X.

main() ->
    erlang:display(run(element, 0, {a})),
    erlang:display(run(element, 2, {a})),
    erlang:display(run(element, 5, {a})),
    erlang:display(run(element, -1, {a, b})),
    erlang:display(run(element, 1, [a])),
    erlang:display(run(element, a, {a})),
    erlang:display(run(element, 1, {})),
    erlang:display(run(element, 1, {ok})),
    erlang:display(run(setelement, 0, {a})),
    erlang:display(run(setelement, 3, {a, b})),
    erlang:display(run(setelement, 1, notatuple)),
    erlang:display(run(setelement, 2, {a, b})),
    erlang:display(run(tuple_size, 0, [1, 2])),
    erlang:display(run(tuple_size, 0, {1, 2})),
    erlang:display(run(guarded, 3, {x, y})),
    erlang:display(run(guarded, 2, {x, y})),
    erlang:display(run(guarded, 1, notatuple)),
    ok.

st(St) -> test_support:st(?MODULE, St).

run(Op, I, T) ->
    try op(Op, id(I), id(T)) of
        V -> {ok, V}
    catch
        error:R:St -> {error, R, st(St)}
    end.

op(element, I, T) -> element(I, T);
op(setelement, I, T) -> setelement(I, T, new);
op(tuple_size, _, T) -> tuple_size(T);
op(guarded, I, T) when element(I, T) =:= y -> second_is_y;
op(guarded, I, T) when tuple_size(T) > I -> {small_index, I};
op(guarded, _, _) -> guard_failed_quietly.
