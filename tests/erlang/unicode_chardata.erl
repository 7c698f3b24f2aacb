-module(unicode_chardata).
%% unicode:characters_to_list/2, characters_to_binary/2 and bin_is_7bit/1: conversions, and the
%% exact {error|incomplete, Done, Rest} shapes for bad input at every nesting level.
-export([main/0]).
t(F) -> erlang:display(try F() catch C:R -> {C, R} end).
main() ->
t(fun() -> unicode:characters_to_list(<<"ab",255,"cd">>, unicode) end),
t(fun() -> unicode:characters_to_list([$a, <<"b",206>>], unicode) end),
t(fun() -> unicode:characters_to_list([$a, 16#110000, $b], unicode) end),
t(fun() -> unicode:characters_to_list([$a, [<<"xy">>, 955], <<"z">>], unicode) end),
t(fun() -> unicode:characters_to_list(<<"a", 233>>, latin1) end),
t(fun() -> unicode:characters_to_list(foo, unicode) end),
t(fun() -> unicode:characters_to_list([a], unicode) end),
t(fun() -> unicode:characters_to_binary([$a, 955], unicode) end),
t(fun() -> unicode:characters_to_binary([$a, 233], latin1) end),
t(fun() -> unicode:characters_to_binary(<<"ab",255,"cd">>, unicode) end),
t(fun() -> unicode:characters_to_binary([<<"ab">>, <<206>>], unicode) end),
t(fun() -> unicode:characters_to_binary([$a, -1], unicode) end),
t(fun() -> unicode:characters_to_list([$a, 16#D800], unicode) end),
t(fun() -> unicode:characters_to_list([$a, [$b, 300], $c | <<"d">>], latin1) end),
t(fun() -> unicode:characters_to_list([$a, [$b, 16#110000], $c | <<"d">>], unicode) end),
t(fun() -> unicode:characters_to_list(<<"héllo"/utf8>>) end),
t(fun() -> unicode:characters_to_binary("héllo") end),
t(fun() -> unicode:characters_to_binary(<<192, 128>>) end),
t(fun() -> unicode:bin_is_7bit(<<"abc">>) end),
t(fun() -> unicode:bin_is_7bit(<<"ab", 200>>) end),
ok.
