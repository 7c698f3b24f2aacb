-module(etf_lists).
-export([main/0]).
%% Lists: STRING_EXT for proper lists of at most 65535 integers 0..255, LIST_EXT otherwise
%% (with the tail written last, [] for proper lists); NIL_EXT for []. Long lists are checked
%% through external_size and a hash of their encoding.

main() ->
    Ls = [[], "a", "hello", [0, 255], [256], [-1], [1, 2 | 3], [a | b], [[]], [[], []],
          "abc" ++ [1000], [1, 2, 3 | <<>>], [1.0], [{}], ["ab", "cd"], [[1 | 2] | 3]],
    lists:foreach(fun(L) ->
                          B = term_to_binary(L),
                          erlang:display({L, B, binary_to_term(B) =:= L})
                  end, Ls),
    %% The STRING_EXT limit: 65535 bytes is a string, 65536 is a list; a string with one
    %% element over 255 near the end is a list.
    lists:foreach(fun(N) ->
                          L = lists:duplicate(N, $x),
                          B = term_to_binary(L),
                          <<131, Tag, _/binary>> = B,
                          erlang:display({N, Tag, erlang:external_size(L), erlang:phash2(B),
                                          binary_to_term(B) =:= L})
                  end, [255, 256, 65535, 65536, 70000]),
    L2 = lists:seq(1, 300),
    erlang:display({erlang:phash2(term_to_binary(L2)), erlang:external_size(L2)}),
    L3 = lists:duplicate(1000, 7) ++ [300],
    <<131, Tag3, _/binary>> = term_to_binary(L3),
    erlang:display({Tag3, erlang:external_size(L3)}),
    %% Decoding: STRING_EXT of length 0 is [], LIST_EXT of length 0 is its tail.
    erlang:display(binary_to_term(<<131, 107, 0, 0>>)),
    erlang:display(binary_to_term(<<131, 108, 0, 0, 0, 0, 106>>)),
    erlang:display(binary_to_term(<<131, 108, 0, 0, 0, 0, 97, 7>>)),
    erlang:display(binary_to_term(<<131, 108, 0, 0, 0, 2, 97, 1, 107, 0, 2, 2, 3, 106>>)),
    erlang:display(t(fun() -> binary_to_term(<<131, 107, 0, 5, 1, 2>>) end)),
    erlang:display(t(fun() -> binary_to_term(<<131, 108, 0, 0, 0, 2, 97, 1, 97, 2>>) end)),
    erlang:display(t(fun() -> binary_to_term(<<131, 108, 255, 255, 255, 255, 106>>) end)),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
