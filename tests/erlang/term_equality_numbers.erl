-module(term_equality_numbers).
-export([main/0, id/1]).

%% == compares numbers by value (1 == 1.0) while =:= also compares the
%% type (1 =/= 1.0). Float literals appear only in comparisons here.

id(X) -> X.

main() ->
    One = id(1),
    erlang:display(One == 1.0),
    erlang:display(One =:= 1.0),
    erlang:display(One /= 1.0),
    erlang:display(One =/= 1.0),
    erlang:display(id(0) == -0.0),
    erlang:display(id(0) =:= 0.0),
    erlang:display(id(2) > 1.5),
    erlang:display(id(1) < 1.5),
    erlang:display(id(-3) < -2.5),
    erlang:display(id({1, 2}) == {1.0, 2}),
    erlang:display(id({1, 2}) =:= {1.0, 2}),
    erlang:display(id([1, 2]) == [1, 2.0]),
    erlang:display(id([1, 2]) =:= [1, 2.0]),
    erlang:display(id(a) > 99.5),
    erlang:display(kind(id(1))),
    erlang:display(kind(id(2))),
    erlang:display(exact(id(1))),
    erlang:display(exact(id(2))),
    erlang:display(in_list(id(3), [1.0, 2.0, 3.0])),
    erlang:display(lists:member(id(3), [1.0, 2.0, 3.0])),
    erlang:display(lists:member(id(3), [1.0, 2.0, 3])),
    erlang:display(element(2, lists:keyfind(id(2), 1, [{2.0, float}, {2, int}]))),
    erlang:display(element(2, lists:keyfind(id(2.0), 1, [{2, int}, {2.0, float}]))),
    ok.

kind(X) when X == 1.0 -> equal_to_float_one;
kind(_) -> other.

exact(X) when X =:= 1.0 -> exactly_float_one;
exact(1) -> integer_one;
exact(_) -> other.

in_list(_, []) -> false;
in_list(X, [Y | T]) when X == Y -> {found, length(T)};
in_list(X, [_ | T]) -> in_list(X, T).
