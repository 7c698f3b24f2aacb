-module(etf_tuples_maps).
-export([main/0]).
%% Tuples (SMALL_TUPLE_EXT up to 255 elements, LARGE_TUPLE_EXT above) and maps (MAP_EXT with
%% pairs in map iteration order; `deterministic` orders the pairs of large maps by key).

main() ->
    Ts = [{}, {a}, {1, 2, 3}, {{}}, {[], <<>>, #{}}],
    lists:foreach(fun(T) -> erlang:display({T, term_to_binary(T)}) end, Ts),
    lists:foreach(fun(N) ->
                          T = list_to_tuple(lists:seq(1, N)),
                          B = term_to_binary(T),
                          <<131, Tag, _/binary>> = B,
                          erlang:display({N, Tag, erlang:external_size(T), erlang:phash2(B),
                                          binary_to_term(B) =:= T})
                  end, [255, 256, 1000]),
    Ms = [#{}, #{a => 1}, #{b => 1, a => 2}, #{1 => a, 1.0 => b, <<"k">> => [], {x} => #{}},
          #{[] => [], "s" => "t"}],
    lists:foreach(fun(M) ->
                          B = term_to_binary(M),
                          erlang:display({B, binary_to_term(B) =:= M,
                                          term_to_binary(M, [deterministic]) =:= B})
                  end, Ms),
    %% Large maps: integer and binary keys hash (and so iterate) as in BEAM.
    M40 = maps:from_list([{I, I * I} || I <- lists:seq(1, 40)]),
    erlang:display(term_to_binary(M40)),
    erlang:display(term_to_binary(M40, [deterministic])),
    MB = maps:from_list([{list_to_binary(integer_to_list(I)), I} || I <- lists:seq(1, 50)]),
    BB = term_to_binary(MB),
    erlang:display({erlang:phash2(BB), binary_to_term(BB) =:= MB}),
    %% deterministic with atom keys gives sorted pairs whatever the internal order.
    MA = maps:from_list([{list_to_atom([$k | integer_to_list(I)]), I} || I <- lists:seq(1, 40)]),
    erlang:display(term_to_binary(MA, [deterministic])),
    erlang:display(binary_to_term(term_to_binary(MA)) =:= MA),
    %% Decoding: any pair order gives the same map; a repeated key is badarg.
    erlang:display(binary_to_term(<<131, 116, 0, 0, 0, 2, 100, 0, 1, $b, 97, 1, 100, 0, 1, $a, 97, 2>>)),
    erlang:display(t(fun() -> binary_to_term(<<131, 116, 0, 0, 0, 2, 97, 1, 97, 2, 97, 1, 97, 3>>) end)),
    Dup = list_to_binary([[97, I, 97, I] || I <- lists:seq(1, 33)] ++ [97, 1, 97, 0]),
    erlang:display(t(fun() -> binary_to_term(<<131, 116, 0, 0, 0, 34, Dup/binary>>) end)),
    erlang:display(t(fun() -> binary_to_term(<<131, 116, 0, 0, 0, 1, 97, 1>>) end)),
    erlang:display(t(fun() -> binary_to_term(<<131, 104, 3, 97, 1>>) end)),
    erlang:display(t(fun() -> binary_to_term(<<131, 105, 0, 1, 0, 0, 97, 1>>) end)),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
