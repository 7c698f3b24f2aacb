-module(prog_matrix).
-export([main/0, id/1]).

%% Matrices as lists of lists and as tuples of tuples: multiplication,
%% transpose, identity, power by squaring (Fibonacci), determinant.

id(X) -> X.

main() ->
    A = id([[1, 2], [3, 4]]),
    B = id([[0, 1], [1, 0]]),
    erlang:display(mul(A, B)),
    erlang:display(mul(B, A)),
    erlang:display(transpose(id([[1, 2, 3], [4, 5, 6]]))),
    erlang:display(identity(id(4))),
    erlang:display(mpow(id([[1, 1], [1, 0]]), id(50))),
    erlang:display(det(id([[2, -3, 1], [2, 0, -1], [1, 4, 5]]))),
    erlang:display(det(id([[1, 2, 3, 4], [5, 6, 7, 8], [2, 6, 4, 8], [3, 1, 1, 2]]))),
    T = to_tuples(id([[1, 2, 3], [4, 5, 6], [7, 8, 9]])),
    erlang:display(T),
    erlang:display(at(T, 2, 3)),
    erlang:display(trace(T)),
    erlang:display(mul(id([[1, 2, 3]]), id([[4], [5], [6]]))),
    ok.

transpose([[] | _]) -> [];
transpose(M) -> [[hd(R) || R <- M] | transpose([tl(R) || R <- M])].

mul(A, B) ->
    Bt = transpose(B),
    [[dot(Row, Col) || Col <- Bt] || Row <- A].

dot([], []) -> 0;
dot([X | Xs], [Y | Ys]) -> X * Y + dot(Xs, Ys).

identity(N) -> [[if I =:= J -> 1; true -> 0 end || J <- lists:seq(1, N)] || I <- lists:seq(1, N)].

mpow(M, 1) -> M;
mpow(M, N) when N rem 2 =:= 0 -> H = mpow(M, N div 2), mul(H, H);
mpow(M, N) -> mul(M, mpow(M, N - 1)).

det([[X]]) -> X;
det([Row | Rest]) ->
    lists:sum([sign(J) * X * det(minor(J, Rest)) || {J, X} <- index(Row, 1)]).

index([], _) -> [];
index([H | T], I) -> [{I, H} | index(T, I + 1)].

sign(J) when J rem 2 =:= 1 -> 1;
sign(_) -> -1.

minor(J, Rows) -> [drop_nth(J, R) || R <- Rows].

drop_nth(1, [_ | T]) -> T;
drop_nth(N, [H | T]) -> [H | drop_nth(N - 1, T)].

to_tuples(M) -> list_to_tuple([list_to_tuple(R) || R <- M]).

at(T, I, J) -> element(J, element(I, T)).

trace(T) -> lists:sum([at(T, I, I) || I <- lists:seq(1, tuple_size(T))]).
