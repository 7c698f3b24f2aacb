-module(gc_list_churn).
-export([main/0, id/1]).

%% Allocation-heavy loop: build and drop a 1000-element list 20,000 times
%% while keeping a small amount of live data, so the collector runs very
%% often and must keep the live data intact.

id(X) -> X.

main() ->
    Live = lists:seq(1, id(100)),
    {Sum, Checks} = loop(id(20000), Live, 0, []),
    erlang:display(Sum),
    erlang:display(length(Checks)),
    erlang:display(lists:reverse(Checks)),
    erlang:display(Live =:= lists:seq(1, 100)),
    ok.

loop(0, _Live, Sum, Checks) -> {Sum, Checks};
loop(N, Live, Sum, Checks) ->
    L = make(1000, N, []),
    S = sum(L, 0),
    Checks2 = case N rem 2000 of
                  0 -> [{N, S, lists:nth(50, Live)} | Checks];
                  _ -> Checks
              end,
    loop(N - 1, Live, Sum + S rem 1000, Checks2).

make(0, _, Acc) -> Acc;
make(K, N, Acc) -> make(K - 1, N, [K + N | Acc]).

sum([], S) -> S;
sum([H | T], S) -> sum(T, S + H).
