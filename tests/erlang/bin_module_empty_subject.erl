%% binary:match/matches/split/replace on an empty subject: no match (one empty part) whatever
%% the patterns, even the empty or invalid ones that are badarg on any other subject; options
%% are still checked (found by the differential fuzzer: beamrun raised badarg).
-module(bin_module_empty_subject).
-export([main/0]).

t(F) -> try F() catch C:R -> {C, R} end.

main() ->
    erlang:display([t(fun() -> binary:match(<<>>, <<>>) end), t(fun() -> binary:matches(<<>>, <<>>) end),
                    t(fun() -> binary:split(<<>>, <<>>) end), t(fun() -> binary:split(<<>>, <<>>, [global]) end),
                    t(fun() -> binary:match(<<"a">>, <<>>) end), t(fun() -> binary:split(<<"a">>, <<>>) end),
                    t(fun() -> binary:replace(<<>>, <<>>, <<"x">>) end), t(fun() -> binary:matches(<<"a">>, [<<>>]) end),
                    t(fun() -> binary:match(<<>>, [<<"a">>, <<>>]) end), t(fun() -> binary:match(<<>>, <<>>, [{scope, {0, 0}}]) end),
                    t(fun() -> binary:replace(<<"a">>, <<>>, <<"x">>) end)]),
    erlang:display([t(fun() -> binary:match(<<>>, foo) end), t(fun() -> binary:match(<<>>, <<"a">>, [bad]) end),
                    t(fun() -> binary:split(<<>>, foo) end), t(fun() -> binary:match(foo, <<>>) end),
                    t(fun() -> binary:matches(<<>>, []) end), t(fun() -> binary:match(<<>>, [])  end),
                    t(fun() -> binary:match(<<>>, <<>>, [{scope, {1, 0}}]) end), t(fun() -> binary:split(<<>>, <<>>, [trim]) end),
                    t(fun() -> binary:split(<<>>, <<>>, [trim_all]) end), t(fun() -> binary:split(<<>>, <<"a">>, [trim_all]) end),
                    t(fun() -> binary:replace(<<>>, <<>>, <<"x">>, [global]) end), t(fun() -> binary:matches(<<>>, <<>>, [{scope, {0, 1}}]) end),
                    t(fun() -> binary:match(<<1:3>>, <<>>) end), t(fun() -> binary:match(<<"abc">>, <<>>, [{scope, {1, 0}}]) end),
                    t(fun() -> binary:split(<<"abc">>, <<>>, [{scope, {1, 0}}]) end),
                    t(fun() -> binary:match(<<>>, binary:compile_pattern(<<"a">>)) end), t(fun() -> binary:match(<<>>, <<"a">>, foo) end)]),
    ok.
