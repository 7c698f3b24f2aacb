%% unicode:bin_is_7bit/1 is false for anything but a binary, and unicode:characters_to_binary/3
%% asks it of any chardata (found by the differential fuzzer: beamrun raised badarg, so
%% characters_to_binary/3 failed on every list).
-module(unicode_bin_is_7bit).
-export([main/0]).

id(X) -> X.

t(F) -> try F() catch C:R -> {C, R} end.

main() ->
    erlang:display([t(fun() -> unicode:bin_is_7bit(id(X)) end)
                    || X <- [[1], a, <<1:3>>, <<200, 1:3>>, <<1, 2>>, <<1, 200>>, <<1, 2, 3:7>>, <<>>, []]]),
    [erlang:display(t(fun() -> unicode:characters_to_binary(id(D), id(I), id(O)) end))
     || {D, I, O} <- [{[836780, 156862], unicode, latin1}, {[], latin1, utf8}, {[<<"sT2">>, 188, [<<"x">>]], latin1, utf8},
                      {[<<"ok">>, 16#10FFFF], latin1, utf8}, {[<<67, 177, 67>>, 14], unicode, latin1}, {"abc", unicode, unicode}]],
    ok.
