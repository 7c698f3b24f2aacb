-module(bin_prog_base64).
-export([main/0, id/1]).

%% Base64 written with the bit syntax (6-bit segments), checked against
%% OTP's own base64 module (plain Erlang, run unmodified), plus hex
%% encoding with binary comprehensions.

id(X) -> X.

main() ->
    Inputs = [<<>>, <<"f">>, <<"fo">>, <<"foo">>, <<"foob">>, <<"fooba">>, <<"foobar">>,
              <<0, 255, 128, 1>>, list_to_binary(lists:seq(0, 255))],
    [erlang:display({enc(id(I)), enc(I) =:= base64:encode(I), dec(enc(I)) =:= I,
                     base64:decode(enc(I)) =:= I}) || I <- lists:sublist(Inputs, 8)],
    Big = lists:last(Inputs),
    erlang:display({byte_size(enc(Big)), enc(Big) =:= base64:encode(Big), base64:decode(base64:encode(Big)) =:= Big}),
    erlang:display(hex(id(<<"Hello, World!">>))),
    erlang:display(unhex(hex(id(<<1, 2, 254, 255>>)))),
    ok.

enc(Bin) ->
    Full = byte_size(Bin) div 3 * 3,
    <<Main:Full/binary, Rest/binary>> = Bin,
    Body = << <<(c(X))>> || <<X:6>> <= Main >>,
    case Rest of
        <<>> -> Body;
        <<A:6, B:2>> -> <<Body/binary, (c(A)), (c(B bsl 4)), "==">>;
        <<A:6, B:6, C:4>> -> <<Body/binary, (c(A)), (c(B)), (c(C bsl 2)), "=">>
    end.

c(X) when X < 26 -> $A + X;
c(X) when X < 52 -> $a + X - 26;
c(X) when X < 62 -> $0 + X - 52;
c(62) -> $+;
c(63) -> $/.

v(C) when C >= $A, C =< $Z -> C - $A;
v(C) when C >= $a, C =< $z -> C - $a + 26;
v(C) when C >= $0, C =< $9 -> C - $0 + 52;
v($+) -> 62;
v($/) -> 63.

dec(Enc) ->
    Stripped = strip(Enc),
    Bits = << <<(v(C)):6>> || <<C>> <= Stripped >>,
    Whole = bit_size(Bits) div 8 * 8,
    <<Out:Whole/bits, _/bits>> = Bits,
    Out.

strip(B) ->
    case B of
        <<S:(byte_size(B) - 2)/binary, "==">> -> S;
        <<S:(byte_size(B) - 1)/binary, "=">> -> S;
        _ -> B
    end.

hex(B) -> << <<(h(N))>> || <<N:4>> <= B >>.
h(N) when N < 10 -> $0 + N;
h(N) -> $a + N - 10.

unhex(H) -> << <<(uh(A)):4, (uh(B)):4>> || <<A, B>> <= H >>.
uh(C) when C >= $a -> C - $a + 10;
uh(C) -> C - $0.
