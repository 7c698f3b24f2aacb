-module(hash_maps_order).
-export([main/0]).
%% Map hashes do not depend on how a map was built or iterated: pairs are hashed
%% independently and combined. Also: equal maps hash equal, == but not =:= maps differ.

main() ->
    Pairs = [{I, {v, I}} || I <- lists:seq(1, 60)],
    M1 = maps:from_list(Pairs),
    M2 = maps:from_list(lists:reverse(Pairs)),
    M3 = lists:foldl(fun({K, V}, M) -> M#{K => V} end, #{}, Pairs),
    erlang:display([erlang:phash2(M) || M <- [M1, M2, M3]]),
    erlang:display([erlang:phash(M, 1 bsl 32) || M <- [M1, M2, M3]]),
    Small = [maps:from_list(lists:sublist(Pairs, N)) || N <- lists:seq(0, 40, 4)],
    erlang:display([erlang:phash2(M) || M <- Small]),
    erlang:display({erlang:phash2(#{1 => a}), erlang:phash2(#{1.0 => a}), erlang:phash2(#{a => 1}),
                    erlang:phash2(#{a => 1.0})}),
    Nested = #{a => #{b => #{c => [1, 2, 3]}}, {k} => M1},
    erlang:display({erlang:phash2(Nested), erlang:phash2([Nested, Nested]), erlang:phash2({M1, M2})}),
    Atoms = maps:from_list([{list_to_atom("key" ++ integer_to_list(I)), I} || I <- lists:seq(1, 100)]),
    erlang:display(erlang:phash2(Atoms)),
    erlang:display(erlang:phash2(lists:sort(maps:to_list(Atoms)))),
    ok.
