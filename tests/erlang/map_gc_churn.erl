-module(map_gc_churn).
-export([main/0]).

%% Many map updates in loops, so that collections happen between them with maps (flat and
%% tries, and their leaves and inner nodes) on the heap and on the stack.

count_words(Words) ->
    lists:foldl(fun(W, Acc) -> maps:update_with(W, fun(N) -> N + 1 end, 1, Acc) end, #{}, Words).

loop(M, 0) -> M;
loop(M, N) ->
    K = N rem 997,
    M1 = M#{K => [N | maps:get(K, M, [])]},
    M2 = case N rem 5 of 0 -> maps:remove((N * 7) rem 997, M1); _ -> M1 end,
    loop(M2, N - 1).

main() ->
    Words = [lists:nth(I rem 7 + 1, ["a", "bb", "a", "ccc", "dd", "a", "bb"]) || I <- lists:seq(1, 20000)],
    erlang:display(count_words(Words)),
    M = loop(#{}, 50000),
    erlang:display(map_size(M)),
    erlang:display(lists:sum([length(V) || V <- maps:values(M)])),
    erlang:display(lists:sublist(maps:keys(M), 30)),
    Maps = [maps:from_list([{J, I} || J <- lists:seq(1, I rem 50)]) || I <- lists:seq(1, 2000)],
    erlang:display(lists:sum([map_size(X) || X <- Maps])),
    Big = lists:foldl(fun(I, Acc) -> Acc#{{k, I} => I} end, #{}, lists:seq(1, 30000)),
    erlang:display(map_size(Big)),
    erlang:display(lists:sum(maps:values(Big))),
    erlang:display(maps:get({k, 12345}, Big)),
    ok.
