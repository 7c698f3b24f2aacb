-module(bin_construct_error_order).
-export([main/0, id/1]).

%% Which segment a failing construction blames: sizes (and the type of
%% binaries without a size) are checked for all segments first, then the
%% binary appended to, then each value in order.

id(X) -> X.

main() ->
    Cases = [fun() -> <<(id(a)):8, (id(<<1>>)):(id(x))/binary>> end,
             fun() -> <<(id(a)):8, (id(b))/binary>> end,
             fun() -> <<(id(a)):8, (id(-1))/utf8>> end,
             fun() -> <<(id(a)):8, (id(a))/float>> end,
             fun() -> <<(id(a)):8, (id(<<1,2>>)):3/binary>> end,
             fun() -> <<(id(<<1>>)):(id(x))/binary, (id(a)):(id(b))>> end,
             fun() -> <<(id(a)):8, (id(1.0)):(id(8))/float>> end,
             fun() -> <<(id(a)):8, (id(1)):(id(-8))/float>> end,
             fun() -> <<(id(a)):8, (id(<<1:3>>))/binary>> end,
             fun() -> <<(id(a)):8, (id(1)):(id(1 bsl 64))>> end,
             fun() -> <<(id(a)), (id(b))>> end,
             fun() -> <<(id(<<1>>))/binary, (id(b))/binary>> end,
             fun() -> X = id(<<1:3>>), <<X/binary, (id(a)):(id(b))>> end,
             fun() -> X = id(a), <<X/binary, (id(a)):(id(b))>> end,
             fun() -> X = id(<<1>>), <<X/binary, (id(a)):8>> end,
             fun() -> X = id(<<1>>), <<X/binary, (id(1)):8, (id(<<>>)):1/binary>> end],
    [erlang:display(run(F)) || F <- Cases],
    ok.

run(F) ->
    try F() of
        V -> {ok, V}
    catch
        error:R:St -> {R, [I || {_, _, _, L} <- St, {error_info, _} = I <- L]}
    end.
