-module(exc_throw_catch).
-export([main/0, id/1]).

%% throw/1 caught by try...catch: class patterns, value patterns, the
%% default class (throw) when only the reason is written, non-local
%% return from deep recursion.

id(X) -> X.

main() ->
    erlang:display(try throw(id(boom)) catch throw:R -> {caught, R} end),
    erlang:display(try throw(id({error, 42})) catch {error, N} -> {tuple, N} end),
    erlang:display(try id(no_throw) catch _ -> unreachable end),
    erlang:display(classify(id(1))),
    erlang:display(classify(id(2))),
    erlang:display(classify(id(3))),
    erlang:display(classify(id(4))),
    erlang:display(find_first_neg(id([3, 1, 4, -1, 5, -9]))),
    erlang:display(find_first_neg(id([3, 1, 4]))),
    erlang:display(deep_throw(id(1000))),
    erlang:display(try throw(id([])) catch throw:[] -> nil; throw:_ -> other end),
    erlang:display(nested_values(id(5))),
    ok.

classify(N) ->
    try thrower(N) of
        Result -> {returned, Result}
    catch
        throw:small -> small_thrown;
        throw:{big, X} when X > 100 -> {very_big, X};
        throw:{big, X} -> {big, X}
    end.

thrower(1) -> throw(small);
thrower(2) -> throw({big, 50});
thrower(3) -> throw({big, 500});
thrower(N) -> N * 10.

find_first_neg(L) ->
    try
        walk(L),
        none
    catch
        throw:{found, X} -> {found, X}
    end.

walk([]) -> ok;
walk([X | _]) when X < 0 -> throw({found, X});
walk([_ | T]) -> walk(T).

deep_throw(N) ->
    try descend(N) catch throw:{bottom, D} -> {unwound_from, D} end.

descend(0) -> throw({bottom, 0});
descend(N) -> 1 + descend(N - 1).

nested_values(N) ->
    try
        try throw(N) catch throw:X -> throw(X * 2) end
    catch
        throw:Y -> Y + 1
    end.
