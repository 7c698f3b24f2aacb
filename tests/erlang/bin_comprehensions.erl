-module(bin_comprehensions).
-export([main/0, id/1]).

%% Binary comprehensions (writable binaries built with private appends) and
%% binary generators, with filters, odd segment sizes and nesting.

id(X) -> X.

main() ->
    L = id(lists:seq(1, 20)),
    erlang:display(<< <<X>> || X <- L >>),
    erlang:display(<< <<X:3>> || X <- L, X rem 2 =:= 0 >>),
    erlang:display(<< <<X:16/little>> || X <- L, X > 15 >>),
    erlang:display(<< <<(X + 1)>> || <<X>> <= id(<<"HAL">>) >>),
    erlang:display([{A, B} || <<A:4, B:4>> <= id(<<16#12, 16#34, 16#56>>)]),
    erlang:display(<< <<B:1>> || <<B:1>> <= id(<<2#10110011>>), B =:= 1 >>),
    erlang:display(<< <<Y/binary, Y/binary>> || <<Y:2/binary>> <= id(<<"abcdefg">>) >>),
    erlang:display(<< << <<(X * Y)>> || Y <- [1, 2, 3] >> || X <- [1, 10, 100] >>),
    Big = << <<(X rem 256)>> || X <- lists:seq(1, 5000) >>,
    erlang:display({byte_size(Big), binary:at(Big, 4999), binary:last(Big)}),
    erlang:display(lists:sum([X || <<X:16>> <= Big])),
    erlang:display(<< <<C/utf8>> || <<C/utf16>> <= id(<<0, $h, 0, $i, 16#D8, 16#3D, 16#DE, 16#00>>) >>),
    erlang:display(<< <<>> || _ <- L >>),
    erlang:display(<< <<X:(X rem 5)>> || X <- L >>),
    ok.
