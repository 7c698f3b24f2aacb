-module(map_keys_maps).
-export([main/0, id/1]).

%% Maps as keys of maps (small and large, in flat maps and tries), maps inside tuples and
%% lists used as keys, and maps in sets.

id(X) -> X.

main() ->
    K1 = #{a => 1},
    K2 = #{a => 1.0},
    K3 = maps:from_list([{I, I} || I <- lists:seq(1, 40)]),
    M = #{K1 => one, K2 => one_f, K3 => big, #{} => empty, {K1} => tuple},
    erlang:display(M),
    erlang:display(maps:keys(M)),
    erlang:display({maps:get(#{a => 1}, M), maps:get(#{a => 1.0}, M), maps:find(#{a => 2}, M)}),
    erlang:display(maps:get(maps:from_list([{I, I} || I <- lists:seq(40, 1, -1)]), M)),
    Big = maps:from_list([{#{1 => I, 2 => {I}}, I} || I <- lists:seq(1, 60)]),
    erlang:display(Big),
    erlang:display(maps:get(#{2 => {33}, 1 => 33}, Big)),
    Nested = maps:from_list([{maps:from_list([{J, J} || J <- lists:seq(1, 33 + I)]), I} || I <- lists:seq(1, 35)]),
    erlang:display(maps:values(Nested)),
    erlang:display(lists:usort([#{b => 1, a => 2}, #{a => 2, b => 1}, #{a => 2}])),
    ok.
