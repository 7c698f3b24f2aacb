-module(fun_info_local).
-export([main/0]).
%% erlang:fun_info/1,2 of closures: module, name, arity, env (the free variables in order),
%% type, index/new_index, uniq and new_uniq (the module's md5, as OTP 25 defines it), and pid
%% (shown only as is_pid, since process numbers differ between VMs).

main() ->
    F0 = fun() -> ok end,
    run(F0),
    run(fun(A, B) -> A + B end),
    X = id(10), Y = id("why"), Z = id({z}),
    run(fun(A) -> A + X end),
    run(fun(A) -> {A, X, Y, Z} end),
    run(fun() -> F0 end),
    run(make_adder(3)),
    run(make_adder(foo)),
    Named = fun Fact(0) -> 1; Fact(N) -> N * Fact(N - 1) end,
    run(Named),
    erlang:display(Named(5)),
    erlang:display(element(2, erlang:fun_info(F0, new_uniq)) =:= ?MODULE:module_info(md5)),
    ok.

run(F) ->
    Info = erlang:fun_info(F),
    erlang:display([I || {K, _} = I <- Info, K =/= pid]),
    erlang:display([K || {K, _} <- Info]),
    {pid, P} = erlang:fun_info(F, pid),
    erlang:display(is_pid(P)),
    erlang:display([erlang:fun_info(F, K) || K <- [module, name, arity, env, type, index, new_index,
                                                   uniq, new_uniq]]),
    erlang:display({F, erlang:fun_to_list(F), is_function(F), is_function(F, element(2, erlang:fun_info(F, arity)))}).

make_adder(N) -> fun(M) -> M + N end.

id(X) -> X.
