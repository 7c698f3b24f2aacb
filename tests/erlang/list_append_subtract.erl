-module(list_append_subtract).
-export([main/0, id/1]).

%% ++ copies the left list and shares the right one (which may be
%% improper); -- removes the first occurrence of each element of the right
%% list, one occurrence per element.

id(X) -> X.

main() ->
    erlang:display(id([1, 2]) ++ id([3, 4])),
    erlang:display(id([]) ++ id([a])),
    erlang:display(id([a]) ++ id([])),
    erlang:display(id([a]) ++ id(b)),
    erlang:display(id([a, b]) ++ id([c | d])),
    erlang:display(id([]) ++ id(notalist)),
    erlang:display(id("abc") ++ id("def")),
    erlang:display(id([1, 2, 3, 2, 1]) -- id([2])),
    erlang:display(id([1, 2, 3, 2, 1]) -- id([2, 2])),
    erlang:display(id([1, 2, 3, 2, 1]) -- id([2, 2, 2])),
    erlang:display(id([a, b, c]) -- id([d])),
    erlang:display(id([a, b, c]) -- id([])),
    erlang:display(id([]) -- id([a])),
    erlang:display(id([1, 1, 1, 1]) -- id([1, 1])),
    erlang:display(id([3, 1, 2, 3, 1]) -- id([1, 3])),
    erlang:display(id([1, 2, 3]) -- id([3, 2, 1])),
    erlang:display(id("hello world") -- id("lo")),
    erlang:display(id([{a, 1}, {b, 2}, {a, 1}]) -- id([{a, 1}])),
    erlang:display(id([1, 2.0, 2]) -- id([2]) =:= [1, 2.0]),
    erlang:display(id([1, 2]) ++ id([3]) -- id([1, 3])),
    erlang:display((id([1, 2]) ++ id([3])) -- id([1, 3])),
    Big = lists:seq(1, id(3000)),
    erlang:display(length(Big -- lists:seq(2, id(3000), 2))),
    erlang:display(length(Big ++ Big ++ Big)),
    erlang:display(build(id(5), [])),
    erlang:display(catch_op(app, id([1 | 2]), id([3]))),
    erlang:display(catch_op(app, id(x), id([3]))),
    erlang:display(catch_op(sub, id([1, 2]), id(y))),
    erlang:display(catch_op(sub, id(x), id([]))),
    ok.

st(St) -> test_support:st(?MODULE, St).

build(0, Acc) -> Acc;
build(N, Acc) -> build(N - 1, Acc ++ [N]).

catch_op(app, A, B) ->
    try A ++ B catch error:R:St -> {R, st(St)} end;
catch_op(sub, A, B) ->
    try A -- B catch error:R:St -> {R, st(St)} end.
