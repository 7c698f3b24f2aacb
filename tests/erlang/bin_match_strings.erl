-module(bin_match_strings).
-export([main/0, id/1]).

%% Literal prefixes in patterns (the compiler's bs_match_string), at byte
%% and odd bit offsets, mixed with integer literals of odd sizes, and in
%% clause selection.

id(X) -> X.

main() ->
    [erlang:display(cmd(id(B))) || B <- [<<"GET /index">>, <<"POST /form">>, <<"PUT x">>, <<"GE">>, <<>>,
                                          <<"DELETE /a">>, <<"get /x">>]],
    [erlang:display(hdr(id(B))) || B <- [<<1:3, "abc", 5:5, "rest">>, <<1:3, "abd", 5:5>>, <<2:3, "abc", 5:5>>]],
    [erlang:display(magic(id(B))) || B <- [<<16#CAFEBABE:32, 0, 52>>, <<16#CAFEBABF:32>>, <<16#89, "PNG", 13, 10, 26, 10>>,
                                           <<"%PDF-1.7">>, <<"%PDF">>]],
    erlang:display(count_crlf(id(<<"a\r\nb\r\n\r\nc\n">>), 0)),
    ok.

cmd(<<"GET ", Path/binary>>) -> {get, Path};
cmd(<<"POST ", Path/binary>>) -> {post, Path};
cmd(<<"DELETE ", Path/binary>>) -> {delete, Path};
cmd(<<"PUT", _/binary>>) -> put;
cmd(Other) -> {unknown, Other}.

hdr(<<1:3, "abc", 5:5, Rest/binary>>) -> {ok, Rest};
hdr(<<1:3, "ab", C, 5:5>>) -> {near, C};
hdr(B) -> {no, B}.

magic(<<16#CAFEBABE:32, Minor:8, Major:8>>) -> {class, Major, Minor};
magic(<<16#89, "PNG", 13, 10, 26, 10>>) -> png;
magic(<<"%PDF-", V/binary>>) -> {pdf, V};
magic(_) -> unknown.

count_crlf(<<"\r\n", R/binary>>, N) -> count_crlf(R, N + 1);
count_crlf(<<_, R/binary>>, N) -> count_crlf(R, N);
count_crlf(<<>>, N) -> N.
