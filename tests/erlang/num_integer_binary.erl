-module(num_integer_binary).
-export([main/0]).

%% integer_to_binary/1,2 and binary_to_integer/1,2: the binary forms of integer_to_list and
%% list_to_integer, on binaries of every kind, with their badarg cases.

id(X) -> X.

t(F) -> try F() catch C:R:S -> {C, R, hd(S)} end.

main() ->
    [erlang:display(integer_to_binary(id(V))) || V <- [0, -1, 12, (1 bsl 59) - 1, -(1 bsl 59), 1 bsl 64, -(1 bsl 100)]],
    [erlang:display(integer_to_binary(id(V), B)) || V <- [255, -255, 1 bsl 70], B <- [2, 16, 36]],
    Big = integer_to_binary(id(7) * (1 bsl 400)),
    erlang:display(byte_size(Big)),
    erlang:display(binary_to_integer(Big) =:= 7 * (1 bsl 400)),
    [erlang:display(t(fun() -> binary_to_integer(id(B)) end))
     || B <- [<<"12">>, <<"+1">>, <<"-0012">>, <<"">>, <<"1 ">>, <<"1_0">>, <<"1", 0>>,
              <<"18446744073709551616">>, <<1:1>>, "12", 12, <<"1.0">>]],
    [erlang:display(t(fun() -> binary_to_integer(id(B), id(Base)) end))
     || {B, Base} <- [{<<"-ff">>, 16}, {<<"ZZ">>, 36}, {<<"12">>, 40}, {<<"9">>, 8},
                      {<<"101">>, 2}, {<<"12">>, 1}, {<<"7fffffffffffffffffff">>, 16}]],
    Sub = binary_part(id(<<"xx-12345678901234567890123yy">>), 2, 24),
    erlang:display(binary_to_integer(Sub)),
    [erlang:display(t(fun() -> integer_to_binary(id(V), id(B)) end))
     || {V, B} <- [{a, 10}, {1, 37}, {1.5, 10}, {10, 0}]],
    erlang:display(t(fun() -> integer_to_binary(id(a)) end)),
    ok.
