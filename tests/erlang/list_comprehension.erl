-module(list_comprehension).
-export([main/0, id/1]).

%% List comprehensions: filters, several generators, pattern generators
%% that skip non-matching elements, nested comprehensions.

id(X) -> X.

main() ->
    L = id(lists:seq(1, 10)),
    erlang:display([X * X || X <- L]),
    erlang:display([X || X <- L, X rem 2 =:= 0]),
    erlang:display([X || X <- L, X > 3, X < 8]),
    erlang:display([{X, Y} || X <- id([1, 2, 3]), Y <- id([a, b])]),
    erlang:display([{X, Y} || X <- id([1, 2, 3]), Y <- id([1, 2, 3]), X < Y]),
    erlang:display([V || {ok, V} <- id([{ok, 1}, error, {ok, 2}, {error, 3}, {ok, 3, x}])]),
    erlang:display([K || {K, _} <- id([{a, 1}, b, {c, 2}, [d, e]])]),
    erlang:display([[Y || Y <- lists:seq(1, X)] || X <- id([0, 1, 2, 3])]),
    erlang:display(pythagorean(id(30))),
    erlang:display(perms(id([1, 2, 3]))),
    erlang:display(length(perms(id([a, b, c, d, e])))),
    erlang:display([X || X <- id([]), X > 0]),
    erlang:display([a || _ <- id([1, 2, 3])]),
    erlang:display([X || X <- id([1, a, "s", {t}, 2]), is_integer(X)]),
    erlang:display(transpose(id([[1, 2, 3], [4, 5, 6], [7, 8, 9]]))),
    erlang:display(try [X || X <- id(notalist)] catch error:R -> R end),
    ok.

pythagorean(N) ->
    [{A, B, C} || A <- lists:seq(1, N), B <- lists:seq(A, N), C <- lists:seq(B, N),
                  A * A + B * B =:= C * C].

perms([]) -> [[]];
perms(L) -> [[H | T] || H <- L, T <- perms(L -- [H])].

transpose([[] | _]) -> [];
transpose(M) -> [[H || [H | _] <- M] | transpose([T || [_ | T] <- M])].
