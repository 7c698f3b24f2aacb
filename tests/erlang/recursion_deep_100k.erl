-module(recursion_deep_100k).
-export([main/0, id/1]).

%% Non-tail recursion 100,000 (and 1,000,000) levels deep: the process
%% stack must grow far beyond its initial size.

id(X) -> X.

main() ->
    erlang:display(sum_down(id(100000))),
    erlang:display(len(lists:seq(1, id(100000)))),
    erlang:display(length(build(id(100000)))),
    erlang:display(hd(build(id(100000)))),
    erlang:display(sum_down(id(1000000))),
    erlang:display(map_inc(lists:seq(1, id(200000))) =:= lists:seq(2, 200001)),
    erlang:display(depth_tuple(nest(id(50000)), 0)),
    erlang:display(count_nodes(tree(id(16)))),
    ok.

sum_down(0) -> 0;
sum_down(N) -> N + sum_down(N - 1).

len([]) -> 0;
len([_ | T]) -> 1 + len(T).

build(0) -> [];
build(N) -> [N | build(N - 1)].

map_inc([]) -> [];
map_inc([H | T]) -> [H + 1 | map_inc(T)].

nest(0) -> bottom;
nest(N) -> {N, nest(N - 1)}.

depth_tuple(bottom, D) -> D;
depth_tuple({_, T}, D) -> depth_tuple(T, D + 1).

tree(0) -> leaf;
tree(N) -> {tree(N - 1), N, tree(N - 1)}.

count_nodes(leaf) -> 1;
count_nodes({L, _, R}) -> count_nodes(L) + 1 + count_nodes(R).
