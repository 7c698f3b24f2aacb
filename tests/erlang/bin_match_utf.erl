-module(bin_match_utf).
-export([main/0, id/1]).

%% Matching utf8/utf16/utf32 segments: valid code points of every length,
%% and the invalid sequences that must not match (overlong forms,
%% surrogates, values past U+10FFFF, truncated input), skipping code points.

id(X) -> X.

main() ->
    erlang:display(decode8(id(<<"aé€😀", 16#7F, 16#DF, 16#BF>>), [])),
    Bad8 = [<<16#C0, 16#80>>, <<16#C1, 16#BF>>, <<16#E0, 16#80, 16#80>>, <<16#ED, 16#A0, 16#80>>,
            <<16#F0, 16#80, 16#80, 16#80>>, <<16#F4, 16#90, 16#80, 16#80>>, <<16#F5, 16#80, 16#80, 16#80>>,
            <<16#80>>, <<16#E2, 16#82>>, <<16#E2, 16#28, 16#A1>>, <<16#FF>>, <<16#C3>>],
    [erlang:display({B, u8(id(B))}) || B <- Bad8],
    erlang:display(decode16(id(<<0, $a, 16#D8, 16#3D, 16#DE, 16#00, 16#FF, 16#FD>>), [])),
    erlang:display(decode16le(id(<<$a, 0, 16#3D, 16#D8, 16#00, 16#DE>>), [])),
    Bad16 = [<<16#DC, 16#00>>, <<16#D8, 16#00>>, <<16#D8, 16#00, 16#00, 16#41>>, <<16#D8, 16#00, 16#D8, 16#00>>, <<0>>],
    [erlang:display({B, u16(id(B))}) || B <- Bad16],
    erlang:display(decode32(id(<<0, 0, 0, $a, 0, 16#10, 16#FF, 16#FF, 0, 1, 16#F6, 0>>), [])),
    Bad32 = [<<0, 16#11, 0, 0>>, <<0, 0, 16#D8, 0>>, <<16#FF, 16#FF, 16#FF, 16#FF>>, <<0, 0, 0>>],
    [erlang:display({B, u32(id(B))}) || B <- Bad32],
    erlang:display(count(id(<<"héllo wörld"/utf8>>), 0)),
    erlang:display(case id(<<1:1, "é"/utf8, 1:7>>) of <<_:1, C0/utf8, _:7>> -> C0 end),
    erlang:display([C || <<C/utf8>> <= id(<<"日本語"/utf8>>)]),
    erlang:display([C || <<C/utf32-little>> <= id(<<"ab"/utf32-little>>)]),
    ok.

decode8(<<C/utf8, R/binary>>, Acc) -> decode8(R, [C | Acc]);
decode8(R, Acc) -> {lists:reverse(Acc), R}.
decode16(<<C/utf16, R/binary>>, Acc) -> decode16(R, [C | Acc]);
decode16(R, Acc) -> {lists:reverse(Acc), R}.
decode16le(<<C/utf16-little, R/binary>>, Acc) -> decode16le(R, [C | Acc]);
decode16le(R, Acc) -> {lists:reverse(Acc), R}.
decode32(<<C/utf32, R/binary>>, Acc) -> decode32(R, [C | Acc]);
decode32(R, Acc) -> {lists:reverse(Acc), R}.
u8(<<C/utf8, R/bits>>) -> {C, R}; u8(_) -> nomatch.
u16(<<C/utf16, R/bits>>) -> {C, R}; u16(_) -> nomatch.
u32(<<C/utf32, R/bits>>) -> {C, R}; u32(_) -> nomatch.
count(<<_/utf8, R/binary>>, N) -> count(R, N + 1);
count(<<>>, N) -> N.
