-module(fun_higher_order).
-export([main/0, id/1]).

%% Hand-written higher-order functions (map, filter, fold, zip_with,
%% take_while, iterate) and a fun called with the wrong arity (badarity)
%% or a non-fun called (badfun); only the reasons' shapes are printed.

id(X) -> X.

main() ->
    L = id(lists:seq(1, 10)),
    erlang:display(my_map(fun(X) -> X * 3 end, L)),
    erlang:display(my_filter(fun(X) -> X rem 3 =:= 0 end, L)),
    erlang:display(my_foldr(fun(X, Acc) -> [X * 2 | Acc] end, [], L)),
    erlang:display(zip_with(fun(A, B) -> A * B end, L, lists:reverse(L))),
    erlang:display(take_while(fun(X) -> X < 5 end, L)),
    erlang:display(iterate(fun(X) -> X * 2 end, 1, 10)),
    erlang:display(apply(fun(A, B) -> {A, B} end, [id(x), id(y)])),
    erlang:display(call_bad_arity(fun(X) -> X end)),
    erlang:display(call_not_fun(id(not_a_fun))),
    erlang:display(my_map(fun erlang:tuple_size/1, id([{}, {a}, {a, b}]))),
    ok.

my_map(_, []) -> [];
my_map(F, [H | T]) -> [F(H) | my_map(F, T)].

my_filter(_, []) -> [];
my_filter(P, [H | T]) ->
    case P(H) of
        true -> [H | my_filter(P, T)];
        false -> my_filter(P, T)
    end.

my_foldr(_, Acc, []) -> Acc;
my_foldr(F, Acc, [H | T]) -> F(H, my_foldr(F, Acc, T)).

zip_with(F, [A | As], [B | Bs]) -> [F(A, B) | zip_with(F, As, Bs)];
zip_with(_, _, _) -> [].

take_while(P, [H | T]) ->
    case P(H) of
        true -> [H | take_while(P, T)];
        false -> []
    end;
take_while(_, []) -> [].

iterate(_, _, 0) -> [];
iterate(F, X, N) -> [X | iterate(F, F(X), N - 1)].

call_bad_arity(F) ->
    try F(id(1), id(2)) catch error:{badarity, {Fun, Args}} -> {badarity, is_function(Fun), Args} end.

call_not_fun(X) ->
    try X(id(1)) catch error:{badfun, V} -> {badfun, V} end.
