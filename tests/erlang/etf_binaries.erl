-module(etf_binaries).
-export([main/0]).
%% Binaries (BINARY_EXT) and bitstrings (BIT_BINARY_EXT: the byte count, the bits used in the
%% last byte, and the last byte's unused bits zero), from heap binaries, large binaries and
%% sub-binaries at any bit offset.

main() ->
    Bs = [<<>>, <<0>>, <<1, 2, 3>>, <<1:1>>, <<255:7>>, <<1, 2, 3:4>>, <<0:12>>,
          <<"hello world">>, <<16#FFFF:16>>],
    lists:foreach(fun(B) ->
                          E = term_to_binary(B),
                          erlang:display({B, E, binary_to_term(E) =:= B, erlang:external_size(B)})
                  end, Bs),
    Big = list_to_binary(lists:seq(0, 255)),
    E = term_to_binary(Big),
    erlang:display({erlang:phash2(E), erlang:external_size(Big), binary_to_term(E) =:= Big}),
    %% Sub-binaries: unaligned and aligned slices, with and without trailing bits.
    <<_:3, S1:20/bits, _/bits>> = Big,
    <<_:8, S2:100/binary, _/binary>> = Big,
    <<_:13, S3:83/binary, _/bits>> = Big,
    <<_:5, S4/bits>> = <<1, 2, 3>>,
    lists:foreach(fun(S) ->
                          SE = term_to_binary(S),
                          erlang:display({erlang:phash2(SE), erlang:external_size(S),
                                          binary_to_term(SE) =:= S})
                  end, [S1, S2, S3, S4]),
    erlang:display(term_to_binary(S1)),
    erlang:display(term_to_binary(S4)),
    %% Decoding BIT_BINARY_EXT: the unused low bits of the last byte are ignored.
    erlang:display(binary_to_term(<<131, 77, 0, 0, 0, 1, 3, 255>>)),
    erlang:display(binary_to_term(<<131, 77, 0, 0, 0, 2, 1, 1, 128>>)),
    erlang:display(binary_to_term(<<131, 77, 0, 0, 0, 1, 8, 9>>)),
    erlang:display(binary_to_term(<<131, 77, 0, 0, 0, 0, 0>>)),
    Bad = [<<131, 77, 0, 0, 0, 0, 8>>, <<131, 77, 0, 0, 0, 1, 0, 1>>, <<131, 77, 0, 0, 0, 1, 9, 1>>,
           <<131, 77, 0, 0, 0, 3, 1, 1>>, <<131, 109, 0, 0, 0, 4, 1, 2>>,
           <<131, 109, 255, 255, 255, 255>>],
    lists:foreach(fun(B) -> erlang:display(t(fun() -> binary_to_term(B) end)) end, Bad),
    %% binary_to_term takes only binaries, not bitstrings or other terms.
    erlang:display(t(fun() -> binary_to_term(<<131, 97, 1, 0:1>>) end)),
    erlang:display(t(fun() -> binary_to_term([131, 97, 1]) end)),
    %% A binary that is part of a larger one decodes the same.
    <<_, Tail/binary>> = <<0, 131, 104, 2, 97, 1, 97, 2>>,
    erlang:display(binary_to_term(Tail)),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
