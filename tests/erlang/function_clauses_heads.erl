-module(function_clauses_heads).
-export([main/0, id/1]).

%% Multi-clause functions whose heads mix literals, variables, tuples,
%% lists and guards; clause order matters.

id(X) -> X.

main() ->
    erlang:display([ack(M, N) || {M, N} <- id([{0, 0}, {1, 2}, {2, 3}, {3, 3}])]),
    erlang:display([hanoi_moves(N) || N <- id([1, 2, 3, 10, 20])]),
    erlang:display(length(hanoi(id(10), a, b, c))),
    erlang:display(take_while_pos(id([3, 2, 1, 0, -1, 5]))),
    erlang:display([order(A, B) || {A, B} <- id([{1, 2}, {b, a}, {x, x}, {"a", "a"}])]),
    erlang:display(eval(id({add, {mul, {num, 3}, {num, 4}}, {neg, {num, 5}}}))),
    erlang:display(eval(id({mul, {add, {num, 1}, {num, 2}}, {sub, {num, 10}, {num, 4}}}))),
    erlang:display(simplify(id({add, {mul, {num, 1}, {var, x}}, {num, 0}}))),
    erlang:display(simplify(id({mul, {num, 0}, {add, {var, y}, {num, 2}}}))),
    ok.

ack(0, N) -> N + 1;
ack(M, 0) -> ack(M - 1, 1);
ack(M, N) -> ack(M - 1, ack(M, N - 1)).

hanoi_moves(0) -> 0;
hanoi_moves(N) -> 2 * hanoi_moves(N - 1) + 1.

hanoi(0, _, _, _) -> [];
hanoi(N, From, To, Via) ->
    hanoi(N - 1, From, Via, To) ++ [{From, To}] ++ hanoi(N - 1, Via, To, From).

take_while_pos([H | T]) when H > 0 -> [H | take_while_pos(T)];
take_while_pos(_) -> [].

order(X, X) -> equal;
order(A, B) when A < B -> ascending;
order(_, _) -> descending.

eval({num, N}) -> N;
eval({add, A, B}) -> eval(A) + eval(B);
eval({sub, A, B}) -> eval(A) - eval(B);
eval({mul, A, B}) -> eval(A) * eval(B);
eval({neg, A}) -> -eval(A).

simplify({add, A, B}) -> s_add(simplify(A), simplify(B));
simplify({mul, A, B}) -> s_mul(simplify(A), simplify(B));
simplify(E) -> E.

s_add({num, 0}, E) -> E;
s_add(E, {num, 0}) -> E;
s_add({num, A}, {num, B}) -> {num, A + B};
s_add(A, B) -> {add, A, B}.

s_mul({num, 0}, _) -> {num, 0};
s_mul(_, {num, 0}) -> {num, 0};
s_mul({num, 1}, E) -> E;
s_mul(E, {num, 1}) -> E;
s_mul(A, B) -> {mul, A, B}.
