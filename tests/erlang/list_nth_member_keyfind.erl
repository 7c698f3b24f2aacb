-module(list_nth_member_keyfind).
-export([main/0, id/1]).

%% lists:nth/2, lists:member/2 (exact match) and lists:keyfind/3 (==).

id(X) -> X.

main() ->
    L = id([a, b, c, d, e]),
    erlang:display([lists:nth(I, L) || I <- lists:seq(1, 5)]),
    erlang:display(lists:nth(id(1), id([{x}]))),
    erlang:display(lists:member(id(c), L)),
    erlang:display(lists:member(id(z), L)),
    erlang:display(lists:member(id([]), id([[], a]))),
    erlang:display(lists:member(id({1, 2}), id([{1, 2}]))),
    erlang:display(lists:member(id("b"), id(["a", "b"]))),
    erlang:display(lists:member(id(x), id([]))),
    Db = id([{apple, red, 3}, {banana, yellow, 5}, {cherry, red, 7}, {apple, green, 9}]),
    erlang:display(lists:keyfind(apple, 1, Db)),
    erlang:display(lists:keyfind(red, 2, Db)),
    erlang:display(lists:keyfind(9, 3, Db)),
    erlang:display(lists:keyfind(kiwi, 1, Db)),
    erlang:display(lists:keyfind(apple, 4, Db)),
    erlang:display(lists:keyfind(id(a), 1, id([b, {a}, {a, 1}]))),
    erlang:display(lookup_all(red, Db)),
    erlang:display(update(banana, 2, Db)),
    erlang:display(catch_nth(id(0), L)),
    erlang:display(catch_nth(id(6), L)),
    erlang:display(catch_member(id(a), id([b | c]))),
    erlang:display(catch_keyfind(id(a), id(0), Db)),
    ok.

lookup_all(Color, Db) -> [Name || {Name, C, _} <- Db, C =:= Color].

update(Key, Inc, Db) ->
    case lists:keyfind(Key, 1, Db) of
        {Key, Color, N} -> [{Key, Color, N + Inc} | [E || E <- Db, element(1, E) =/= Key]];
        false -> Db
    end.

catch_nth(N, L) ->
    try lists:nth(N, L) catch C:R -> {C, R} end.

catch_member(X, L) ->
    try lists:member(X, L) catch C:R -> {C, R} end.

catch_keyfind(K, N, L) ->
    try lists:keyfind(K, N, L) catch C:R -> {C, R} end.
