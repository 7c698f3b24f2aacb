%% Shared harness: times one run of Fun in microseconds and prints {bench, Micros, Result}.
-module(bench).
-export([run/1]).
run(Fun) ->
    T0 = erlang:monotonic_time(microsecond),
    R = Fun(),
    T1 = erlang:monotonic_time(microsecond),
    erlang:display({bench, T1 - T0, R}).
