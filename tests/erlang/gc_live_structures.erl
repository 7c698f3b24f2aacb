-module(gc_live_structures).
-export([main/0, id/1]).

%% A growing live structure (a list of tuples and a tree) survives many
%% collections triggered by short-lived garbage; every element is checked
%% at the end, so a collector that loses or corrupts data is caught.

id(X) -> X.

main() ->
    Live = grow(id(30000), []),
    erlang:display(length(Live)),
    erlang:display(hd(Live)),
    erlang:display(lists:nth(30000, Live)),
    erlang:display(verify(Live, 30000)),
    Tree = tree_build(id(5000), nil),
    erlang:display(tree_size(Tree)),
    erlang:display(tree_check(Tree, 0, 5000)),
    erlang:display([tree_get(K, Tree) || K <- id([1, 2500, 5000, 5001])]),
    Big = churn_with_tuple(id(3000), list_to_tuple(lists:seq(1, 500))),
    erlang:display(tuple_size(Big)),
    erlang:display({element(1, Big), element(250, Big), element(500, Big)}),
    ok.

%% Each step allocates garbage (a 50-element list) and keeps one tuple.
grow(0, Acc) -> Acc;
grow(N, Acc) ->
    Garbage = lists:seq(1, 50),
    Item = {N, [N, N * 2], {item, N rem 7}, length(Garbage)},
    grow(N - 1, [Item | Acc]).

verify([], _) -> ok;
verify([{N, [N, D], {item, R}, 50} | T], Max) when D =:= N * 2, R =:= N rem 7 ->
    verify(T, Max);
verify([Bad | _], _) -> {corrupt, Bad}.

tree_build(0, T) -> T;
tree_build(N, T) ->
    _ = lists:seq(1, 20),
    K = (N * 7919) rem 5000 + 1,
    tree_build(N - 1, tree_put(K, {val, K * K}, T)).

tree_put(K, V, nil) -> {K, V, nil, nil};
tree_put(K, V, {K, _, L, R}) -> {K, V, L, R};
tree_put(K, V, {K2, V2, L, R}) when K < K2 -> {K2, V2, tree_put(K, V, L), R};
tree_put(K, V, {K2, V2, L, R}) -> {K2, V2, L, tree_put(K, V, R)}.

tree_get(_, nil) -> none;
tree_get(K, {K, V, _, _}) -> V;
tree_get(K, {K2, _, L, _}) when K < K2 -> tree_get(K, L);
tree_get(K, {_, _, _, R}) -> tree_get(K, R).

tree_size(nil) -> 0;
tree_size({_, _, L, R}) -> tree_size(L) + 1 + tree_size(R).

%% in-order keys strictly increasing, values consistent
tree_check(nil, _, _) -> true;
tree_check({K, {val, V}, L, R}, Lo, Hi) ->
    K > Lo andalso K =< Hi andalso V =:= K * K
        andalso tree_check(L, Lo, K - 1) andalso tree_check(R, K, Hi).

%% Rebuild a 500-tuple many times (each setelement copies it).
churn_with_tuple(0, T) -> T;
churn_with_tuple(N, T) ->
    I = N rem 500 + 1,
    T2 = setelement(I, T, element(I, T)),
    churn_with_tuple(N - 1, T2).
