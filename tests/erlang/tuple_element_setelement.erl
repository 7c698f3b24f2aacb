-module(tuple_element_setelement).
-export([main/0, id/1]).

%% element/2, setelement/3 (including on a literal tuple, which must be
%% copied, never modified in place) and tuple_size/1.

id(X) -> X.

-define(LIT, {alpha, beta, gamma, delta}).

main() ->
    T = id(?LIT),
    erlang:display([element(I, T) || I <- lists:seq(1, tuple_size(T))]),
    T2 = setelement(id(2), T, changed),
    erlang:display(T2),
    erlang:display(T),
    erlang:display(?LIT),
    erlang:display(setelement(id(1), ?LIT, first)),
    erlang:display(?LIT),
    erlang:display(setelement(id(4), setelement(id(1), T, x), y)),
    erlang:display(tuple_size(id({}))),
    erlang:display(tuple_size(id({{}, {}}))),
    erlang:display(tuple_size(list_to_tuple(lists:seq(1, id(1000))))),
    erlang:display(element(id(1000), list_to_tuple(lists:seq(1, id(1000))))),
    Counters = count(id([b, a, c, a, b, a]), {0, 0, 0}),
    erlang:display(Counters),
    erlang:display(fill(id(5), {})),
    erlang:display(swap(id({left, right}))),
    erlang:display(rotate(id({1, 2, 3, 4, 5}))),
    erlang:display(element(2, element(2, id({a, {b, {c}}})))),
    ok.

count([], Acc) -> Acc;
count([a | T], Acc) -> count(T, setelement(1, Acc, element(1, Acc) + 1));
count([b | T], Acc) -> count(T, setelement(2, Acc, element(2, Acc) + 1));
count([c | T], Acc) -> count(T, setelement(3, Acc, element(3, Acc) + 1)).

swap({A, B}) -> {B, A}.

fill(0, T) -> T;
fill(N, T) -> fill(N - 1, list_to_tuple([N | tuple_to_list(T)])).

rotate(T) ->
    N = tuple_size(T),
    list_to_tuple([element(((I rem N) + 1), T) || I <- lists:seq(1, N)]).
