-module(bin_construct_errors).
-export([main/0, id/1]).

%% Construction failures as OTP 25 raises them: badarg or system_limit,
%% with the failing function's frame carrying
%% {error_info, #{cause => {Segment, Type, Error, Value}, ...}}.

id(X) -> X.

main() ->
    Cases = [fun() -> <<(id(a)):8>> end,
             fun() -> <<(id(1)):(id(-1))>> end,
             fun() -> <<(id(1)):(id(a))>> end,
             fun() -> <<(id(1)):(id(1 bsl 64))>> end,
             fun() -> <<(id(1)):(id(-(1 bsl 64)))>> end,
             fun() -> <<(id(1)):(id(1 bsl 59))>> end,
             fun() -> <<(id(1.5)):(id(8))>> end,
             fun() -> <<(id(<<1:3>>))/binary>> end,
             fun() -> <<(id(a))/binary>> end,
             fun() -> <<(id(<<1,2>>)):3/binary>> end,
             fun() -> <<(id(<<1,2>>)):(id(a))/binary>> end,
             fun() -> <<(id(<<1,2>>)):(id(-1))/binary>> end,
             fun() -> <<(id(1.0)):(id(8))/float>> end,
             fun() -> <<(id(a))/float>> end,
             fun() -> <<(id(a)):(id(0))/float>> end,
             fun() -> <<(id(1 bsl 2000))/float>> end,
             fun() -> <<(id(1.0)):(id(b))/float>> end,
             fun() -> <<(id(-1))/utf8>> end,
             fun() -> <<(id(16#D800))/utf8>> end,
             fun() -> <<(id(16#110000))/utf16>> end,
             fun() -> <<(id(a))/utf32>> end,
             fun() -> <<(id(1.0))/utf8>> end,
             fun() -> X = id(<<1:3>>), <<X/binary, 1>> end,
             fun() -> X = id(a), <<X/binary, 1>> end,
             fun() -> X = id(a), <<X/bits, 1>> end,
             fun() -> <<1, 2, (id(a)):8/integer-unit:2>> end,
             fun() -> <<(id(a)):0>> end,
             fun() -> <<(id(<<1:3>>)):(id(0))/binary>> end],
    [erlang:display(run(F)) || F <- Cases],
    ok.

st(St) -> test_support:st(?MODULE, St).

run(F) ->
    try F() of
        V -> {ok, V}
    catch
        error:R:St -> {R, st(St)}
    end.
