-module(prog_nqueens).
-export([main/0, id/1]).

%% N-queens by backtracking: number of solutions for N = 1..8 and the
%% first solution for N = 8.

id(X) -> X.

main() ->
    erlang:display([length(queens(N)) || N <- lists:seq(1, id(8))]),
    erlang:display(hd(queens(id(8)))),
    erlang:display(first(id(10))),
    ok.

queens(N) -> place(N, N, []).

place(_, 0, Qs) -> [Qs];
place(N, K, Qs) ->
    [Sol || Col <- lists:seq(1, N), safe(Col, Qs, 1), Sol <- place(N, K - 1, [Col | Qs])].

safe(_, [], _) -> true;
safe(Col, [Q | Qs], D) ->
    Col =/= Q andalso abs(Col - Q) =/= D andalso safe(Col, Qs, D + 1).

%% first solution only, with early exit through throw
first(N) ->
    try search(N, N, []) of
        none -> none
    catch
        throw:{solution, Qs} -> Qs
    end.

search(_, 0, Qs) -> throw({solution, Qs});
search(N, K, Qs) ->
    try_cols(N, K, Qs, 1).

try_cols(N, _, _, Col) when Col > N -> none;
try_cols(N, K, Qs, Col) ->
    case safe(Col, Qs, 1) of
        true -> search(N, K - 1, [Col | Qs]);
        false -> ok
    end,
    try_cols(N, K, Qs, Col + 1).
