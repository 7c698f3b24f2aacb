-module(recv_selective).
-export([main/0, id/1]).

%% Selective receive: taking messages out of arrival order by pattern, by guard, by bound
%% variable; nested receives; messages that match nothing stay queued in order; a receive
%% that skips many messages; receive inside a loop that drains by priority.

id(X) -> X.

flush() -> test_support:flush().

main() ->
    Self = self(),
    %% Out of order by pattern.
    [Self ! M || M <- [{b, 1}, {a, 2}, {c, 3}, {a, 4}, {b, 5}]],
    R1 = receive {c, X1} -> X1 end,
    R2 = receive {a, X2} -> X2 end,
    R3 = receive {b, X3} -> X3 end,
    erlang:display({R1, R2, R3, flush()}),
    %% Guards.
    [Self ! N || N <- [1, 2.0, -3, 40, "str", 7, atom, 100]],
    G1 = receive N1 when is_integer(N1), N1 > 10 -> N1 end,
    G2 = receive N2 when is_float(N2) -> N2 end,
    G3 = receive N3 when is_list(N3) -> N3 end,
    G4 = receive N4 when N4 < 0; N4 =:= atom -> N4 end,
    G5 = receive N5 when is_integer(N5), N5 rem 2 =:= 1 -> N5 end,
    erlang:display({G1, G2, G3, G4, G5, flush()}),
    %% A bound variable in the pattern.
    [Self ! {key, K} || K <- [x, y, z]],
    Want = id(y),
    B1 = receive {key, Want} -> {got, Want} end,
    erlang:display({B1, flush()}),
    %% Nested receive: the inner one sees the messages the outer one skipped.
    [Self ! M || M <- [{inner, 1}, {outer, 2}, {inner, 3}, {outer, 4}]],
    Nest = receive
               {outer, O} ->
                   In1 = receive {inner, Ii} -> Ii end,
                   In2 = receive {inner, Ij} -> Ij end,
                   {O, In1, In2}
           end,
    erlang:display({Nest, flush()}),
    %% Several clauses: the first message (in arrival order) that matches any clause is taken.
    [Self ! M || M <- [zzz, {two, 2}, {one, 1}]],
    C = receive {one, V} -> {first_clause, V}; {two, V} -> {second_clause, V} end,
    erlang:display({C, flush()}),
    %% Matching on a map, a binary and a deep structure.
    [Self ! M || M <- [#{type => skip}, <<"hdr", 4:8, "rest">>, #{type => take, v => 9},
                       {deep, [1, {2, [3, {4, target}]}]}]],
    M1 = receive #{type := take, v := MV} -> MV end,
    M2 = receive <<"hdr", L:8, Rest:L/binary>> -> {L, Rest} end,
    M3 = receive {deep, [_, {_, [_, {_, T}]}]} -> T end,
    erlang:display({M1, M2, M3, flush()}),
    %% The wanted message is behind 5000 others; they stay, in order.
    [Self ! {noise, I} || I <- lists:seq(1, 5000)],
    Self ! wanted,
    [Self ! {noise, I} || I <- lists:seq(5001, 6000)],
    W = receive wanted -> wanted end,
    Rest6000 = flush(),
    erlang:display({W, length(Rest6000), Rest6000 =:= [{noise, I} || I <- lists:seq(1, 6000)]}),
    %% Drain by priority: urgent messages first, each group in arrival order.
    [Self ! M || M <- [{low, 1}, {urgent, 2}, {low, 3}, {urgent, 4}, {low, 5}]],
    erlang:display(drain()),
    %% Messages from another process, taken in reverse order of sending.
    P = spawn(fun() -> [Self ! {seq, I} || I <- lists:seq(1, 10)] end),
    erlang:display(is_pid(P)),
    erlang:display([receive {seq, S} -> S end || S <- lists:seq(10, 1, -1)]),
    erlang:display(flush()),
    ok.

drain() ->
    receive
        {urgent, X} -> [{urgent, X} | drain()]
    after 0 ->
        receive
            {low, X} -> [{low, X} | drain()]
        after 0 -> []
        end
    end.
