%% unicode:characters_to_list/2 and characters_to_binary/2 with the encodings ERTS's BIFs leave
%% to unicode.erl (utf16, utf32, either endianness, invalid ones): valid, invalid and cut input
%% (found by the differential fuzzer: beamrun raised badarg for all of them).
-module(unicode_other_encodings).
-export([main/0]).

id(X) -> X.

t(F) -> try F() catch C:R -> {C, R} end.

main() ->
    Encs = [utf16, {utf16, little}, {utf16, big}, utf32, {utf32, little}, latin1, unicode, utf8, bad, {utf8, little}],
    Inputs = [<<>>, <<0, 0, 91, 203>>, <<253, 119, 123, 206>>, <<216, 0, 220, 0>>, <<216, 0>>,
              <<2, 226>>, <<0, 0, 7, 213, 0, 0, 197, 233>>, <<0, 17, 0, 0>>, [<<0, 65>>, <<0>>, <<66>>],
              [], [65, 66], [<<0, 0, 0, 67>> | <<0, 0>>], a, [a]],
    [erlang:display({I, E, t(fun() -> unicode:characters_to_list(id(I), id(E)) end),
                     t(fun() -> unicode:characters_to_binary(id(I), id(E)) end)})
     || I <- Inputs, E <- Encs],
    %% Called from Erlang code too (unicode:characters_to_binary/3 goes through them).
    [erlang:display(t(fun() -> unicode:characters_to_binary(id(I), id(In), id(Out)) end))
     || I <- [[16#20AC, 65], <<"é"/utf8>>, <<0, 65, 216, 0>>], In <- [unicode, utf16], Out <- [utf32, latin1, {utf16, little}]],
    ok.
