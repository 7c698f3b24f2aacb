-module(etf_random_roundtrip).
-export([main/0]).
%% 2,000 random terms from a fixed linear congruential generator (the same sequence in erl and
%% beamrun): their encodings under every option, hashed, must equal erl's, and each must
%% decode back to the same term.

main() ->
    {Terms, _} = lists:mapfoldl(fun(_, S) -> term(3, S) end, 12345, lists:seq(1, 2000)),
    Opts = [[], [{minor_version, 0}], [{minor_version, 2}], [deterministic], [{compressed, 6}]],
    Rows = [[erlang:phash2(term_to_binary(T, O)) || O <- Opts] ++
                [erlang:phash2(T), erlang:phash(T, 1 bsl 32), erlang:external_size(T),
                 binary_to_term(term_to_binary(T)) =:= T]
            || T <- Terms],
    erlang:display(erlang:phash2(Rows)),
    lists:foreach(fun(R) -> erlang:display(R) end, lists:sublist(Rows, 40)),
    erlang:display(lists:all(fun(R) -> lists:last(R) end, Rows)),
    ok.

next(S) -> (S * 1103515245 + 12345) band 16#7fffffff.

pick(N, S0) ->
    S = next(S0),
    {(S bsr 8) rem N, S}.

term(0, S) -> leaf(S);
term(D, S0) ->
    {K, S1} = pick(8, S0),
    case K of
        0 -> {L, S2} = items(D - 1, S1), {list_to_tuple(L), S2};
        1 -> items(D - 1, S1);
        2 -> {L, S2} = items(D - 1, S1), {T, S3} = leaf(S2), {L ++ T, S3};
        3 -> {L, S2} = items(D - 1, S1), {map(L), S2};
        _ -> leaf(S1)
    end.

items(D, S0) ->
    {N, S1} = pick(5, S0),
    lists:mapfoldl(fun(_, S) -> term(D, S) end, S1, lists:seq(1, N)).

map([K, V | Rest]) -> maps:put(K, V, map(Rest));
map(_) -> #{}.

leaf(S0) ->
    {K, S1} = pick(12, S0),
    {V, S2} = pick(1 bsl 20, S1),
    T = case K of
            0 -> V rem 256;
            1 -> V - (1 bsl 19);
            2 -> (V + 1) * (1 bsl (V rem 90)) * (1 - 2 * (V rem 2));
            3 -> (V - 500000) / 7;
            4 -> lists:nth(V rem 6 + 1, [a, 'B c', 'ä', 'Ω', true, '']);
            5 -> [C rem 256 || C <- lists:seq(V rem 7, V rem 7 + V rem 12)];
            6 -> <<V:(V rem 41)>>;
            7 -> list_to_binary([V rem 256 || _ <- lists:seq(1, V rem 90)]);
            8 -> list_to_pid("<0." ++ integer_to_list(V rem 32768) ++ ".0>");
            9 -> list_to_ref("#Ref<0." ++ integer_to_list(V) ++ ".1." ++ integer_to_list(V rem 262144) ++ ">");
            10 -> erlang:make_fun(lists:nth(V rem 3 + 1, [m, n, 'Ω']), f, V rem 256);
            11 -> [V | V]
        end,
    {T, S2}.
