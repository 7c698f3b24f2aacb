-module(gc_churn_long_lived).
-export([main/0, id/1]).

%% A long-lived loop that keeps a bounded working set (a map of 2,000 slots
%% whose values are replaced all the time, and a queue of the last 500
%% records) while making garbage at every step. Live data stays the same
%% size, so the heap must not grow without bound; the results are checked
%% against a running checksum.

id(X) -> X.

main() ->
    Slots = maps:from_list([{K, {K, []}} || K <- lists:seq(0, 1999)]),
    {Map, Queue, Sum} = loop(id(200000), Slots, queue:new(), 0),
    erlang:display(Sum),
    erlang:display(map_size(Map)),
    erlang:display(queue:len(Queue)),
    erlang:display(erlang:phash2(Map)),
    erlang:display(erlang:phash2(queue:to_list(Queue))),
    erlang:display(lists:sum([length(V) || {_, V} <- maps:values(Map)])),
    ok.

loop(0, Map, Q, Sum) -> {Map, Q, Sum};
loop(N, Map, Q, Sum) ->
    K = (N * 7919) rem 2000,
    {K, Old} = maps:get(K, Map),
    New = case length(Old) of
              L when L >= 8 -> [N];
              _ -> [N | Old]
          end,
    Map2 = Map#{K := {K, New}},
    Rec = {rec, N, integer_to_list(N), <<N:32>>},
    Q1 = queue:in(Rec, Q),
    Q2 = case queue:len(Q1) > 500 of
             true -> element(2, queue:out(Q1));
             false -> Q1
         end,
    Garbage = lists:seq(1, 20),
    loop(N - 1, Map2, Q2, (Sum + K + length(Garbage)) rem 1000000007).
