-module(bin_prog_tlv).
-export([main/0, id/1]).

%% A small type-length-value codec: encode nested terms into a binary
%% protocol with variable-length integers, decode them back, and check the
%% round trip on a few hundred messages.

id(X) -> X.

main() ->
    Terms = [0, 1, -1, 300, -300, 1 bsl 70, -(1 bsl 70), <<"bin">>, <<>>, <<1:3>>, foo, [],
             [1, 2, [3, <<"x">>]], {a, 1, <<"b">>}, {}, 1.5, -0.0,
             {msg, 42, [<<"header">>, {key, <<"value">>}], binary:copy(<<"payload">>, 20)}],
    [erlang:display({T, encode(T), decode(encode(T))}) || T <- lists:sublist(Terms, 17)],
    Last = lists:last(Terms),
    E = encode(Last),
    erlang:display({byte_size(E), decode(E) =:= Last}),
    Many = [{N, integer_to_list(N), <<N:24>>, [N, -N]} || N <- lists:seq(1, 300)],
    Stream = << <<(frame(encode(M)))/binary>> || M <- Many >>,
    erlang:display({byte_size(Stream), unframe(Stream, []) =:= Many}),
    ok.

%% Varints: 7 bits per byte, high bit set on all but the last byte.
varint(N) when N < 128 -> <<N>>;
varint(N) -> <<1:1, (N band 127):7, (varint(N bsr 7))/binary>>.

unvarint(<<0:1, N:7, R/binary>>) -> {N, R};
unvarint(<<1:1, N:7, R/binary>>) -> {M, R2} = unvarint(R), {N + (M bsl 7), R2}.

zigzag(N) when N >= 0 -> N * 2;
zigzag(N) -> -N * 2 - 1.
unzigzag(Z) when Z rem 2 =:= 0 -> Z div 2;
unzigzag(Z) -> -(Z + 1) div 2.

encode(N) when is_integer(N) -> <<$i, (varint(zigzag(N)))/binary>>;
encode(F) when is_float(F) -> <<$f, F/float>>;
encode(A) when is_atom(A) -> B = atom_to_binary(A, utf8), <<$a, (byte_size(B)), B/binary>>;
encode(B) when is_binary(B) -> <<$b, (varint(byte_size(B)))/binary, B/binary>>;
encode(B) when is_bitstring(B) -> <<$s, (bit_size(B)), B/bits, 0:(8 - bit_size(B) rem 8)>>;
encode(L) when is_list(L) -> <<$l, (varint(length(L)))/binary, << <<(encode(X))/binary>> || X <- L >>/binary>>;
encode(T) when is_tuple(T) -> <<$t, (tuple_size(T)), (encode(tuple_to_list(T)))/binary>>.

decode(B) -> {T, <<>>} = dec(B), T.

dec(<<$i, R/binary>>) -> {Z, R2} = unvarint(R), {unzigzag(Z), R2};
dec(<<$f, F/float, R/binary>>) -> {F, R};
dec(<<$a, N, A:N/binary, R/binary>>) -> {binary_to_atom(A, utf8), R};
dec(<<$b, R/binary>>) -> {N, R2} = unvarint(R), <<B:N/binary, R3/binary>> = R2, {B, R3};
dec(<<$s, N, B:N/bits, _:(8 - N rem 8), R/binary>>) -> {B, R};
dec(<<$l, R/binary>>) -> {N, R2} = unvarint(R), dec_n(N, R2, []);
dec(<<$t, _N, R/binary>>) -> {L, R2} = dec(R), {list_to_tuple(L), R2}.

dec_n(0, R, Acc) -> {lists:reverse(Acc), R};
dec_n(N, R, Acc) -> {T, R2} = dec(R), dec_n(N - 1, R2, [T | Acc]).

frame(B) -> <<(byte_size(B)):16, B/binary>>.

unframe(<<>>, Acc) -> lists:reverse(Acc);
unframe(<<N:16, B:N/binary, R/binary>>, Acc) -> unframe(R, [decode(B) | Acc]).
