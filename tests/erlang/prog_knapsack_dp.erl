-module(prog_knapsack_dp).
-export([main/0, id/1]).

%% Dynamic programming with tuples as arrays (setelement/element):
%% 0/1 knapsack, longest common subsequence, coin change, edit distance.

id(X) -> X.

main() ->
    Items = id([{60, 10}, {100, 20}, {120, 30}, {30, 5}, {70, 15}]),
    erlang:display(knapsack(Items, id(50))),
    erlang:display(knapsack(Items, id(0))),
    erlang:display(lcs(id("AGGTAB"), id("GXTXAYB"))),
    erlang:display(lcs(id("the quick brown fox"), id("a quick brown dog"))),
    erlang:display(coin_ways(id([1, 2, 5, 10, 25, 50]), id(100))),
    erlang:display(coin_min(id([1, 5, 10, 25]), id(63))),
    erlang:display(coin_min(id([5, 10]), id(3))),
    erlang:display(edit(id("kitten"), id("sitting"))),
    erlang:display(edit(id(""), id("abc"))),
    erlang:display(edit(id("flaw"), id("lawn"))),
    ok.

knapsack(Items, Cap) ->
    T0 = erlang_make(Cap + 1, 0),
    T = add_items(Items, T0, Cap),
    element(Cap + 1, T).

add_items([], T, _) -> T;
add_items([{V, W} | Rest], T, Cap) -> add_items(Rest, fill(Cap, V, W, T), Cap).

%% descending capacities so each item is used at most once
fill(C, _, W, T) when C < W -> T;
fill(C, V, W, T) ->
    With = element(C - W + 1, T) + V,
    T2 = case With > element(C + 1, T) of
             true -> setelement(C + 1, T, With);
             false -> T
         end,
    fill(C - 1, V, W, T2).

lcs(A, B) ->
    Row0 = erlang_make(length(B) + 1, {0, []}),
    Last = lcs_rows(A, B, Row0),
    {N, Rev} = element(length(B) + 1, Last),
    {N, lists:reverse(Rev)}.

lcs_rows([], _, Row) -> Row;
lcs_rows([X | Xs], B, Prev) ->
    lcs_rows(Xs, B, lcs_row(X, B, 2, Prev, setelement(1, Prev, {0, []}))).

lcs_row(_, [], _, _, Row) -> Row;
lcs_row(X, [Y | Ys], J, Prev, Row) ->
    Cell = if
               X =:= Y ->
                   {N, S} = element(J - 1, Prev),
                   {N + 1, [X | S]};
               true ->
                   {N1, _} = Up = element(J, Prev),
                   {N2, _} = Left = element(J - 1, Row),
                   if N1 >= N2 -> Up; true -> Left end
           end,
    lcs_row(X, Ys, J + 1, Prev, setelement(J, Row, Cell)).

coin_ways(Coins, Amount) ->
    T0 = setelement(1, erlang_make(Amount + 1, 0), 1),
    element(Amount + 1, ways(Coins, T0, Amount)).

ways([], T, _) -> T;
ways([C | Cs], T, Amount) -> ways(Cs, ways_fill(C, C, T, Amount), Amount).

ways_fill(I, _, T, Amount) when I > Amount -> T;
ways_fill(I, C, T, Amount) ->
    ways_fill(I + 1, C, setelement(I + 1, T, element(I + 1, T) + element(I - C + 1, T)), Amount).

coin_min(Coins, Amount) ->
    T0 = setelement(1, erlang_make(Amount + 1, infinity), 0),
    element(Amount + 1, cmin(1, Coins, T0, Amount)).

cmin(I, _, T, Amount) when I > Amount -> T;
cmin(I, Coins, T, Amount) ->
    Cands = [element(I - C + 1, T) + 1 || C <- Coins, C =< I, element(I - C + 1, T) =/= infinity],
    V = case Cands of
            [] -> infinity;
            [H | T2] -> lmin(T2, H)
        end,
    cmin(I + 1, Coins, setelement(I + 1, T, V), Amount).

edit(A, B) ->
    Row0 = list_to_tuple(lists:seq(0, length(B))),
    element(length(B) + 1, edit_rows(A, B, Row0, 1)).

edit_rows([], _, Row, _) -> Row;
edit_rows([X | Xs], B, Prev, I) ->
    edit_rows(Xs, B, edit_row(X, B, 2, Prev, setelement(1, Prev, I)), I + 1).

edit_row(_, [], _, _, Row) -> Row;
edit_row(X, [Y | Ys], J, Prev, Row) ->
    Cost = if X =:= Y -> 0; true -> 1 end,
    V = min(min(element(J, Prev) + 1, element(J - 1, Row) + 1), element(J - 1, Prev) + Cost),
    edit_row(X, Ys, J + 1, Prev, setelement(J, Row, V)).

erlang_make(N, V) -> list_to_tuple([V || _ <- lists:seq(1, N)]).

lmin([], M) -> M;
lmin([H | T], M) -> lmin(T, min(H, M)).
