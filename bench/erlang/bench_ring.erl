%% A ring of 1000 processes passing one token 1000 laps (a million messages).
-module(bench_ring).
-export([main/0]).
-define(PROCS, 1000).
-define(LAPS, 1000).
relay(Next) ->
    receive
        {token, H} -> Next ! {token, H + 1}, relay(Next);
        stop -> Next ! stop
    end.
laps(_, 0, H) -> H;
laps(First, K, H) ->
    First ! {token, H},
    receive {token, H2} -> laps(First, K - 1, H2) end.
main() ->
    bench:run(fun() ->
        Self = self(),
        First = lists:foldl(fun(_, Next) -> spawn(fun() -> relay(Next) end) end,
                            Self, lists:seq(1, ?PROCS)),
        Hops = laps(First, ?LAPS, 0),
        First ! stop,
        receive stop -> ok end,
        Hops
    end).
