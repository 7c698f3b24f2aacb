-module(hash_phash2_types).
-export([main/0]).
%% erlang:phash2/1,2 of every kind of term: BEAM's values, which programs store and partition
%% data by. Integers around the 28-bit boundary where they start hashing as bignums, floats
%% (-0.0 hashes as 0.0), atoms by their text, strings four bytes at a time, binaries with
%% every tail length, bitstrings, tuples, maps, pids, ports, refs and funs.

main() ->
    Ints = [0, 1, -1, 255, 256, 1 bsl 27 - 1, 1 bsl 27, -(1 bsl 27), -(1 bsl 27) - 1, 1 bsl 31,
            1 bsl 32, 1 bsl 59, -(1 bsl 59) - 1, 1 bsl 64, -(1 bsl 64), 1 bsl 200 + 12345],
    Floats = [0.0, -0.0, 1.0, -1.0, 0.5, 1.0e300, 5.0e-324, 3.141592653589793],
    Atoms = ['', a, ab, abc, abcd, abcdefghijklmnop, 'ä', 'Ā', '日本語', true, false, undefined,
             list_to_atom(lists:duplicate(255, $z))],
    Lists = [[], [a], [1], "a", "ab", "abc", "abcd", "abcde", [1, 2 | 3], [256], [a | b],
             "ab" ++ [300] ++ "cd", [[]], lists:seq(1, 100)],
    Bins = [list_to_binary(lists:seq(1, N)) || N <- lists:seq(0, 26)] ++
           [<<1:1>>, <<1:7>>, <<1, 2:3>>, <<0:100>>],
    Tuples = [{}, {a}, {a, b}, {{}}, {1, [], <<>>}, list_to_tuple(lists:seq(1, 300))],
    Maps = [#{}, #{a => 1}, #{a => 1, b => 2}, #{b => 2, a => 1}, #{1 => 1.0, 1.0 => 1},
            maps:from_list([{I, I} || I <- lists:seq(1, 33)]),
            maps:from_list([{list_to_atom([$a | integer_to_list(I)]), I} || I <- lists:seq(1, 50)])],
    Ids = [list_to_pid("<0.0.0>"), list_to_pid("<0.1.0>"), list_to_pid("<0.1.5>"),
           list_to_pid("<0.32767.8191>"), list_to_port("#Port<0.0>"), list_to_port("#Port<0.99>"),
           list_to_ref("#Ref<0.0.0.0>"), list_to_ref("#Ref<0.1.2.3>"), list_to_ref("#Ref<0.99.1.3>"),
           fun lists:map/2, fun erlang:'+'/2, erlang:make_fun(m, f, 0)],
    lists:foreach(fun(Group) ->
                          erlang:display([{erlang:phash2(T), erlang:phash2(T, 1000), erlang:phash2(T, 1 bsl 32)}
                                          || T <- Group])
                  end, [Ints, Floats, Atoms, Lists, Bins, Tuples, Maps, Ids]),
    %% Sub-binaries at odd bit offsets hash as the same bits in a fresh binary.
    Src = list_to_binary(lists:seq(100, 160)),
    Subs = [begin <<_:Off, S:Len/bits, _/bits>> = Src, S end
            || Off <- [0, 1, 3, 8, 13], Len <- [0, 5, 8, 31, 96, 200]],
    erlang:display([erlang:phash2(S) || S <- Subs]),
    erlang:display([erlang:phash2(S) =:= erlang:phash2(copy(S)) || S <- Subs]),
    ok.

copy(B) -> binary_to_term(term_to_binary(B)).
