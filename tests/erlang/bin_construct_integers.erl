-module(bin_construct_integers).
-export([main/0, id/1]).

%% Integer segments: every size from 0 to 130 bits, signed and unsigned
%% values, big/little/native endianness, sizes that are not whole bytes,
%% bignums, negative numbers truncated to the segment, units.

id(X) -> X.

main() ->
    Vals = [0, 1, -1, 127, 128, -128, 255, 256, 65535, -65536, 16#123456789,
            (1 bsl 59) - 1, 1 bsl 59, -(1 bsl 59), (1 bsl 64) - 1, 1 bsl 64,
            -(1 bsl 70) + 5, 16#DEADBEEFCAFEBABE1234, -16#DEADBEEFCAFEBABE1234],
    Sizes = [0, 1, 3, 7, 8, 9, 12, 16, 17, 24, 31, 32, 33, 48, 59, 60, 61, 63, 64, 65, 70, 75, 80, 100, 130],
    [erlang:display({V, S, big(id(V), id(S)), little(id(V), id(S))}) || V <- Vals, S <- Sizes],
    erlang:display(<<(id(1)):4/unit:8, (id(2)):3/unit:4, (id(-3)):2/little-unit:16>>),
    erlang:display(<<(id(16#0102)):16/native, (id(16#0102)):16/big, (id(16#0102)):16/little>>),
    erlang:display(<<(id(-2)):16/signed-little, (id(-2)):16/unsigned-big, 5:4, 6:4>>),
    erlang:display(<<1, 2, (id(300)), (id(-1))>>),
    erlang:display(<<(id(1 bsl 200)):201, (id(-(1 bsl 200))):202/little>>),
    erlang:display(<<(id(12345678901234567890123456789)):96/little-signed>>),
    erlang:display(<<0:0, (id(7)):0, 1:1, 0:1, 1:1>>),
    ok.

big(V, S) -> <<V:S>>.
little(V, S) -> <<V:S/little>>.
