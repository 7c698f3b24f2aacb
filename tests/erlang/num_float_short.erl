-module(num_float_short).
-export([main/0]).

%% float_to_list(F, [short]) and float_to_binary(F, [short]): the shortest text that reads
%% back as F, switching between fixed and scientific notation where erl does.

id(X) -> X.

floats() ->
    [0.0, -0.0, 1.0, 0.1, 0.2 + 0.1, 1.0e15, 1.0e16, 1.0e17, 1.0e21, 1.0e22, 1.0e23,
     123456789012345680.0, 9007199254740992.0, 9007199254740993.0, 4503599627370496.5,
     1.0e-4, 1.0e-5, 1.2e-4, 0.001234, 123456.789, 5.0e-324, 2.2250738585072014e-308,
     1.7976931348623157e308, 100.0, 1000.0, 7.0e3, 1.25e8, 2.0e7, 9999999.0,
     12345678901234567.0, 1234567890123456.0, -2.5, 1/3, 2/3].

powers() -> [math:pow(10, E) || E <- lists:seq(-12, 24, 3)] ++
            [float(1 bsl E) || E <- [50, 52, 53, 54, 60, 63, 64, 100]].

main() ->
    [erlang:display(float_to_list(id(F), [short])) || F <- floats() ++ powers()],
    [erlang:display(float_to_binary(id(F), [short])) || F <- [0.1, -0.0, 1.0e100, 5.0e-324]],
    %% Every short text reads back as the same float.
    erlang:display(lists:all(fun(F) -> list_to_float(float_to_list(F, [short])) =:= F end,
                             floats() ++ powers())),
    ok.
