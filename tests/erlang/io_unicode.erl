-module(io_unicode).
-export([main/0]).
%% Characters through the standard I/O server, whose device encoding is latin1 by default (as
%% erl -noshell's user has it): characters up to 255 go out as one byte each, larger ones as
%% \x{H}. After setopts([{encoding, unicode}]) they go out as UTF-8.

id(X) -> X.

print_all() ->
    io:format("~ts|~n", [[8364, 229, $a, 1046]]),
    io:format("~ts|~n", [<<"€åa"/utf8>>]),
    io:format("~s|~n", [[229, 228, 246]]),
    io:format("~s|~n", [<<"åäö"/utf8>>]),
    io:format("~p ~tp~n", [[8364, 229], [8364, 229]]),
    io:format("~p ~tp~n", [<<"åäö"/utf8>>, <<"åäö"/utf8>>]),
    io:format("~p~n", [[1046, 1047, 1048]]),
    io:format("~tc~c~n", [8364, 229]),
    io:format("~w~n", ['атом']),
    io:format("~tw~n", ['атом']),
    io:put_chars([8364, $\s, 229, $\n]),
    io:put_chars(<<"utf8 binary: €åa\n"/utf8>>),
    io:request({put_chars, latin1, <<"latin1 request: ", 229, 228, 246, "\n">>}),
    io:request({put_chars, latin1, [$l, 229, $\n]}),
    io:put_chars(unicode:characters_to_binary([16#1F600, $\n])),
    io:format("~ts~n", [[16#10FFFF, 16#FFFF, 256, 255, 127, 128]]),
    io:format(id("~ts~n"), [["nested ", [8364, [<<"€"/utf8>>]]]]).

main() ->
    io:format("~p~n", [io:getopts()]),
    print_all(),
    ok = io:setopts([{encoding, unicode}]),
    io:format("~p~n", [io:getopts()]),
    print_all(),
    ok = io:setopts([{encoding, latin1}]),
    io:format("~p~n", [io:getopts()]),
    io:format("~p~n", [io:request({put_chars, latin1, [8364]})]),
    ok.
