-module(bin_prog_bitpack).
-export([main/0, id/1]).

%% Bit-level programs: packing records into odd-sized fields, a bit-by-bit
%% run-length encoder, an LSB-first bit reader, CRC-8 over a binary, and a
%% sieve of Eratosthenes kept in a bitstring.

id(X) -> X.

main() ->
    Recs = [{3, true, 1000, -5}, {7, false, 0, 15}, {0, true, 4095, -16}],
    Packed = << <<(pack(R))/bits>> || R <- Recs >>,
    erlang:display({bit_size(Packed), Packed, unpack(Packed, [])}),
    Bits = id(<<2#11110000, 2#00111111, 2#11000000, 2#1:1>>),
    Runs = rle(Bits),
    erlang:display({Runs, unrle(Runs) =:= Bits}),
    erlang:display(crc8(id(<<"123456789">>), 0)),
    erlang:display([crc8(binary:copy(<<N>>, N + 1), 0) || N <- [0, 1, 100, 255]]),
    Sieve = sieve(id(200)),
    erlang:display([N || <<B:1>> <= Sieve, N <- [0], B =:= 1] =:= [] orelse primes(Sieve, 0, [])),
    erlang:display(lsb_fields(id(<<16#A5, 16#3C>>), [3, 5, 4, 4])),
    erlang:display(reverse_bits(id(<<1, 2, 3, 1:3>>))),
    ok.

pack({Kind, Flag, Value, Delta}) ->
    <<Kind:3, (case Flag of true -> 1; false -> 0 end):1, Value:12, Delta:5/signed>>.

unpack(<<Kind:3, F:1, Value:12, Delta:5/signed, Rest/bits>>, Acc) ->
    unpack(Rest, [{Kind, F =:= 1, Value, Delta} | Acc]);
unpack(<<>>, Acc) -> lists:reverse(Acc).

rle(<<>>) -> [];
rle(<<B:1, _/bits>> = Bits) -> run(Bits, B, 0).

run(<<B:1, R/bits>>, B, N) -> run(R, B, N + 1);
run(R, B, N) -> [{B, N} | rle(R)].

unrle(Runs) -> << <<(ones(B, N))/bits>> || {B, N} <- Runs >>.
ones(B, N) -> << <<B:1>> || _ <- lists:seq(1, N) >>.

crc8(<<>>, Crc) -> Crc;
crc8(<<Byte, R/binary>>, Crc) -> crc8(R, crc_byte(Crc bxor Byte, 8)).

crc_byte(C, 0) -> C;
crc_byte(C, N) when C band 16#80 =/= 0 -> crc_byte(((C bsl 1) bxor 16#07) band 16#FF, N - 1);
crc_byte(C, N) -> crc_byte((C bsl 1) band 16#FF, N - 1).

sieve(N) ->
    Init = <<0:2, (ones(1, N - 1))/bits>>,
    cross(Init, 2, N).

cross(S, P, N) when P * P > N -> S;
cross(S, P, N) ->
    case S of
        <<_:P, 1:1, _/bits>> -> cross(mark(S, P * P, P, N), P + 1, N);
        _ -> cross(S, P + 1, N)
    end.

mark(S, I, _, N) when I > N -> S;
mark(S, I, P, N) ->
    <<Pre:I/bits, _:1, Post/bits>> = S,
    mark(<<Pre/bits, 0:1, Post/bits>>, I + P, P, N).

primes(<<>>, _, Acc) -> lists:reverse(Acc);
primes(<<1:1, R/bits>>, I, Acc) -> primes(R, I + 1, [I | Acc]);
primes(<<0:1, R/bits>>, I, Acc) -> primes(R, I + 1, Acc).

lsb_fields(Bin, Widths) ->
    N = lsb(Bin),
    fields(N, Widths).

lsb(Bin) -> lists:foldr(fun(B, Acc) -> Acc bsl 8 bor B end, 0, binary_to_list(Bin)).

fields(_, []) -> [];
fields(N, [W | Ws]) -> [N band ((1 bsl W) - 1) | fields(N bsr W, Ws)].

reverse_bits(B) -> << <<X:1>> || X <- lists:reverse([X || <<X:1>> <= B]) >>.
