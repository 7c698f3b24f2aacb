-module(if_expressions).
-export([main/0, id/1]).

%% if with several branches, true as the catch-all, nested ifs, if as a
%% value, and an if without a matching branch (if_clause).

id(X) -> X.

main() ->
    erlang:display([grade(S) || S <- id([95, 85, 75, 65, 10, 100, 0])]),
    erlang:display([cmp(A, B) || {A, B} <- id([{1, 2}, {2, 1}, {3, 3}])]),
    erlang:display(max3(id(3), id(9), id(5))),
    erlang:display(max3(id(9), id(3), id(5))),
    erlang:display(max3(id(3), id(5), id(9))),
    erlang:display(leap(id(1900))),
    erlang:display(leap(id(2000))),
    erlang:display(leap(id(2023))),
    erlang:display(leap(id(2024))),
    erlang:display(no_match(id(5))),
    erlang:display(try no_match(id(-5)) catch error:R -> {caught, R} end),
    ok.

grade(S) ->
    if
        S >= 90 -> a;
        S >= 80 -> b;
        S >= 70 -> c;
        S >= 60 -> d;
        true -> f
    end.

cmp(A, B) ->
    R = if A < B -> lt; A > B -> gt; true -> eq end,
    {A, B, R}.

max3(A, B, C) ->
    if
        A >= B ->
            if A >= C -> A; true -> C end;
        true ->
            if B >= C -> B; true -> C end
    end.

leap(Y) ->
    if
        Y rem 400 =:= 0 -> true;
        Y rem 100 =:= 0 -> false;
        Y rem 4 =:= 0 -> true;
        true -> false
    end.

no_match(X) ->
    if
        X > 0 -> positive
    end.
