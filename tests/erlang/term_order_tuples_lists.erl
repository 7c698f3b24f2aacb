-module(term_order_tuples_lists).
-export([main/0, id/1]).

%% Tuples compare by size first, then element by element; lists compare
%% lexicographically, a proper prefix being smaller; improper tails take
%% part in the comparison.

id(X) -> X.

main() ->
    erlang:display(id({9, 9}) < id({1, 1, 1})),
    erlang:display(id({1, 2}) < id({1, 3})),
    erlang:display(id({1, b}) > id({1, a})),
    erlang:display(id({2}) > id({1, 1}) ),
    erlang:display(id({a, {b, c}}) < id({a, {b, d}})),
    erlang:display(id({}) < id({0})),
    erlang:display(id([1, 2, 3]) < id([1, 2, 4])),
    erlang:display(id([1, 2]) < id([1, 2, 3])),
    erlang:display(id([2]) > id([1, 9, 9, 9])),
    erlang:display(id("abc") < id("abd")),
    erlang:display(id("ab") < id("abc")),
    erlang:display(id("B") < id("a")),
    erlang:display(id([1 | 2]) < id([1 | 3])),
    erlang:display(id([1 | a]) > id([1 | 2])),
    erlang:display(id([1 | a]) < id([1, 2])),
    erlang:display(id([1 | {}]) < id([1 | []])),
    erlang:display(id([[1]]) < id([[1, 1]])),
    erlang:display(id({[1]}) =:= id({[1]})),
    erlang:display(id({[1]}) =:= id({[2]})),
    erlang:display(lists:sort(id([{b, 1}, {a, 2}, {a, 1, 0}, {c}, {a, 1}, {}, {b, 0}]))),
    erlang:display(lists:sort(id(["banana", "apple", "app", "b", "", "apple", "Apple"]))),
    erlang:display(lists:sort(id([[3], [1, 2], [1], [], [1, 1, 1], [2 | 0], [1 | 0]]))),
    erlang:display(lists:sort(id([{1, [a]}, {1, {a}}, {1, a}, {1, 1}, {1, []}]))),
    ok.
