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

%% Stack trace filter: keep only frames of this module and of erlang (the
%% callers of main/0 differ between erl and beamrun) and reduce file names
%% to their base name (erlc records the path as given on its command line).
st(St) -> [{M, F, A, loc(L)} || {M, F, A, L} <- St, M =:= ?MODULE orelse M =:= erlang].

loc(L) -> [norm(I) || I <- L].

norm({file, P}) -> {file, base(P, P)};
norm(I) -> I.

base([], B) -> B;
base([$/ | T], _) -> base(T, T);
base([_ | T], B) -> base(T, B).

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
