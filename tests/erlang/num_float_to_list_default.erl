-module(num_float_to_list_default).
-export([main/0]).

%% float_to_list/1 and float_to_binary/1: C's "%.20e" ({scientific, 20}), for every kind of
%% float: zero and negative zero, denormals, the largest double, integers, fractions.

id(X) -> X.

floats() ->
    [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 2.5, 100.0, 1.0e15, 1.0e16, 1.0e22, 1.0e23,
     123456789012345680.0, 0.3333333333333333, 2.0 / 3.0, 5.0e-324, 2.2250738585072014e-308,
     1.7976931348623157e308, -1.7976931348623157e308, 9007199254740993.0, 1.0e-10,
     3.141592653589793, 2.718281828459045, 6.02214076e23, -1.602176634e-19].

main() ->
    [erlang:display(float_to_list(id(F))) || F <- floats()],
    [erlang:display(float_to_binary(id(F))) || F <- floats()],
    erlang:display(float_to_list(id(0.1)) =:= float_to_list(id(0.1), [{scientific, 20}])),
    erlang:display(length(float_to_list(id(-1.0e-300)))),
    ok.
