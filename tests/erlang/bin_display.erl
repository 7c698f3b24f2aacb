-module(bin_display).
-export([main/0, id/1]).

%% erlang:display/1 of binaries: printable text, non-printable bytes,
%% quotes and backslashes, bitstrings, empty and big binaries, nested in
%% other terms, sub-binaries at odd offsets.

id(X) -> X.

main() ->
    [erlang:display(id(B)) || B <- [<<>>, <<"hello">>, <<"with \"quotes\"">>, <<"back\\slash">>,
                                    <<"tab\there">>, <<"nl\n">>, <<0, 1, 2>>, <<"mixed", 0>>, <<200, 201>>,
                                    <<"é"/utf8>>, <<1:1>>, <<1, 2, 3:3>>, <<"abc", 1:1>>, <<127>>, <<126>>,
                                    <<32>>, <<31>>]],
    erlang:display({<<"in">>, [<<"a">>, <<1:2>>], #{<<"k">> => <<"v">>}}),
    erlang:display(binary:copy(id(<<"xyz">>), 30)),
    erlang:display(list_to_binary(lists:seq(0, 255))),
    <<_:3, Odd:16/bits, _/bits>> = id(<<"abcdef">>),
    erlang:display(Odd),
    <<_:8, Text:3/binary, _/binary>> = id(<<"xhey!">>),
    erlang:display(Text),
    ok.
