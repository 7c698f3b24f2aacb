-module(list_reverse).
-export([main/0, id/1]).

%% lists:reverse/1,2 and hand-written reversal.

id(X) -> X.

main() ->
    erlang:display(lists:reverse(id([1, 2, 3]))),
    erlang:display(lists:reverse(id([]))),
    erlang:display(lists:reverse(id([a]))),
    erlang:display(lists:reverse(id("stressed"))),
    erlang:display(lists:reverse(id([1, 2, 3]), id([4, 5]))),
    erlang:display(lists:reverse(id([]), id([4, 5]))),
    erlang:display(lists:reverse(id([1, 2]), id([]))),
    erlang:display(lists:reverse(id([[1, 2], [3]]))),
    erlang:display(rev(id([a, b, c, d]), [])),
    Long = lists:seq(1, id(50000)),
    R = lists:reverse(Long),
    erlang:display({hd(R), lists:nth(50000, R), length(R)}),
    erlang:display(lists:reverse(R) =:= Long),
    erlang:display(rev(Long, []) =:= R),
    erlang:display(palindrome(id("racecar"))),
    erlang:display(palindrome(id("raceca"))),
    erlang:display(naive_rev(id(lists:seq(1, 10)))),
    erlang:display(catch_rev(id([1 | 2]))),
    erlang:display(catch_rev(id(atom))),
    ok.

rev([], Acc) -> Acc;
rev([H | T], Acc) -> rev(T, [H | Acc]).

palindrome(S) -> S =:= lists:reverse(S).

naive_rev([]) -> [];
naive_rev([H | T]) -> naive_rev(T) ++ [H].

catch_rev(X) ->
    try lists:reverse(X) of
        V -> {ok, V}
    catch
        error:R -> {error, R}
    end.
