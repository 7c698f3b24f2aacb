-module(tuple_convert).
-export([main/0, id/1]).

%% tuple_to_list/1 and list_to_tuple/1, nested and empty, and badarg.

id(X) -> X.

main() ->
    erlang:display(tuple_to_list(id({a, b, c}))),
    erlang:display(tuple_to_list(id({}))),
    erlang:display(tuple_to_list(id({{1, 2}, [3], "s"}))),
    erlang:display(list_to_tuple(id([x, y, z]))),
    erlang:display(list_to_tuple(id([]))),
    erlang:display(list_to_tuple(id([[1], {2}]))),
    erlang:display(list_to_tuple(tuple_to_list(id({1, 2, 3}))) =:= id({1, 2, 3})),
    erlang:display(deep_to_list(id({a, {b, {c, {}}}, [{d}]}))),
    erlang:display(reverse_tuple(id({1, 2, 3, 4, 5, 6}))),
    erlang:display(tuple_sum(id({10, 20, 30, 40}))),
    erlang:display(zip_tuples(id({a, b, c}), id({1, 2, 3}))),
    erlang:display(catch_badarg(l2t, id([a | b]))),
    erlang:display(catch_badarg(l2t, id(notalist))),
    erlang:display(catch_badarg(t2l, id([a, b]))),
    ok.

st(St) -> test_support:st(?MODULE, St).

deep_to_list(T) when is_tuple(T) -> [deep_to_list(E) || E <- tuple_to_list(T)];
deep_to_list(L) when is_list(L) -> [deep_to_list(E) || E <- L];
deep_to_list(X) -> X.

reverse_tuple(T) -> list_to_tuple(lists:reverse(tuple_to_list(T))).

tuple_sum(T) -> tuple_sum(T, tuple_size(T), 0).

tuple_sum(_, 0, Acc) -> Acc;
tuple_sum(T, I, Acc) -> tuple_sum(T, I - 1, Acc + element(I, T)).

zip_tuples(A, B) ->
    list_to_tuple(zip(tuple_to_list(A), tuple_to_list(B))).

zip([], []) -> [];
zip([X | Xs], [Y | Ys]) -> [{X, Y} | zip(Xs, Ys)].

catch_badarg(l2t, X) ->
    try list_to_tuple(X) catch error:R:St -> {R, st(St)} end;
catch_badarg(t2l, X) ->
    try tuple_to_list(X) catch error:R:St -> {R, st(St)} end.
