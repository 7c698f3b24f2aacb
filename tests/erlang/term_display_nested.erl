-module(term_display_nested).
-export([main/0, id/1]).

%% erlang:display/1 of nested structures: tuples in lists in tuples,
%% empty tuples and lists, negative numbers, improper lists, lists of
%% small integers that are (or are not) printable strings.

id(X) -> X.

main() ->
    erlang:display(id({})),
    erlang:display(id([])),
    erlang:display(id({[]})),
    erlang:display(id([{}])),
    erlang:display(id({{{}}})),
    erlang:display(id([[[]]])),
    erlang:display(id({a, [b, {c, [d, {e}]}], -1})),
    erlang:display(id([1 | [2 | [3 | []]]])),
    erlang:display(id([1, 2 | 3])),
    erlang:display(id([[1 | 2] | 3])),
    erlang:display(id({-576460752303423487, 0, -0})),
    erlang:display(id([-1, -2])),
    erlang:display(id([$h, $i])),
    erlang:display(id([$h, $i, -1])),
    erlang:display(id([$h | $i])),
    erlang:display(id([["ab", "cd"], {"ef"}])),
    erlang:display(id({"", [""], {""}})),
    erlang:display(build_tree(id(4))),
    erlang:display(nest(id(10))),
    erlang:display(list_to_tuple(lists:seq(id(1), id(20)))),
    erlang:display(lists:seq(id(30), id(40))),
    erlang:display(lists:seq(id(95), id(130))),
    ok.

build_tree(N) when N =< 0 -> leaf;
build_tree(N) -> {node, N, build_tree(N - 1), build_tree(N - 2)}.

nest(0) -> [];
nest(N) -> [nest(N - 1)].
