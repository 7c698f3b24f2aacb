-module(bin_module_search).
-export([main/0, id/1]).

%% binary:match/2,3 and matches/2,3: one pattern and several (leftmost,
%% then longest), scopes with negative lengths, compiled patterns,
%% non-overlapping matches, and the arguments that are badarg.

id(X) -> X.

main() ->
    S = id(<<"hello world, hello erlang">>),
    Calls = [{match, [S, <<"hello">>]}, {match, [S, <<"o">>]}, {match, [S, <<"xyz">>]},
             {match, [S, [<<"world">>, <<"lo">>, <<"erl">>]]}, {match, [S, [<<"hel">>, <<"hello">>, <<"h">>]]},
             {match, [S, <<"o">>, [{scope, {5, 10}}]]}, {match, [S, <<"o">>, [{scope, {25, -10}}]]},
             {match, [S, <<"hello">>, [{scope, {1, 12}}]]}, {match, [S, <<"g">>, [{scope, {25, 0}}]]},
             {match, [S, <<"o">>, [{scope, {26, 0}}]]}, {match, [S, <<"o">>, [{scope, {0, 26}}]]},
             {match, [S, <<"o">>, [{scope, {3, -4}}]]}, {match, [S, <<"o">>, [bad]]},
             {match, [S, <<"o">>, [{scope, {1, 2}} | x]]}, {match, [S, <<>>]}, {match, [S, []]},
             {match, [S, [<<"a">>, <<>>]]}, {match, [S, a]}, {match, [<<1:4>>, <<"a">>]}, {match, [a, <<"a">>]},
             {matches, [S, <<"hello">>]}, {matches, [S, <<"l">>]}, {matches, [<<"aaaaa">>, <<"aa">>]},
             {matches, [<<"abcde">>, [<<"bcd">>, <<"bc">>, <<"cde">>, <<"de">>]]},
             {matches, [<<"abcde">>, [<<"b">>, <<"bcd">>, <<"e">>]]}, {matches, [S, <<"o">>, [{scope, {10, 10}}]]},
             {matches, [S, <<"zz">>]}, {matches, [<<>>, <<"a">>]}, {matches, [S, [<<"l">>, <<"ll">>, <<"llo">>]]}],
    [erlang:display(run(F, A)) || {F, A} <- Calls],
    P1 = binary:compile_pattern(id(<<"lo">>)),
    P2 = binary:compile_pattern(id([<<"l">>, <<"wor">>])),
    P3 = binary:compile_pattern(id([<<"lo">>])),
    erlang:display({element(1, P1), element(1, P2), element(1, P3), tuple_size(P1)}),
    erlang:display({binary:match(S, P1), binary:matches(S, P1), binary:match(S, P2), binary:matches(S, P2),
                    binary:matches(S, P3, [{scope, {0, 10}}])}),
    erlang:display([run(compile_pattern, [A]) || A <- [<<>>, [], [<<"a">>, <<>>], <<1:3>>, a, [<<"a">> | b]]]),
    Big = binary:copy(id(<<"abcdefghij">>), 1000),
    erlang:display({length(binary:matches(Big, <<"j">>)), binary:match(Big, <<"ja">>, [{scope, {5000, 5000}}]),
                    length(binary:matches(Big, [<<"a">>, <<"e">>, <<"ij">>]))}),
    ok.

st(St) -> [{M, F, A} || {M, F, A, _} <- St, M =:= binary].

run(F, Args) ->
    try apply(binary, F, id(Args)) of
        V -> {ok, V}
    catch
        error:R:St -> {R, st(St)}
    end.
