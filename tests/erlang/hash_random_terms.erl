-module(hash_random_terms).
-export([main/0]).
%% phash2/1, phash2/2 and phash/2 of 3,000 random nested terms from a fixed generator.

main() ->
    {Terms, _} = lists:mapfoldl(fun(_, S) -> term(4, S) end, 987654321, lists:seq(1, 3000)),
    H2 = [erlang:phash2(T) || T <- Terms],
    H2r = [erlang:phash2(T, 65537) || T <- Terms],
    H1 = [erlang:phash(T, 1 bsl 32) || T <- Terms],
    erlang:display(lists:sublist(H2, 50)),
    erlang:display(lists:sublist(H1, 50)),
    erlang:display({erlang:phash2(H2), erlang:phash2(H2r), erlang:phash2(H1)}),
    ok.

next(S) -> (S * 1103515245 + 12345) band 16#7fffffff.

pick(N, S0) ->
    S = next(S0),
    {(S bsr 8) rem N, S}.

term(0, S) -> leaf(S);
term(D, S0) ->
    {K, S1} = pick(7, S0),
    case K of
        0 -> {L, S2} = items(D - 1, S1), {list_to_tuple(L), S2};
        1 -> items(D - 1, S1);
        2 -> {L, S2} = items(D - 1, S1), {T, S3} = leaf(S2), {L ++ T, S3};
        3 -> {L, S2} = items(D - 1, S1), {pairs(L), S2};
        _ -> leaf(S1)
    end.

items(D, S0) ->
    {N, S1} = pick(6, S0),
    lists:mapfoldl(fun(_, S) -> term(D, S) end, S1, lists:seq(1, N)).

pairs([K, V | Rest]) -> maps:put(K, V, pairs(Rest));
pairs(_) -> #{}.

leaf(S0) ->
    {K, S1} = pick(10, S0),
    {V, S2} = pick(1 bsl 24, S1),
    T = case K of
            0 -> V rem 300;
            1 -> V * V * V * (1 - 2 * (V rem 2));
            2 -> (V - 8000000) * 1.0e-3;
            3 -> lists:nth(V rem 7 + 1, [a, bb, 'C c', 'ö', 'ψ', nil, '']);
            4 -> [C rem 256 || C <- lists:seq(V rem 11, V rem 11 + V rem 9)];
            5 -> <<V:(V rem 33)>>;
            6 -> list_to_pid("<0." ++ integer_to_list(V rem 32768) ++ "." ++ integer_to_list(V rem 8192) ++ ">");
            7 -> list_to_ref("#Ref<0." ++ integer_to_list(V) ++ ".0." ++ integer_to_list(V rem 262144) ++ ">");
            8 -> list_to_port("#Port<0." ++ integer_to_list(V) ++ ">");
            9 -> erlang:make_fun(lists:nth(V rem 2 + 1, [lists, 'Ω']), g, V rem 5)
        end,
    {T, S2}.
