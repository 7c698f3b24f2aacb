-module(exc_undef).
-export([main/0, id/1, present/1]).

%% undef: calling a module that does not exist, a function missing from
%% an existing module, a wrong arity, and apply/3 with computed names.
%% The first frame names the missing function with its arguments.

id(X) -> X.

present(X) -> {present, X}.

main() ->
    erlang:display(run(id(no_such_module_xyz), id(f), id([1, 2]))),
    erlang:display(run(id(lists), id(no_such_function), id([a]))),
    erlang:display(run(id(lists), id(reverse), id([[1], [2], [3]]))),
    erlang:display(run(id(?MODULE), id(present), id([1, 2]))),
    erlang:display(run(id(?MODULE), id(present), id([here]))),
    erlang:display(run(id(?MODULE), id(not_exported), id([]))),
    erlang:display(direct_missing_module()),
    erlang:display(direct_missing_function()),
    ok.

%% keep frames of the module that was called too
st(Mod, St) -> test_support:st([?MODULE, Mod], St).


run(M, F, Args) ->
    try apply(M, F, Args) of
        V -> {ok, V}
    catch
        error:R:St -> {R, st(M, St)}
    end.

direct_missing_module() ->
    try
        R = no_such_module_abc:go(id(1)),
        {R}
    catch
        error:R2:St -> {R2, st(no_such_module_abc, St)}
    end.

direct_missing_function() ->
    try
        R = lists:no_such_fun(id(1), id(2)),
        {R}
    catch
        error:R2:St -> {R2, st(lists, St)}
    end.

not_exported() -> present(hidden).

-compile({nowarn_unused_function, [{not_exported, 0}]}).
