%% erlang:convert_time_unit/3 with values and units beyond the small-integer range: BEAM computes
%% floor(Time * To / From) exactly, for integers of any size; units are positive integers of any
%% size or unit names.
-module(time_convert_big).
-export([main/0]).

c(T, F, To) -> try erlang:convert_time_unit(T, F, To) catch C:R -> {C, R} end.

main() ->
    Big = 1 bsl 70,
    Cases = [{1688847579000000000, nanosecond, second},
             {1688847579000000000, nanosecond, millisecond},
             {-1688847579000000000, nanosecond, second},
             {Big, second, nanosecond}, {-Big, second, nanosecond}, {-Big, nanosecond, second},
             {-1, nanosecond, second}, {-999999999, nanosecond, second},
             {-1000000001, nanosecond, second}, {1 bsl 62, 3, 7}, {-(1 bsl 62), 7, 3},
             {(1 bsl 59) - 1, microsecond, nanosecond}, {1 bsl 59, microsecond, nanosecond},
             {-(1 bsl 59), nanosecond, microsecond}, {1 bsl 65, 1 bsl 70, 1 bsl 68},
             {5, 1 bsl 61, 1 bsl 60}, {-5, 1 bsl 61, 1 bsl 60}, {123456789012345678901234567890, native, native},
             {7, seconds, milli_seconds}, {7, micro_seconds, nano_seconds},
             {1.0, second, second}, {1, foo, second}, {1, second, 0}, {1, -(1 bsl 70), second},
             {Big, second, -1}, {a, second, second}],
    lists:foreach(fun({T, F, To} = C) -> erlang:display({C, c(T, F, To)}) end, Cases).
