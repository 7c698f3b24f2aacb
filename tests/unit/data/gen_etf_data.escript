#!/usr/bin/env escript
%% Records what the real erl makes of random terms, for beamrun's ETF and hashing fuzz test
%% (tests/unit/test_etf_fuzz.cpp).
%%
%%   cd tests/unit/data && escript gen_etf_data.escript
%%
%% Writes etf_cases.tsv, one term per line, every field from erl itself:
%%   hex(term_to_binary(T))
%%   digest(term_to_binary(T, [{minor_version, 0}]))    or "=" when equal to the first field
%%   digest(term_to_binary(T, [{minor_version, 2}]))    or "="
%%   digest(term_to_binary(T, [deterministic]))         or "="
%%   Level, digest(term_to_binary(T, [{compressed, Level}])) with a random level 1..9, or "="
%%   erlang:phash2(T)
%%   erlang:phash2(T, 16#100000000) (the full 32-bit value)
%%   erlang:phash(T, 16#100000000)
%%   erlang:external_size(T)
%% where digest(B) is "Size:CRC32" (erlang:crc32), which keeps the file small. The test decodes
%% the first field with beamrun's decoder and checks that beamrun's encoder, hashes and
%% external_size give back every other field.
%%
%% The terms are random (fixed seed, so the file is reproducible): integers around every
%% encoding boundary and bignums, floats from random bits, atoms (Latin-1, UTF-8, long),
%% strings and lists (proper and improper), binaries and bitstrings, tuples, maps (small and
%% over 32 keys), pids, ports, refs and export funs.
-mode(compile).

main(_) ->
    rand:seed(exsss, {20250101, 42, 7}),
    Terms = fixed_terms() ++ [random_term(4) || _ <- lists:seq(1, 2500)],
    Rows = [row(T) || T <- Terms],
    ok = file:write_file("etf_cases.tsv", Rows).

row(T) ->
    B = term_to_binary(T),
    Level = rand:uniform(9),
    [hex(B), $\t,
     alt(B, term_to_binary(T, [{minor_version, 0}])), $\t,
     alt(B, term_to_binary(T, [{minor_version, 2}])), $\t,
     alt(B, term_to_binary(T, [deterministic])), $\t,
     integer_to_list(Level), $\t,
     alt(B, term_to_binary(T, [{compressed, Level}])), $\t,
     integer_to_list(erlang:phash2(T)), $\t,
     integer_to_list(erlang:phash2(T, 16#100000000)), $\t,
     integer_to_list(erlang:phash(T, 16#100000000)), $\t,
     integer_to_list(erlang:external_size(T)), $\n].

alt(Same, Same) -> "=";
alt(_, Other) -> [integer_to_list(byte_size(Other)), $:, integer_to_list(erlang:crc32(Other))].

hex(B) -> [io_lib:format("~2.16.0b", [X]) || <<X>> <= B].

fixed_terms() ->
    Ints = [0, 1, 255, 256, -1, -255, -256, 16#7fffffff, 16#80000000, -16#80000000, -16#80000001,
            1 bsl 27 - 1, 1 bsl 27, -(1 bsl 27), -(1 bsl 27) - 1, 1 bsl 32, 1 bsl 59 - 1, -(1 bsl 59),
            1 bsl 60, 1 bsl 63, 1 bsl 64 - 1, 1 bsl 64, -(1 bsl 64), 1 bsl 2040 - 1, 1 bsl 2040,
            -(1 bsl 3000) + 12345],
    Floats = [0.0, -0.0, 1.0, -1.0, 0.1, 1.0e300, -1.0e-300, 5.0e-324, 1.7976931348623157e308,
              123456.789, 2.2250738585072014e-308],
    Atoms = ['', a, 'A b', 'ä', 'ÿÿ', 'Ā', '日本', list_to_atom(lists:duplicate(255, $x)),
             list_to_atom(lists:duplicate(255, 16#e4)), list_to_atom(lists:duplicate(200, 16#65e5)),
             true, false, nonode@nohost],
    Lists = [[], "a", lists:seq(0, 255), lists:duplicate(300, 7), [256], [-1], [1 | 2], [a | b],
             [[]], [[], []], "abc" ++ [1000], [1, 2, 3 | <<>>]],
    Bins = [<<>>, <<0>>, <<1:1>>, <<255:7>>, <<1, 2, 3:4>>, list_to_binary(lists:seq(0, 255)),
            <<0:12>>],
    Tuples = [{}, {{}}, list_to_tuple(lists:seq(1, 255)), list_to_tuple(lists:seq(1, 256))],
    Maps = [#{}, #{a => 1}, #{1 => a, 1.0 => b}, maps:from_list([{I, I} || I <- lists:seq(1, 32)]),
            maps:from_list([{I, I} || I <- lists:seq(1, 33)]),
            maps:from_list([{integer_to_list(I), I} || I <- lists:seq(1, 100)])],
    Ids = [list_to_pid("<0.0.0>"), list_to_pid("<0.32767.8191>"), list_to_pid("<0.123.4>"),
           list_to_port("#Port<0.0>"), list_to_port("#Port<0.268435455>"),
           list_to_ref("#Ref<0.0.0.0>"), list_to_ref("#Ref<0.4294967295.1.262143>"),
           fun lists:map/2, fun erlang:'+'/2, erlang:make_fun('ä', 'Ā', 255)],
    Ints ++ Floats ++ Atoms ++ Lists ++ Bins ++ Tuples ++ Maps ++ Ids.

random_term(0) -> random_leaf();
random_term(D) ->
    case rand:uniform(10) of
        1 -> list_to_tuple([random_term(D - 1) || _ <- lists:seq(1, rand:uniform(5) - 1)]);
        2 -> [random_term(D - 1) || _ <- lists:seq(1, rand:uniform(5) - 1)];
        3 -> [random_term(D - 1) || _ <- lists:seq(1, rand:uniform(3))] ++ random_leaf();
        4 -> maps:from_list([{random_term(D - 1), random_term(D - 1)} || _ <- lists:seq(1, rand:uniform(6) - 1)]);
        5 -> case rand:uniform(8) of
                 1 -> maps:from_list([{hashable_leaf(), random_leaf()} || _ <- lists:seq(1, 30 + rand:uniform(20))]);
                 _ -> random_leaf()
             end;
        _ -> random_leaf()
    end.

%% Keys of maps over 32 keys: BEAM orders those by a hash of the key's internal word, which
%% for atoms, pids, ports, refs and funs depends on erl's own tables, so beamrun cannot follow
%% it (and term_to_binary writes pairs in that order). Numbers, binaries and lists hash by value.
hashable_leaf() ->
    case random_leaf() of
        L when is_atom(L); is_pid(L); is_port(L); is_reference(L); is_function(L) -> hashable_leaf();
        L -> L
    end.

random_leaf() ->
    case rand:uniform(13) of
        1 -> rand:uniform(256) - 1;
        2 -> rand:uniform(1 bsl 40) - (1 bsl 39);
        3 -> random_big();
        4 -> random_float();
        5 -> random_atom();
        6 -> [rand:uniform(256) - 1 || _ <- lists:seq(1, rand:uniform(20) - 1)];
        7 -> random_bits();
        8 -> list_to_pid("<0." ++ integer_to_list(rand:uniform(32768) - 1) ++ "." ++ integer_to_list(rand:uniform(8192) - 1) ++ ">");
        9 -> list_to_port("#Port<0." ++ integer_to_list(rand:uniform(1 bsl 28) - 1) ++ ">");
        10 -> random_ref();
        11 -> erlang:make_fun(random_atom(), random_atom(), rand:uniform(256) - 1);
        12 -> [rand:uniform(2000) - 1000 || _ <- lists:seq(1, rand:uniform(5))];
        13 -> random_int_edge()
    end.

%% erl refuses references whose middle word does not name one of its own schedulers (which
%% depends on the machine), so fall back to a small middle word when it says no.
random_ref() ->
    Text = fun(W1) ->
                   "#Ref<0." ++ integer_to_list(rand:uniform(1 bsl 32) - 1) ++ "." ++ integer_to_list(W1)
                       ++ "." ++ integer_to_list(rand:uniform(1 bsl 18) - 1) ++ ">"
           end,
    try list_to_ref(Text(rand:uniform(1 bsl 32) - 1))
    catch error:badarg -> list_to_ref(Text(rand:uniform(2) - 1))
    end.

random_int_edge() ->
    B = lists:nth(rand:uniform(6), [8, 27, 31, 32, 59, 64]),
    (1 bsl B) + rand:uniform(5) - 3 - case rand:uniform(2) of 1 -> 0; 2 -> 2 * (1 bsl B) end.

random_big() ->
    N = rand:uniform(40),
    V = lists:foldl(fun(_, A) -> A * 256 + rand:uniform(256) - 1 end, 1, lists:seq(1, N)),
    case rand:uniform(2) of 1 -> V; 2 -> -V end.

random_float() ->
    <<F/float>> = random_finite_bits(),
    F.

random_finite_bits() ->
    B = <<(rand:uniform(1 bsl 64) - 1):64>>,
    case B of
        <<_:1, 2047:11, _:52>> -> random_finite_bits();
        _ -> B
    end.

random_atom() ->
    Pool = [a, b, foo, 'Foo', 'with space', 'ä', 'éé', 'Ω', '日本語', ok, error, undefined, '',
            'a@b', '$', 'ÿ'],
    lists:nth(rand:uniform(length(Pool)), Pool).

random_bits() ->
    Bytes = case rand:uniform(8) of 1 -> 60 + rand:uniform(40); _ -> rand:uniform(12) - 1 end,
    Extra = case rand:uniform(3) of 1 -> rand:uniform(7); _ -> 0 end,
    Bits = Bytes * 8 + Extra,
    <<(rand:uniform(1 bsl (Bits + 1)) - 1):Bits>>.
