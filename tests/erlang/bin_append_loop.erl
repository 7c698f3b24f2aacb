-module(bin_append_loop).
-export([main/0, id/1, bytes/2]).

%% <<Acc/binary, X>> in a loop: a million one-byte appends (amortised O(1)
%% each: the accumulator grows in place), appends of bitstrings, branching
%% from one accumulator (the second branch must copy), and appending to a
%% binary that is also being matched.

id(X) -> X.

main() ->
    B = bytes(id(<<>>), 1000000),
    erlang:display({byte_size(B), checksum(B, 0), binary:part(B, 999990, 10)}),
    Bits = bits(id(<<>>), 1001),
    erlang:display({bit_size(Bits), binary:part(Bits, 0, 8)}),
    Base = <<(id(<<"base">>))/binary, $!>>,
    X1 = <<Base/binary, "one">>,
    X2 = <<Base/binary, "two">>,
    X3 = <<X1/binary, "three">>,
    erlang:display({Base, X1, X2, X3}),
    erlang:display(rev(id(<<"abcdefghij">>), <<>>)),
    Words = words(id(<<"the cat sat on the mat">>), <<>>, []),
    erlang:display(Words),
    Doubled = double(id(<<1, 2, 3>>), 20),
    erlang:display({byte_size(Doubled), binary:part(Doubled, 0, 6)}),
    erlang:display(big_chunks(<<>>, 300)),
    ok.

bytes(Acc, 0) -> Acc;
bytes(Acc, N) -> bytes(<<Acc/binary, (N band 255)>>, N - 1).

bits(Acc, 0) -> Acc;
bits(Acc, N) -> bits(<<Acc/bits, (N band 1):1>>, N - 1).

checksum(<<X:32, R/binary>>, S) -> checksum(R, (S + X) band 16#FFFFFFFF);
checksum(<<>>, S) -> S.

rev(<<C, R/binary>>, Acc) -> rev(R, <<C, Acc/binary>>);
rev(<<>>, Acc) -> Acc.

words(<<" ", R/binary>>, W, Acc) -> words(R, <<>>, [W | Acc]);
words(<<C, R/binary>>, W, Acc) -> words(R, <<W/binary, C>>, Acc);
words(<<>>, W, Acc) -> lists:reverse([W | Acc]).

double(B, 0) -> B;
double(B, N) -> double(<<B/binary, B/binary>>, N - 1).

big_chunks(Acc, 0) -> {byte_size(Acc), checksum(Acc, 0)};
big_chunks(Acc, N) -> big_chunks(<<Acc/binary, (binary:copy(<<N:16>>, 50))/binary>>, N - 1).
