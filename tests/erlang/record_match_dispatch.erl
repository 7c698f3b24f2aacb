-module(record_match_dispatch).
-export([main/0, id/1]).

%% Dispatch on record type in function heads (is_tagged_tuple), nested
%% records, and records mixed with other tuples of the same size.

-record(circle, {r}).
-record(rect, {w, h}).
-record(square, {side}).
-record(shape, {id, kind, meta = []}).
-record(node, {key, left = nil, right = nil}).

id(X) -> X.

main() ->
    Shapes = id([#circle{r = 2}, #rect{w = 3, h = 4}, #square{side = 5},
                 {circle, 1, extra}, {rect, 1}, {other, 9}, #circle{r = 0}]),
    erlang:display([kind(S) || S <- Shapes]),
    erlang:display([area(S) || S <- Shapes]),
    erlang:display(lists:sum([A || A <- [area(S) || S <- Shapes], is_integer(A)])),
    Tree = insert_all(id([50, 30, 70, 20, 40, 60, 80, 30, 65]), nil),
    erlang:display(to_list(Tree)),
    erlang:display(height(Tree)),
    erlang:display([member(K, Tree) || K <- id([65, 66, 20, 10])]),
    erlang:display(Tree#node.key),
    erlang:display((Tree#node.left)#node.key),
    Sh = #shape{id = id(1), kind = #circle{r = 3}},
    erlang:display(Sh),
    erlang:display(area(Sh#shape.kind)),
    Sh2 = Sh#shape{kind = (Sh#shape.kind)#circle{r = 10}},
    erlang:display(area(Sh2#shape.kind)),
    ok.

insert_all([], T) -> T;
insert_all([K | Ks], T) -> insert_all(Ks, insert(K, T)).

insert(K, nil) -> #node{key = K};
insert(K, #node{key = K} = N) -> N;
insert(K, #node{key = NK, left = L} = N) when K < NK -> N#node{left = insert(K, L)};
insert(K, #node{right = R} = N) -> N#node{right = insert(K, R)}.

to_list(nil) -> [];
to_list(#node{key = K, left = L, right = R}) -> to_list(L) ++ [K | to_list(R)].

height(nil) -> 0;
height(#node{left = L, right = R}) -> 1 + max(height(L), height(R)).

member(_, nil) -> false;
member(K, #node{key = K}) -> true;
member(K, #node{key = NK, left = L}) when K < NK -> member(K, L);
member(K, #node{right = R}) -> member(K, R).

kind(#circle{}) -> circle;
kind(#rect{}) -> rect;
kind(#square{}) -> square;
kind(_) -> unknown.

area(#circle{r = R}) when R > 0 -> 3 * R * R;
area(#circle{}) -> degenerate;
area(#rect{w = W, h = H}) -> W * H;
area(#square{side = S}) -> S * S;
area(_) -> none.
