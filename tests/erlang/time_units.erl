-module(time_units).
-export([main/0, id/1]).
%% Time unit conversion (floor rounding, every unit form), and the shapes and monotonicity of
%% the clocks (their values differ from run to run, so only properties are printed).
id(X) -> X.

main() ->
    Units = [second, millisecond, microsecond, nanosecond, native, perf_counter, 1000, 3, 7],
    erlang:display([erlang:convert_time_unit(id(T), native, U) || T <- [1500, -1500, 999999999, -1], U <- Units]),
    erlang:display([erlang:convert_time_unit(id(T), U, millisecond) || T <- [5, -5], U <- Units]),
    erlang:display(erlang:convert_time_unit(id(1), second, native)),
    erlang:display([erlang:convert_time_unit(id(3), seconds, milli_seconds),
                    erlang:convert_time_unit(id(3), micro_seconds, nano_seconds)]),
    %% Bignums (native system time passed 2^59 long ago), rounding down on both sides.
    Big = id(1796676091491654646), Bigger = id(123456789012345678901234567890),
    erlang:display([erlang:convert_time_unit(T, native, U) || T <- [Big, -Big, Bigger, -Bigger], U <- Units]),
    erlang:display([erlang:convert_time_unit(Bigger, second, U) || U <- [native, 7]]),
    erlang:display(erlang:convert_time_unit(erlang:system_time(), native, second) >= erlang:system_time(second) - 1),
    erlang:display(try erlang:convert_time_unit(id(1), id(foo), native) catch C1:R1 -> {C1, R1} end),
    erlang:display(try erlang:convert_time_unit(id(a), second, native) catch C2:R2 -> {C2, R2} end),
    erlang:display(try erlang:monotonic_time(id(bad)) catch C3:R3 -> {C3, R3} end),
    T1 = erlang:monotonic_time(), T2 = erlang:monotonic_time(),
    erlang:display({is_integer(T1), T2 >= T1}),
    M1 = erlang:monotonic_time(millisecond), M2 = erlang:monotonic_time(millisecond),
    erlang:display(M2 - M1 < 1000),
    S = erlang:system_time(second),
    erlang:display(S > 1700000000),
    {Mega, Sec, Micro} = os:timestamp(),
    erlang:display({is_integer(Mega), Sec < 1000000, Micro < 1000000}),
    {{Y, Mo, D}, {H, Mi, Se}} = erlang:universaltime(),
    erlang:display({Y >= 2024, Mo =< 12, D =< 31, H < 24, Mi < 60, Se < 61}),
    erlang:display(is_integer(erlang:time_offset())),
    ok.
