-module(bin_match_binaries).
-export([main/0, id/1]).

%% Matching binaries and bitstrings: fixed and variable sizes, units, the
%% rest with /binary (which must be whole bytes) and /bits, tails of tails,
%% sub-binaries of big binaries, matching in function heads and cases.

id(X) -> X.

main() ->
    B = id(<<"The quick brown fox">>),
    <<W1:3/binary, " ", W2:5/binary, Rest/binary>> = B,
    erlang:display({W1, W2, Rest}),
    <<Bits:13/bits, More/bits>> = B,
    erlang:display({Bits, bit_size(More)}),
    erlang:display([split_at(B, N) || N <- [0, 1, 5, 19, 20]]),
    erlang:display(words(B, [])),
    erlang:display(case id(<<1:3>>) of <<X1/binary>> -> {bin, X1}; <<X2/bits>> -> {bits, X2} end),
    erlang:display(case id(<<1,2,3>>) of <<X3:2/binary-unit:12>> -> X3; _ -> no end),
    erlang:display(case id(<<1,2,3>>) of <<_:4, X4/binary>> -> X4; <<_:4, X5/bits>> -> {bits, X5} end),
    Big = id(list_to_binary(lists:seq(0, 255))),
    <<_:100/binary, Mid:100/binary, Tail/binary>> = Big,
    erlang:display({binary:first(Mid), binary:last(Mid), byte_size(Tail), binary:first(Tail)}),
    <<_:5, Shifted:200/binary, _/bits>> = Big,
    erlang:display({byte_size(Shifted), binary:part(Shifted, 0, 4)}),
    erlang:display(chunks(id(<<1,2,3,4,5,6,7>>), 3, [])),
    erlang:display(tail_unit(id(<<1,2,3,4>>))),
    erlang:display(tail_unit(id(<<1,2,3,4,5>>))),
    erlang:display(tail_unit(id(<<1:12>>))),
    ok.

split_at(B, N) ->
    case B of
        <<H:N/binary, T/binary>> -> {H, T};
        _ -> too_short
    end.

words(<<>>, Acc) -> lists:reverse(Acc);
words(Bin, Acc) ->
    case word(Bin, 0) of
        {W, <<" ", R/binary>>} -> words(R, [W | Acc]);
        {W, R} -> words(R, [W | Acc])
    end.

word(Bin, N) ->
    case Bin of
        <<W:N/binary, " ", _/binary>> -> {W, binary:part(Bin, N, byte_size(Bin) - N)};
        <<W:N/binary>> -> {W, <<>>};
        _ -> word(Bin, N + 1)
    end.

chunks(<<C:3/binary, R/binary>>, N, Acc) -> chunks(R, N, [C | Acc]);
chunks(R, _, Acc) -> lists:reverse([R | Acc]).

tail_unit(<<_:16, R/binary-unit:16>>) -> {unit16, R};
tail_unit(<<_:8, R/binary>>) -> {unit8, R};
tail_unit(B) -> {other, B}.
