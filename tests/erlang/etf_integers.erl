-module(etf_integers).
-export([main/0]).
%% term_to_binary of integers around every encoding boundary (SMALL_INTEGER_EXT, INTEGER_EXT,
%% SMALL_BIG_EXT, LARGE_BIG_EXT), their round trips, and decoding of non-canonical forms.

main() ->
    Ints = [0, 1, 255, 256, -1, -255, -256, 65535, 65536,
            16#7fffffff, 16#80000000, -16#80000000, -16#80000001,
            1 bsl 27, -(1 bsl 27), 1 bsl 32, 1 bsl 59 - 1, 1 bsl 59, -(1 bsl 59), -(1 bsl 59) - 1,
            1 bsl 60, 1 bsl 63, 1 bsl 64 - 1, 1 bsl 64, -(1 bsl 64), 1 bsl 100, -(1 bsl 100) + 7],
    lists:foreach(fun(I) ->
                          B = term_to_binary(I),
                          erlang:display({I, B, binary_to_term(B) =:= I})
                  end, Ints),
    %% Bignums of 255 and 256 magnitude bytes: SMALL_BIG_EXT then LARGE_BIG_EXT.
    Big255 = 1 bsl (255 * 8) - 1,
    Big256 = 1 bsl (255 * 8),
    lists:foreach(fun(I) ->
                          B = term_to_binary(I),
                          <<131, Tag, _/binary>> = B,
                          erlang:display({Tag, erlang:external_size(I), erlang:phash2(B),
                                          binary_to_term(B) =:= I})
                  end, [Big255, Big256, -Big256, Big256 * Big256]),
    %% Non-canonical input: zero-padded bignums and bignums that fit a small decode to smalls.
    erlang:display(binary_to_term(<<131, 110, 8, 0, 1, 0, 0, 0, 0, 0, 0, 0>>)),
    erlang:display(binary_to_term(<<131, 110, 2, 1, 5, 0>>)),
    erlang:display(binary_to_term(<<131, 110, 0, 0>>)),
    erlang:display(binary_to_term(<<131, 111, 0, 0, 0, 1, 1, 200>>)),
    erlang:display(binary_to_term(<<131, 98, 255, 255, 255, 254>>)),
    erlang:display(binary_to_term(<<131, 110, 8, 0, 255, 255, 255, 255, 255, 255, 255, 15>>)),
    %% Any non-zero sign byte means negative; a truncated magnitude is badarg.
    erlang:display(binary_to_term(<<131, 110, 1, 2, 5>>)),
    erlang:display(t(fun() -> binary_to_term(<<131, 110, 3, 0, 1, 2>>) end)),
    erlang:display(t(fun() -> binary_to_term(<<131, 111, 255, 255, 255, 255, 0>>) end)),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
