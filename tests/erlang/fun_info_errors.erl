-module(fun_info_errors).
-export([main/0]).
%% fun_info/1,2 and fun_to_list/1 raise badarg for things that are not funs and for unknown
%% items; is_function/2 checks arity.

main() ->
    F = fun(A) -> A end,
    NotFuns = [a, 1, [], {fun() -> ok end}, <<>>, #{}, list_to_pid("<0.1.0>")],
    lists:foreach(fun(X) ->
                          erlang:display({t(fun() -> erlang:fun_info(X) end),
                                          t(fun() -> erlang:fun_info(X, arity) end),
                                          t(fun() -> erlang:fun_to_list(X) end)})
                  end, NotFuns),
    lists:foreach(fun(K) -> erlang:display({K, t(fun() -> erlang:fun_info(F, K) end),
                                            t(fun() -> erlang:fun_info(fun lists:map/2, K) end)})
                  end, [foo, "arity", 1, {arity}, undefined]),
    erlang:display([is_function(F, N) || N <- [0, 1, 2]]),
    erlang:display([is_function(fun lists:map/2, N) || N <- [1, 2, 3]]),
    erlang:display(t(fun() -> is_function(F, -1) end)),
    erlang:display(t(fun() -> is_function(F, a) end)),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
