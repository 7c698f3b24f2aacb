%% The Rest of {error, Done, Rest} from unicode:characters_to_list/2 and characters_to_binary/2
%% when the bad character is inside nested lists or binaries: each enclosing level gives
%% [Rest | Tail], even when Tail is [] (found by the differential fuzzer: beamrun left out the
%% levels with an empty tail).
-module(unicode_error_rest).
-export([main/0]).

id(X) -> X.

main() ->
    Cases = [[65, 300, 66], [[300]], [[[300]]], [[300], 1], [[[300], 2], 1], [1, [2, [300, 3], 4], 5],
             [<<"a">>, [300]], [[<<"a">>, 300]], [<<"ab", 255>>, 1], [[<<"ab", 255>>]], [[<<"ab", 255>>], 2],
             [[[<<"ab", 255>>], 3], 2], [[1 | <<"ab", 255>>]], [1 | <<"ab", 255>>], [[], [300]], [[[]], [[300]]],
             [<<"ab", 226, 130>>], [[<<"ab", 226, 130>>]], [[<<"x">> | <<"ab", 226, 130>>]],
             [<<"sdg", 194, 181>>, 181, [8364]], [[], <<"a">>, [[], [-1]]]],
    [erlang:display({C, E, catch unicode:characters_to_list(id(C), E), catch unicode:characters_to_binary(id(C), E)})
     || C <- Cases, E <- [latin1, unicode]],
    ok.
