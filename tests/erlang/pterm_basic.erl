-module(pterm_basic).
-export([main/0, id/1]).
%% persistent_term: put/get/erase, defaults, complex keys and values (binaries of every size,
%% maps, funs), replacing values, and the badarg of a missing key.
id(X) -> X.

main() ->
    erlang:display(persistent_term:get(id({pterm_basic, missing}), default)),
    erlang:display(try persistent_term:get(id({pterm_basic, missing})) catch C:R -> {C, R} end),
    ok = persistent_term:put({pterm_basic, a}, [1, 2, {three, <<"four">>}]),
    erlang:display(persistent_term:get({pterm_basic, a})),
    Big = list_to_binary(lists:seq(0, 255)),
    <<_:3/binary, Sub:100/binary, _/binary>> = Big,
    ok = persistent_term:put({pterm_basic, bin}, {Big, Sub, <<1:3>>}),
    {B1, S1, Bits} = persistent_term:get({pterm_basic, bin}),
    erlang:display({byte_size(B1), B1 =:= Big, S1 =:= Sub, Bits}),
    M = maps:from_list([{K, K * K} || K <- lists:seq(1, 40)]),
    ok = persistent_term:put(id("string key"), M),
    erlang:display(maps:get(7, persistent_term:get("string key"))),
    erlang:display(map_size(persistent_term:get("string key"))),
    F = fun(X) -> X + id(10) end,
    ok = persistent_term:put({pterm_basic, fun_}, F),
    G = persistent_term:get({pterm_basic, fun_}),
    erlang:display(G(5)),
    ok = persistent_term:put({pterm_basic, a}, replaced),
    erlang:display(persistent_term:get({pterm_basic, a})),
    erlang:display(persistent_term:erase({pterm_basic, a})),
    erlang:display(persistent_term:erase({pterm_basic, a})),
    erlang:display(persistent_term:get({pterm_basic, a}, gone)),
    Mine = [K || {K, _} <- persistent_term:get(), is_tuple(K), element(1, K) =:= pterm_basic],
    erlang:display(lists:sort(Mine)),
    ok.
