-module(prog_queue_stack).
-export([main/0, id/1]).

%% A purely functional FIFO queue (two lists) and a stack, used for a
%% breadth-first traversal and bracket matching.

id(X) -> X.

main() ->
    Q = push_all(id([1, 2, 3, 4, 5]), new()),
    {V1, Q2} = pop(Q),
    {V2, Q3} = pop(Q2),
    Q4 = push(6, Q3),
    erlang:display({V1, V2, to_list(Q4), qlen(Q4)}),
    erlang:display(drain(Q4, [])),
    erlang:display(pop(new())),
    Graph = id([{a, [b, c]}, {b, [d]}, {c, [d, e]}, {d, [f]}, {e, [f]}, {f, []}]),
    erlang:display(bfs(Graph, a)),
    erlang:display(bfs(Graph, c)),
    erlang:display(distances(Graph, a)),
    erlang:display([{S, balanced(S)} || S <- id(["([]{})", "([)]", "((", "", "{[()()]}", "}"])]),
    ok.

new() -> {[], []}.

push(X, {In, Out}) -> {[X | In], Out}.

push_all([], Q) -> Q;
push_all([X | T], Q) -> push_all(T, push(X, Q)).

pop({[], []}) -> empty;
pop({In, [X | Out]}) -> {X, {In, Out}};
pop({In, []}) -> pop({[], lists:reverse(In)}).

to_list({In, Out}) -> Out ++ lists:reverse(In).

qlen({In, Out}) -> length(In) + length(Out).

drain(Q, Acc) ->
    case pop(Q) of
        empty -> lists:reverse(Acc);
        {X, Q2} -> drain(Q2, [X | Acc])
    end.

neighbours(G, N) ->
    {N, Ns} = lists:keyfind(N, 1, G),
    Ns.

bfs(G, Start) -> bfs(G, push(Start, new()), [Start], []).

bfs(G, Q, Seen, Order) ->
    case pop(Q) of
        empty -> lists:reverse(Order);
        {N, Q2} ->
            New = [M || M <- neighbours(G, N), not lists:member(M, Seen)],
            bfs(G, push_all(New, Q2), Seen ++ New, [N | Order])
    end.

distances(G, Start) -> dist(G, push({Start, 0}, new()), [{Start, 0}]).

dist(G, Q, Acc) ->
    case pop(Q) of
        empty -> lists:sort(Acc);
        {{N, D}, Q2} ->
            New = [{M, D + 1} || M <- neighbours(G, N), lists:keyfind(M, 1, Acc) =:= false],
            dist(G, push_all(New, Q2), Acc ++ New)
    end.

balanced(S) -> balanced(S, []).

balanced([], []) -> true;
balanced([], _) -> false;
balanced([C | T], St) when C =:= $(; C =:= $[; C =:= ${ -> balanced(T, [C | St]);
balanced([$) | T], [$( | St]) -> balanced(T, St);
balanced([$] | T], [$[ | St]) -> balanced(T, St);
balanced([$} | T], [${ | St]) -> balanced(T, St);
balanced(_, _) -> false.
