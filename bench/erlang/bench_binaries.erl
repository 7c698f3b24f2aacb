%% The bit syntax: binaries built by appending in a loop, parsed back by matching, a small
%% length-prefixed record format, binary:part and byte_size; 5 rounds.
-module(bench_binaries).
-export([main/0]).

-define(WORDS, 200000).
-define(BYTES, 300000).
-define(RECORDS, 40000).
-define(ROUNDS, 5).

%% <<Acc/binary, X:32>>: each step must extend the binary in place (amortised O(1)).
words(0, Acc) -> Acc;
words(I, Acc) -> words(I - 1, <<Acc/binary, (I * 2654435761):32>>).

bytes(0, Acc) -> Acc;
bytes(I, Acc) -> bytes(I - 1, <<Acc/binary, (I band 255)>>).

sum_words(<<X:32, Rest/binary>>, Acc) -> sum_words(Rest, (Acc + X) rem 1000000007);
sum_words(<<>>, Acc) -> Acc.

%% Each byte matched as two 4-bit fields: fields that are not whole bytes.
sum_nibbles(<<H:4, L:4, Rest/binary>>, Acc) -> sum_nibbles(Rest, Acc + H * 16 + L);
sum_nibbles(<<>>, Acc) -> Acc.

%% Records: <<Tag:8, Len:16, Payload:Len/binary>>, the payload Len bytes of one value.
records(0, Acc) -> Acc;
records(I, Acc) ->
    Len = I rem 23,
    Payload = binary:copy(<<(I band 255)>>, Len),
    records(I - 1, <<Acc/binary, (I rem 7):8, Len:16, Payload/binary>>).

parse_records(<<Tag:8, Len:16, Payload:Len/binary, Rest/binary>>, {N, Tags, Bytes, Firsts}) ->
    First = case byte_size(Payload) of 0 -> 0; _ -> binary:first(Payload) end,
    parse_records(Rest, {N + 1, Tags + Tag, Bytes + byte_size(Payload), Firsts + First});
parse_records(<<>>, Acc) -> Acc.

%% Slices taken with binary:part at scattered offsets, their last bytes summed.
parts(_Bin, 0, Acc) -> Acc;
parts(Bin, I, Acc) ->
    Size = byte_size(Bin),
    Pos = (I * 7919) rem (Size - 64),
    Part = binary:part(Bin, Pos, 1 + I rem 64),
    parts(Bin, I - 1, Acc + binary:last(Part) + byte_size(Part)).

round(R, Acc) ->
    W = words(?WORDS, <<>>),
    B = bytes(?BYTES, <<R>>),
    Rec = records(?RECORDS, <<>>),
    {N, Tags, Bytes, Firsts} = parse_records(Rec, {0, 0, 0, 0}),
    Sum = sum_words(W, 0) + sum_nibbles(B, 0) + parts(W, 100000, 0),
    (Acc * 31 + Sum + byte_size(W) + byte_size(B) + byte_size(Rec) + N + Tags + Bytes + Firsts)
        rem 1000000007.

rounds(0, Acc) -> Acc;
rounds(R, Acc) -> rounds(R - 1, round(R, Acc)).

main() -> bench:run(fun() -> rounds(?ROUNDS, 0) end).
