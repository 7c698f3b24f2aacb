-module(fun_external).
-export([main/0, id/1, double/1, pair/2]).
%% External funs (fun M:F/A), as values, in lists:map, compared, and called through variables.
id(X) -> X.
double(X) -> 2 * X.
pair(A, B) -> {A, B}.

main() ->
    D = fun ?MODULE:double/1,
    erlang:display(D(id(21))),
    erlang:display(lists:map(fun ?MODULE:double/1, [1, 2, 3])),
    erlang:display(lists:map(fun erlang:abs/1, [-1, 2, -3])),
    R = fun lists:reverse/1,
    erlang:display(R(id([1, 2, 3]))),
    erlang:display(D =:= fun ?MODULE:double/1),
    erlang:display(fun ?MODULE:double/1 == fun ?MODULE:pair/2),
    erlang:display(fun ?MODULE:double/1 < fun ?MODULE:pair/2),
    erlang:display(fun lists:reverse/1),
    erlang:display(fun erlang:'+'/2),
    M = id(?MODULE), F = id(pair),
    P = fun M:F/2,
    erlang:display(P(x, y)),
    erlang:display({is_function(P, 2), is_function(P, 1)}),
    erlang:display(lists:foldl(fun erlang:'+'/2, 0, [1, 2, 3, 4])),
    ok.
