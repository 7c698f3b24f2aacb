%% erlang:insert_element/3 and erlang:delete_element/2 at every position, and their badargs
%% (found by the differential fuzzer: both were undefined).
-module(tuple_insert_delete_element).
-export([main/0]).

id(X) -> X.

t(F) -> try F() catch C:R -> {C, R} end.

main() ->
    T = id({a, b, c}),
    [erlang:display(t(fun() -> erlang:insert_element(id(I), T, x) end)) || I <- [0, 1, 2, 3, 4, 5, -1]],
    [erlang:display(t(fun() -> erlang:delete_element(id(I), T) end)) || I <- [0, 1, 2, 3, 4, -1]],
    erlang:display(t(fun() -> erlang:insert_element(1, id({}), x) end)),
    erlang:display(t(fun() -> erlang:delete_element(1, id({x})) end)),
    erlang:display(t(fun() -> erlang:insert_element(id(a), T, x) end)),
    erlang:display(t(fun() -> erlang:delete_element(1, id([a])) end)),
    erlang:display(t(fun() -> erlang:delete_element(id(1 bsl 64), T) end)),
    ok.
