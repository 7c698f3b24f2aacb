%% The demo program the README's first command runs: a little sequential Erlang.
-module(demo).
-export([main/0, fib/1, to_int/1]).

fib(N) when N < 2 -> N;
fib(N) -> fib(N - 1) + fib(N - 2).

to_int(S) -> list_to_integer(S).

main() ->
    erlang:display({fib, 25, fib(25)}),
    Sorted = lists:sort([5, 3, 9, 1, 7]),
    erlang:display({sorted, Sorted}),
    erlang:display({squares, [X * X || X <- lists:seq(1, 10)]}),
    R = try ?MODULE:to_int("not a number")
        catch error:badarg:St -> {caught, badarg, hd(St)}
        end,
    erlang:display(R),
    ok.
