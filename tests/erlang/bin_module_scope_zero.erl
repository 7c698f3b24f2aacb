%% binary:match/matches/split with {scope, {0, 0}}: a search that ends at 0 finds nothing
%% whatever the patterns, as on an empty subject, while any other empty scope with an empty
%% pattern is badarg (found by the differential fuzzer: beamrun raised badarg for {0, 0}).
-module(bin_module_scope_zero).
-export([main/0]).

t(F) -> try F() catch C:R -> {C, R} end.

main() ->
    S = <<"abc">>,
    [erlang:display({O, t(fun() -> binary:split(S, <<>>, O) end), t(fun() -> binary:match(S, <<>>, O -- [trim_all, trim, global]) end),
                     t(fun() -> binary:matches(S, <<>>, O -- [trim_all, trim, global]) end), t(fun() -> binary:split(S, foo, O) end),
                     t(fun() -> binary:split(S, <<"b">>, O) end)})
     || O <- [[{scope, {0, 0}}], [trim_all, {scope, {0, 0}}], [{scope, {1, 0}}], [{scope, {3, 0}}], [{scope, {2, -2}}],
              [{scope, {3, -3}}], [{scope, {0, 1}}], [global, {scope, {0, 0}}], [trim, {scope, {0, 0}}]]],
    ok.
