-module(arith_integer_conv).
-export([main/0, id/1]).

%% integer_to_list/1 and list_to_integer/1, including signs, leading zeros
%% and malformed input (badarg).

id(X) -> X.

main() ->
    erlang:display([integer_to_list(X) || X <- id([0, -0, 7, -7, 10, 100, -1000, 123456789, -576460752303423487])]),
    erlang:display(integer_to_list(id(-0))),
    erlang:display([list_to_integer(S) || S <- id(["0", "-12", "+5", "-0", "007", "-007", "42", "576460752303423487"])]),
    erlang:display(conv(id("abc"))),
    erlang:display(conv(id(""))),
    erlang:display(conv(id("12a"))),
    erlang:display(conv(id("1.5"))),
    erlang:display(conv(id("-"))),
    erlang:display(conv(id(" 1"))),
    erlang:display(conv(id("--1"))),
    erlang:display(conv(id(abc))),
    erlang:display(conv(id([$1 | $2]))),
    erlang:display(conv2(id(abc))),
    erlang:display(roundtrip(id([-99, -1, 0, 1, 99, 65536]))),
    erlang:display(parse_sum(id("10+20+-5+300"))),
    ok.

st(St) -> test_support:st(?MODULE, St).

conv(S) ->
    try list_to_integer(S) of
        N -> {ok, N}
    catch
        error:R:St -> {error, R, st(St)}
    end.

conv2(X) ->
    try integer_to_list(X)
    catch
        error:R:St -> {error, R, st(St)}
    end.

roundtrip([]) -> true;
roundtrip([X | T]) ->
    X = list_to_integer(integer_to_list(X)),
    roundtrip(T).

%% split on $+ and sum the integers
parse_sum(S) -> parse_sum(S, [], 0).

parse_sum([], Cur, Acc) -> Acc + list_to_integer(lists:reverse(Cur));
parse_sum([$+ | T], Cur, Acc) -> parse_sum(T, [], Acc + list_to_integer(lists:reverse(Cur)));
parse_sum([C | T], Cur, Acc) -> parse_sum(T, [C | Cur], Acc).
