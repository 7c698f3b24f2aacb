-module(prog_game_of_life).
-export([main/0, id/1]).

%% Conway's game of life on a small torus: a glider and a blinker evolve
%% for several generations; the grid is a tuple of tuples.

id(X) -> X.

main() ->
    Glider = id(["..#.....",
                 "#.#.....",
                 ".##.....",
                 "........",
                 "........",
                 ".....###",
                 "........",
                 "........"]),
    G0 = parse(Glider),
    show(G0),
    G4 = run(G0, id(4)),
    show(G4),
    G32 = run(G0, id(32)),
    show(G32),
    erlang:display(population(G32)),
    erlang:display(G32 =:= run(G0, id(0)) orelse population(G0) =:= population(G32)),
    ok.

parse(Rows) -> list_to_tuple([list_to_tuple([c(C) || C <- R]) || R <- Rows]).

c($#) -> 1;
c($.) -> 0.

show(G) -> [erlang:display([ch(X) || X <- tuple_to_list(R)]) || R <- tuple_to_list(G)],
           erlang:display(end_of_grid).

ch(1) -> $#;
ch(0) -> $..

run(G, 0) -> G;
run(G, N) -> run(step(G), N - 1).

step(G) ->
    H = tuple_size(G),
    W = tuple_size(element(1, G)),
    list_to_tuple([list_to_tuple([rule(cell(G, Y, X, H, W), neighbours(G, Y, X, H, W))
                                  || X <- lists:seq(0, W - 1)])
                   || Y <- lists:seq(0, H - 1)]).

cell(G, Y, X, H, W) ->
    element((X + W) rem W + 1, element((Y + H) rem H + 1, G)).

neighbours(G, Y, X, H, W) ->
    lists:sum([cell(G, Y + DY, X + DX, H, W) || DY <- [-1, 0, 1], DX <- [-1, 0, 1],
                                               {DY, DX} =/= {0, 0}]).

rule(1, 2) -> 1;
rule(_, 3) -> 1;
rule(_, _) -> 0.

population(G) -> lists:sum([lists:sum(tuple_to_list(R)) || R <- tuple_to_list(G)]).
