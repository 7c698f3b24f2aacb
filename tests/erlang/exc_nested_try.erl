-module(exc_nested_try).
-export([main/0, id/1]).

%% Nested try blocks: inner handlers that do not match let the exception
%% through to outer ones, handlers that raise a new exception, exceptions
%% across several function calls, try inside recursion.

id(X) -> X.

main() ->
    erlang:display(outer(id(inner_catches))),
    erlang:display(outer(id(outer_catches))),
    erlang:display(outer(id(translated))),
    erlang:display(outer(id(no_exception))),
    erlang:display(retry(id(3), 0)),
    erlang:display(sum_safe(id([1, 2, x, 4, {y}, 6]))),
    erlang:display(depth_catch(id(50))),
    erlang:display(try level1(id(go)) catch throw:{L, V} -> {caught_at_top, L, V} end),
    ok.

outer(Mode) ->
    try
        middle(Mode)
    catch
        throw:from_inner -> outer_got_inner_throw;
        error:{translated, R} -> {outer_got_translated, R}
    end.

middle(Mode) ->
    try
        inner(Mode)
    catch
        throw:handled_here -> middle_handled
    end.

inner(inner_catches) -> throw(handled_here);
inner(outer_catches) -> throw(from_inner);
inner(translated) ->
    try error(original)
    catch error:original -> error({translated, original})
    end;
inner(no_exception) -> normal_value.

retry(0, Attempts) -> {gave_up, Attempts};
retry(N, Attempts) ->
    try attempt(N) of
        V -> {succeeded, V, Attempts}
    catch
        throw:fail -> retry(N - 1, Attempts + 1)
    end.

attempt(1) -> lucky;
attempt(_) -> throw(fail).

sum_safe(L) -> sum_safe(L, 0, []).

sum_safe([], Sum, Bad) -> {Sum, lists:reverse(Bad)};
sum_safe([X | T], Sum, Bad) ->
    try Sum + X of
        S -> sum_safe(T, S, Bad)
    catch
        error:badarith -> sum_safe(T, Sum, [X | Bad])
    end.

depth_catch(0) -> throw(bottom);
depth_catch(N) ->
    try depth_catch(N - 1)
    catch throw:bottom when N =:= 25 -> {caught_at, N}
    end.

level1(X) -> try level2(X) catch throw:nothing -> no end.
level2(X) -> try level3(X) catch error:nothing -> no end.
level3(X) -> throw({level3, X}).
