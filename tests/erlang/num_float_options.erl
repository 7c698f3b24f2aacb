-module(num_float_options).
-export([main/0]).

%% float_to_list/2 and float_to_binary/2 option lists: the last format named wins, and
%% anything else (unknown options, improper lists, non-floats) is a badarg with BEAM's frame.

id(X) -> X.

t(F) -> try F() catch C:R:S -> {C, R, hd(S)} end.

main() ->
    Opts = [[], [short], [{decimals, 2}, {scientific, 3}], [{scientific, 3}, {decimals, 2}],
            [short, {decimals, 2}], [{decimals, 2}, short], [short, short], [compact, compact],
            [{decimals, 1}, {decimals, 4}], [bad], [{decimals, a}], [{decimals, 2, 3}],
            [{decimal, 2}], [{decimals, 2.0}], [short | x], x, [{scientific, 1 bsl 70}]],
    [erlang:display(t(fun() -> float_to_list(id(1.0), O) end)) || O <- Opts],
    [erlang:display(t(fun() -> float_to_binary(id(0.5), O) end)) || O <- Opts],
    erlang:display(t(fun() -> float_to_list(id(1), []) end)),
    erlang:display(t(fun() -> float_to_list(id(1)) end)),
    erlang:display(t(fun() -> float_to_list(id(a)) end)),
    erlang:display(t(fun() -> float_to_binary(id(1 bsl 70), [short]) end)),
    erlang:display(t(fun() -> float_to_binary(id("1.0")) end)),
    ok.
