-module(map_equality_order).
-export([main/0, id/1]).

%% Comparing maps: == and =:= (keys always exact, values by the operator), ordering by size,
%% then keys in key order, then values; sorting lists of maps; flat maps and tries alike.

id(X) -> X.

main() ->
    A = id(#{a => 1, b => 2}),
    erlang:display({A == #{b => 2, a => 1}, A =:= #{b => 2, a => 1}}),
    erlang:display({#{a => 1} == #{a => 1.0}, #{a => 1} =:= #{a => 1.0}}),
    erlang:display({#{1 => a} == #{1.0 => a}, #{1 => a} < #{1.0 => a}}),
    erlang:display({#{a => 1} < #{a => 1, b => 2}, #{z => 1} < #{a => 1, b => 2}}),
    erlang:display({#{a => 2} < #{b => 1}, #{a => 1} < #{a => 2}, #{b => 1} > #{a => 2}}),
    erlang:display({#{} < #{a => 1}, #{} < [], {} < #{}, #{} < <<>>}),
    erlang:display(lists:sort([#{b => 1}, #{a => 2}, #{a => 1}, #{}, #{a => 1, b => 1}, #{1 => x}, #{1.0 => x}, #{c => 0}])),
    erlang:display(lists:usort([#{a => 1}, #{a => 1.0}, #{a => 1}])),
    erlang:display(lists:sort(fun(X, Y) -> X >= Y end, [#{k => I} || I <- [3, 1, 2]])),
    Big1 = maps:from_list([{I, I} || I <- lists:seq(1, 50)]),
    Big2 = maps:from_list([{I, I} || I <- lists:seq(50, 1, -1)]),
    Big3 = Big1#{25 => 25.0},
    Big4 = maps:put(51, x, maps:remove(1, Big1)),
    erlang:display({Big1 =:= Big2, Big1 == Big2, Big1 == Big3, Big1 =:= Big3, Big1 < Big3, Big3 < Big1}),
    erlang:display({Big1 < Big4, Big4 < Big1, Big1 == Big4}),
    erlang:display({Big1 < #{a => 1}, #{a => 1} < Big1}),
    Mixed1 = maps:from_list([{K, v} || K <- lists:seq(1, 40) ++ [a, b, {t}, "s", 2.5]]),
    Mixed2 = maps:from_list([{K, v} || K <- lists:seq(1, 40) ++ [a, b, {t}, "s", 2.25]]),
    erlang:display({Mixed1 < Mixed2, Mixed2 < Mixed1, Mixed1 == Mixed1#{}}),
    Vals1 = maps:from_list([{K, K} || K <- lists:seq(1, 40)]),
    Vals2 = Vals1#{40 => 0, 1 => 100},
    erlang:display({Vals1 < Vals2, Vals2 < Vals1}),
    erlang:display(lists:sort([Big4, Big3, Big1, #{}, Vals2, Vals1])),
    ok.
