-module(num_list_to_integer_bases).
-export([main/0]).

%% list_to_integer/1,2: an optional sign and digits of the base in either case, nothing else
%% (no spaces, underscores, NUL, non-Latin-1 digits); bignums of every base.

id(X) -> X.

t(F) -> try F() catch C:R:S -> {C, R, hd(S)} end.

main() ->
    Good = [{"12", 10}, {"+12", 10}, {"-12", 10}, {"0012", 10}, {"-0", 10}, {"ff", 16},
            {"FF", 16}, {"-fF", 16}, {"zZ", 36}, {"101", 2}, {"777", 8}, {"-777", 8},
            {"18446744073709551616", 10}, {"-18446744073709551617", 10},
            {"1" ++ lists:duplicate(64, $0), 2}, {"-1" ++ lists:duplicate(64, $0), 2},
            {"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", 36}, {"7777777777777777777777777", 8},
            {"1000000000000000000000000000000", 3}, {lists:duplicate(40, $9), 10}],
    [erlang:display(t(fun() -> list_to_integer(id(S), id(B)) end)) || {S, B} <- Good],
    Bad = [{"+-12", 10}, {"1_000", 10}, {" 12", 10}, {"12 ", 10}, {"", 10}, {"-", 10},
           {"+", 10}, {"12", 37}, {"12", 1}, {"12", a}, {"12", 10.0}, {"1" ++ [0], 10},
           {["12"], 10}, {"1__0", 10}, {[1635], 10}, {"9", 8}, {"2", 2}, {"g", 16},
           {"12", 1 bsl 64}, {"1.0", 10}, {[$1, $2 | a], 10}, {a, 10}, {<<"12">>, 10},
           {"١٢", 10}],
    [erlang:display(t(fun() -> list_to_integer(id(S), id(B)) end)) || {S, B} <- Bad],
    erlang:display(t(fun() -> list_to_integer(id("123456789012345678901234567890")) end)),
    erlang:display(t(fun() -> list_to_integer(id("-42")) end)),
    erlang:display(t(fun() -> list_to_integer(id("4 2")) end)),
    erlang:display(t(fun() -> list_to_integer(id(42)) end)),
    %% Round trips of a bignum through every base.
    X = id(-(1 bsl 300) + 987654321),
    erlang:display(lists:all(fun(B) -> list_to_integer(integer_to_list(X, B), B) =:= X end,
                             lists:seq(2, 36))),
    ok.
