-module(fun_display_order).
-export([main/0, id/1]).
%% How funs print and order: closures before export funs, closures by module/index/uniq.
id(X) -> X.

main() ->
    F1 = fun(X) -> X end,
    F2 = fun(X, Y) -> {X, Y} end,
    G = id(5),
    F3 = fun() -> G end,
    erlang:display(F1),
    erlang:display(F2),
    erlang:display(F3),
    erlang:display(F1 < F2),
    erlang:display(F1 < fun lists:map/2),
    erlang:display(lists:sort([fun lists:map/2, F2, fun erlang:abs/1, F1])),
    erlang:display(F1 =:= F1),
    erlang:display(F1 == F2),
    erlang:display({F1} < {F2}),
    erlang:display(is_function(F3, 0)),
    ok.
