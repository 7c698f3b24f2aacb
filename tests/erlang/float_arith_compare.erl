-module(float_arith_compare).
-export([main/0, id/1]).

%% Simple float arithmetic, mixing integers and floats, comparisons and
%% ordering of mixed numbers, is_float/is_number, and badarith of / by 0.

id(X) -> X.

main() ->
    erlang:display(id(1.5) + id(1)),
    erlang:display(id(2) * id(0.25)),
    erlang:display(id(1.0) - id(3)),
    erlang:display(id(6) / id(3)),
    erlang:display(is_float(id(6) / id(3))),
    erlang:display(id(6) / id(3) == 2),
    erlang:display(id(6) / id(3) =:= 2),
    erlang:display(lists:sort(id([3, 1.5, 2, 0.5, 1]))),
    erlang:display(id(1) < id(1.5)),
    erlang:display({is_float(id(1.0)), is_number(id(1.0)), is_integer(id(1.0))}),
    erlang:display(float(id(5)) =:= 5.0),
    erlang:display(try id(1) / id(0) catch error:R1 -> R1 end),
    erlang:display(try id(1.0) / id(0.0) catch error:R2 -> R2 end),
    erlang:display(try id(a) / id(2) catch error:R3 -> R3 end),
    erlang:display(try id(5) div id(2.0) catch error:R4 -> R4 end),
    erlang:display(max(id(2), id(2.0))),
    erlang:display(min(id(2), id(2.0))),
    erlang:display(sum_halves(id(10), 0.0)),
    ok.

sum_halves(0, Acc) -> Acc;
sum_halves(N, Acc) -> sum_halves(N - 1, Acc + N / 2).
