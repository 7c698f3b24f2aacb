-module(proc_ring).
-export([main/0, id/1]).

%% A ring of 1000 processes passing a token 100 laps (100000 hops): each process adds its
%% position to the token; the sum and the hop count come back to the starter. Then the ring
%% is torn down in order and each process reports how many tokens it forwarded.

id(X) -> X.

-define(N, 1000).
-define(LAPS, 100).

node_loop(Pos, Next, Count) ->
    receive
        {token, Hops, Sum} -> Next ! {token, Hops + 1, Sum + Pos}, node_loop(Pos, Next, Count + 1);
        {stop, Parent} -> Next ! {stop, Parent}, Parent ! {count, Pos, Count}
    end.

main() ->
    Self = self(),
    %% The ring: Self -> P1 -> P2 -> ... -> P1000 -> Self.
    First = lists:foldl(fun(Pos, Next) -> spawn(fun() -> node_loop(Pos, Next, 0) end) end,
                        Self, lists:seq(?N, 1, -1)),
    erlang:display(is_pid(First)),
    Final = laps(First, ?LAPS, {0, 0}),
    erlang:display(Final),
    erlang:display(Final =:= {?N * ?LAPS, ?LAPS * (?N * (?N + 1) div 2)}),
    First ! {stop, Self},
    receive {stop, Self} -> ok end,
    Counts = [receive {count, Pos, C} -> {Pos, C} end || Pos <- lists:seq(1, ?N)],
    erlang:display({length(Counts), lists:usort([C || {_, C} <- Counts]) =:= [?LAPS]}),
    ok.

laps(_, 0, Acc) -> Acc;
laps(First, K, {Hops, Sum}) ->
    First ! {token, Hops, Sum},
    receive {token, H, S} -> laps(First, K - 1, {H, S}) end.
