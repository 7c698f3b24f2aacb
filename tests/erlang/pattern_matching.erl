-module(pattern_matching).
-export([main/0, id/1]).

%% Matching: nested patterns, repeated variables (equality), alias
%% patterns with =, literal patterns, string prefixes, matching in
%% function heads vs. in case, and the = match expression.

id(X) -> X.

main() ->
    {A, {B, [C | D]}} = id({1, {2, [3, 4, 5]}}),
    erlang:display({A, B, C, D}),
    [X, X | Rest] = id([7, 7, 8]),
    erlang:display({X, Rest}),
    erlang:display([same(P) || P <- id([{1, 1}, {1, 2}, {a, a}, {[1], [1]}, {{}, {}}])]),
    erlang:display([as_alias(T) || T <- id([{point, 1, 2}, {point, 0, 0}, other])]),
    erlang:display([prefix(S) || S <- id(["GET /index", "POST /form", "PUT x", "G"])]),
    erlang:display([lit(V) || V <- id([0, [], {}, "", ok, "ok", [ok], {ok}])]),
    Y = Z = id(42),
    erlang:display({Y, Z}),
    {ok, Val} = id({ok, [nested, {deep, value}]}),
    [_, {deep, Inner}] = Val,
    erlang:display(Inner),
    erlang:display(first_dup(id([a, b, c, b, a]))),
    erlang:display(eq3(id(1), id(1), id(1))),
    erlang:display(eq3(id(1), id(1), id(2))),
    erlang:display(swap_pairs(id([{1, a}, {2, b}]))),
    erlang:display(matches(id({x, [1, 2]}))),
    erlang:display(matches(id({x, [1]}))),
    erlang:display(matches(id({y, {z}}))),
    ok.

same({V, V}) -> {same, V};
same({V, W}) -> {different, V, W}.

as_alias({point, 0, 0} = P) -> {origin, P};
as_alias({point, _, _} = P) -> {point, tuple_size(P)};
as_alias(Other = _) -> {other, Other}.

prefix("GET " ++ Path) -> {get, Path};
prefix("POST " ++ Path) -> {post, Path};
prefix([$P, $U, $T, $\s | Path]) -> {put, Path};
prefix(_) -> unknown.

lit(0) -> zero;
lit([]) -> nil;
lit({}) -> empty_tuple;
lit(ok) -> ok_atom;
lit("ok") -> ok_string;
lit([ok]) -> ok_list;
lit(_) -> other.

first_dup(L) -> first_dup(L, []).

first_dup([], _) -> none;
first_dup([H | T], Seen) ->
    case lists:member(H, Seen) of
        true -> {dup, H};
        false -> first_dup(T, [H | Seen])
    end.

eq3(A, A, A) -> all_equal;
eq3(_, _, _) -> not_all_equal.

swap_pairs(L) -> [{V, K} || {K, V} <- L].

matches(T) ->
    case T of
        {x, [_, _] = L} -> {x_two, L};
        {x, [E]} -> {x_one, E};
        {y, {Z}} -> {y_wrapped, Z}
    end.
