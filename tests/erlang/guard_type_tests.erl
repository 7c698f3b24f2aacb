-module(guard_type_tests).
-export([main/0, id/1]).

%% The is_* type tests, in guards and as ordinary function calls.

id(X) -> X.

main() ->
    Values = id([0, -7, 576460752303423487, a, true, false, [], [1], "s", [a | b],
                 {}, {1, 2}, {rec, 1}]),
    [erlang:display({V, classify(V), flags(V)}) || V <- Values],
    erlang:display([is_boolean(X) || X <- id([true, false, 'TRUE', 0, [], undefined])]),
    erlang:display([is_record_like(X) || X <- id([{rec, 1}, {rec, 1, 2}, {other, 1}, rec, {}])]),
    erlang:display([is_tuple_size2(X) || X <- id([{a, b}, {a}, [a, b]])]),
    erlang:display(count_types(Values, {0, 0, 0, 0})),
    ok.

classify(X) when is_integer(X) -> integer;
classify(X) when is_boolean(X) -> boolean;
classify(X) when is_atom(X) -> atom;
classify([]) -> nil;
classify(X) when is_list(X) -> list;
classify(X) when is_tuple(X) -> tuple;
classify(_) -> other.

flags(X) ->
    {is_integer(X), is_number(X), is_atom(X), is_list(X), is_tuple(X),
     is_float(X), is_function(X), is_binary(X), is_pid(X), is_map(X)}.

is_record_like(X) when is_tuple(X), tuple_size(X) =:= 2, element(1, X) =:= rec -> true;
is_record_like(_) -> false.

is_tuple_size2({_, _}) -> true;
is_tuple_size2(_) -> false.

count_types([], Acc) -> Acc;
count_types([X | T], {I, A, L, U}) when is_integer(X) -> count_types(T, {I + 1, A, L, U});
count_types([X | T], {I, A, L, U}) when is_atom(X) -> count_types(T, {I, A + 1, L, U});
count_types([X | T], {I, A, L, U}) when is_list(X) -> count_types(T, {I, A, L + 1, U});
count_types([X | T], {I, A, L, U}) when is_tuple(X) -> count_types(T, {I, A, L, U + 1}).
