-module(map_display_values).
-export([main/0]).

%% erlang:display of tries whose values are lists, strings, tuples and maps: each pair shows as
%% the cons cell [Key|Value] it is stored in; and tries inside other terms.

main() ->
    M = maps:from_list([{I, lists:seq(1, I rem 4)} || I <- lists:seq(1, 40)]),
    erlang:display(M),
    S = maps:from_list([{I, "str" ++ integer_to_list(I)} || I <- lists:seq(100, 140)]),
    erlang:display(S),
    C = maps:from_list([{I, [I]} || I <- lists:seq($a, $z)] ++ [{I, "xy"} || I <- lists:seq($A, $Z)]),
    erlang:display(C),
    T = maps:from_list([{I, {I, #{I => I}}} || I <- lists:seq(1, 34)]),
    erlang:display({wrapped, [T], T}),
    erlang:display(#{small => T}),
    ok.
