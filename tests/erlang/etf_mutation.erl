%% binary_to_term on mutated encodings: 100,000 encodings of mixed terms (fixed seeds), each
%% mutated (bit flips, byte changes, truncation, insertion, deletion, length fields lied about),
%% decoded with binary_to_term/1 and /2 ([safe], [used]). Which decode, and to what, must be
%% what BEAM says. Each decoded term is re-encoded and hashed, and the results of each block of
%% 1000 cases are summarised in one line; case(I) prints one case in full, to find a divergence.
-module(etf_mutation).
-export([main/0, cases/2, one/1, bytes/1]).

-define(CASES, 100000).
-define(BLOCK, 1000).

main() -> cases(0, ?CASES div ?BLOCK).

cases(From, Blocks) ->
    lists:foreach(fun(B) ->
        Rs = [one(I) || I <- lists:seq(B * ?BLOCK, B * ?BLOCK + ?BLOCK - 1)],
        Ok = length([R || {R, _, _} <- Rs, element(1, R) =:= ok]),
        io:format("~w~n", [{block, B, Ok, erlang:phash2(Rs)}])
    end, lists:seq(From, From + Blocks - 1)).

%% Case I: the term, its encoding, the mutated bytes and the three decodings.
one(I) ->
    Mut = bytes(I),
    {decode(Mut, none), decode(Mut, [safe]), decode(Mut, [used])}.

%% The mutated bytes of case I. ERTS's decoder also takes its internal encodings, whose
%% meaning is private to one ERTS instance (ATOM_INTERNAL_REF2/3, tags 73 and 75: an index
%% into its atom table); beamrun refuses them. So no uncompressed input here has a byte 73 or 75
%% anywhere: terms whose encoding has one are drawn again, and so are mutations that make one.
%% (A compressed input decompresses to its clean original or fails its checksum.)
bytes(I) ->
    rand:seed(exsss, {17, I, 4711}),
    {T, Opts} = clean_term(),
    mutant(term_to_binary(T, Opts)).

clean_term() ->
    T = term(3),
    Opts = pick([[], [compressed], [{minor_version, 0}], [{minor_version, 1}],
                 [{minor_version, 2}], [{compressed, 9}], [deterministic]]),
    case clean(term_to_binary(T, [{minor_version, 2}])) of
        true -> {T, Opts};
        false -> clean_term()
    end.

mutant(Enc) ->
    M = mutate(Enc, 1 + rand:uniform(3)),
    case M of
        <<131, 80, _/binary>> -> M;
        _ -> case clean(M) of true -> M; false -> mutant(Enc) end
    end.

clean(B) -> binary:match(B, [<<73>>, <<75>>]) =:= nomatch.

decode(B, none) -> result(fun() -> binary_to_term(B) end);
decode(B, Opts) -> result(fun() -> binary_to_term(B, Opts) end).

result(F) ->
    try F() of
        V -> {ok, erlang:phash2(term_to_binary(V))}
    catch C:R -> {C, R}
    end.

pick(L) -> lists:nth(rand:uniform(length(L)), L).

%% --- terms ---------------------------------------------------------------------------------
term(0) -> leaf();
term(D) ->
    case rand:uniform(10) of
        1 -> [term(D - 1) || _ <- lists:seq(1, rand:uniform(4))];
        2 -> list_to_tuple([term(D - 1) || _ <- lists:seq(1, rand:uniform(4) - 1)]);
        3 -> maps:from_list([{leaf(), term(D - 1)} || _ <- lists:seq(1, rand:uniform(5))]);
        4 -> maps:from_list([{K, K} || K <- lists:seq(1, 30 + rand:uniform(10))]);
        5 -> [term(D - 1) | leaf()];
        _ -> leaf()
    end.

leaf() ->
    case rand:uniform(16) of
        1 -> rand:uniform(256) - 1;
        2 -> rand:uniform(1 bsl 27) - (1 bsl 26);
        3 -> (rand:uniform(1 bsl 40) - (1 bsl 39)) * (1 bsl rand:uniform(90));
        4 -> rand:uniform() * 1.0e10 - 5.0e9;
        5 -> pick([a, ok, '', 'hello world', 'ünïcödé', '日本', true, false, nil]);
        6 -> list_to_binary([rand:uniform(256) - 1 || _ <- lists:seq(1, rand:uniform(20) - 1)]);
        7 -> <<(rand:uniform(255)):(rand:uniform(7))>>;
        8 -> [rand:uniform(128) - 1 || _ <- lists:seq(1, rand:uniform(10))];
        9 -> [];
        10 -> {};
        11 -> #{};
        12 -> pick([fun lists:map/2, fun erlang:abs/1]);
        13 -> binary:copy(<<"x">>, 60 + rand:uniform(20));
        14 -> -(rand:uniform(1 bsl 62));
        15 -> pick([0.0, -0.0, 1.0e308, 5.0e-324, 1.5]);
        _ -> "str"
    end.

%% --- mutations ------------------------------------------------------------------------------
mutate(B, 0) -> B;
mutate(<<>>, _) -> <<>>;
mutate(B, N) ->
    S = byte_size(B),
    P = rand:uniform(S) - 1,
    <<Pre:P/binary, X, Post/binary>> = B,
    M = case rand:uniform(8) of
        1 -> <<Pre/binary, (X bxor (1 bsl (rand:uniform(8) - 1))), Post/binary>>;
        2 -> <<Pre/binary, (rand:uniform(256) - 1), Post/binary>>;
        3 -> <<Pre/binary, (pick([0, 1, 127, 128, 255, 70, 77, 88, 90, 97, 98, 99, 100, 104,
                                  105, 106, 107, 108, 109, 110, 111, 112, 113, 116, 117, 118, 119]))
               , Post/binary>>;
        4 -> binary:part(B, 0, P);
        5 -> <<Pre/binary, (rand:uniform(256) - 1), X, Post/binary>>;
        6 -> <<Pre/binary, Post/binary>>;
        7 when byte_size(Post) >= 3 ->
            <<_:24, Rest/binary>> = Post,
            <<Pre/binary, (pick([16#FFFFFFFF, 16#7FFFFFFF, 16#80000000, 0, 1, 2, 255, 256, 65535])):32,
              Rest/binary>>;
        _ -> <<B/binary, (binary:part(B, P, min(4, S - P)))/binary>>
    end,
    mutate(M, N - 1).

