%% Big maps (hash tries): 100,000 integer keys built, looked up, updated and folded, 2 rounds.
-module(bench_maps).
-export([main/0]).

-define(KEYS, 100000).
-define(ROUNDS, 2).

%% Keys spread over a large range (I * 7919 mod a prime is one-to-one for I below the prime),
%% so the trie is not filled in hash order by accident.
key(I) -> (I * 7919) rem 1000003.

%% Half the inserts through the #{} syntax, half through maps:put.
build(0, M) -> M;
build(I, M) when I band 1 =:= 0 -> build(I - 1, M#{key(I) => I});
build(I, M) -> build(I - 1, maps:put(key(I), I, M)).

%% Lookups: map_get and a #{K := V} match, alternating.
lookup(0, _M, Acc) -> Acc;
lookup(I, M, Acc) when I band 1 =:= 0 -> lookup(I - 1, M, Acc + map_get(key(I), M));
lookup(I, M, Acc) ->
    K = key(I),
    #{K := V} = M,
    lookup(I - 1, M, Acc + V).

%% Updates of existing keys: the := syntax and maps:update, alternating.
update(0, M) -> M;
update(I, M) when I band 1 =:= 0 ->
    K = key(I),
    #{K := V} = M,
    update(I - 1, M#{K := V + 1});
update(I, M) ->
    K = key(I),
    update(I - 1, maps:update(K, maps:get(K, M) + 3, M)).

fold(M) -> maps:fold(fun(K, V, {S, X}) -> {(S + K * V) rem 1000000007, X bxor V} end, {0, 0}, M).

round(R, Acc) ->
    M0 = build(?KEYS, #{}),
    L = lookup(?KEYS, M0, 0),
    M1 = update(?KEYS, M0),
    {S, X} = fold(M1),
    Missing = maps:get(-R, M1, 0) + case maps:find(key(?KEYS + 1), M1) of error -> 1; {ok, _} -> 100 end,
    (Acc * 31 + L + S + X + maps:size(M1) + Missing) rem 1000000007.

rounds(0, Acc) -> Acc;
rounds(R, Acc) -> rounds(R - 1, round(R, Acc)).

main() -> bench:run(fun() -> rounds(?ROUNDS, 0) end).
