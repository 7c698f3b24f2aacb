-module(num_integer_to_list_bases).
-export([main/0]).

%% integer_to_list/1,2 in every base 2..36, for smalls at the limits of the small range and
%% for bignums (upper-case digits, a minus sign for negatives), and its badarg cases.

id(X) -> X.

t(F) -> try F() catch C:R:S -> {C, R, hd(S)} end.

values() ->
    [0, 1, -1, 35, -36, 255, (1 bsl 59) - 1, -(1 bsl 59), 1 bsl 59, -(1 bsl 59) - 1,
     (1 bsl 64) - 1, 1 bsl 64, -(1 bsl 64), (1 bsl 128) + 12345, -((1 bsl 200) - 1)].

main() ->
    [erlang:display({B, integer_to_list(id(V), B)}) || V <- values(), B <- [2, 3, 7, 8, 10, 16, 32, 36]],
    erlang:display([integer_to_list(id(35), B) || B <- lists:seq(2, 36)]),
    erlang:display([integer_to_list(id(-1295), B) || B <- lists:seq(2, 36)]),
    erlang:display(integer_to_list(id(1 bsl 100))),
    erlang:display(integer_to_list(id(-(1 bsl 100)), 10)),
    [erlang:display(t(fun() -> integer_to_list(id(V), id(B)) end))
     || {V, B} <- [{255, 37}, {255, 1}, {255, 0}, {255, -16}, {255, a}, {255, 16.0},
                   {1.0, 10}, {a, 10}, {255, 1 bsl 64}]],
    erlang:display(t(fun() -> integer_to_list(id(1.0)) end)),
    erlang:display(t(fun() -> integer_to_list(id("12")) end)),
    ok.
