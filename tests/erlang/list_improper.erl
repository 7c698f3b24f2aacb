-module(list_improper).
-export([main/0, id/1]).

%% Improper lists: construction, display, matching their tails, walking
%% them without length/1.

id(X) -> X.

main() ->
    A = [id(1) | id(2)],
    erlang:display(A),
    erlang:display([id(1), id(2) | id(3)]),
    erlang:display([id(a) | id({b})]),
    erlang:display([id([]) | id([])]),
    erlang:display([id([]) | id(x)]),
    erlang:display(is_list(A)),
    erlang:display(tl(A)),
    erlang:display(walk(id([1, 2, 3 | tail]))),
    erlang:display(walk(id([1, 2, 3]))),
    erlang:display(walk(id(nolist))),
    erlang:display(proper(id([1, 2, 3]))),
    erlang:display(proper(id([1, 2 | 3]))),
    erlang:display(proper(id([]))),
    erlang:display(count_cells(id([a, b, c | d]), 0)),
    {H, T} = split_cons(id([x | y])),
    erlang:display({H, T}),
    erlang:display(lists:reverse(id([1, 2]), id(tail))),
    erlang:display(id([1 | [2 | [3 | four]]])),
    ok.

walk([_ | T]) -> walk(T);
walk([]) -> proper_end;
walk(Other) -> {improper_end, Other}.

proper([]) -> true;
proper([_ | T]) -> proper(T);
proper(_) -> false.

count_cells([_ | T], N) -> count_cells(T, N + 1);
count_cells(_, N) -> N.

split_cons([H | T]) -> {H, T}.
