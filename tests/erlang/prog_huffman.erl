-module(prog_huffman).
-export([main/0, id/1]).

%% Huffman coding: frequency count, tree building with a sorted list as
%% priority queue, code table, encode and decode round trip.

id(X) -> X.

main() ->
    Text = id("this is an example of a huffman tree"),
    Freq = freq(Text),
    erlang:display(Freq),
    Tree = build(lists:sort([{N, C} || {C, N} <- Freq])),
    Codes = lists:sort(codes(Tree, [])),
    erlang:display(Codes),
    Bits = encode(Text, Codes),
    erlang:display(length(Bits)),
    erlang:display(decode(Bits, Tree) =:= Text),
    erlang:display(decode(Bits, Tree)),
    ok.

freq(S) -> freq(lists:sort(S), []).

freq([], Acc) -> lists:reverse(Acc);
freq([C | T], [{C, N} | Acc]) -> freq(T, [{C, N + 1} | Acc]);
freq([C | T], Acc) -> freq(T, [{C, 1} | Acc]).

%% nodes are {Weight, Tree}; leaves are {Weight, Char} with Char an integer
build([{_, T}]) -> T;
build([{W1, T1}, {W2, T2} | Rest]) ->
    build(insert({W1 + W2, {T1, T2}}, Rest)).

insert(X, []) -> [X];
insert({W, _} = X, [{W2, _} = H | T]) when W > W2 -> [H | insert(X, T)];
insert(X, L) -> [X | L].

codes({L, R}, Prefix) -> codes(L, [0 | Prefix]) ++ codes(R, [1 | Prefix]);
codes(C, Prefix) -> [{C, lists:reverse(Prefix)}].

encode([], _) -> [];
encode([C | T], Codes) ->
    {C, Code} = lists:keyfind(C, 1, Codes),
    Code ++ encode(T, Codes).

decode([], _) -> [];
decode(Bits, Tree) ->
    {C, Rest} = walk(Bits, Tree),
    [C | decode(Rest, Tree)].

walk(Bits, C) when is_integer(C) -> {C, Bits};
walk([0 | Bits], {L, _}) -> walk(Bits, L);
walk([1 | Bits], {_, R}) -> walk(Bits, R).
