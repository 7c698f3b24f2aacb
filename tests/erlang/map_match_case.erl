-module(map_match_case).
-export([main/0, id/1]).

%% Map patterns in case, match expressions and guards (is_map_key, map_get, map_size).

id(X) -> X.

classify(M) ->
    case M of
        #{status := ok, value := V} when is_integer(V), V > 10 -> {big, V};
        #{status := ok, value := V} -> {small, V};
        #{status := error} = E -> {error, maps:get(reason, E, unknown)};
        #{} when map_size(M) =:= 0 -> empty;
        #{} -> other_map;
        _ -> not_a_map
    end.

guard(M) when is_map_key(a, M), map_get(a, M) > 1 -> a_big;
guard(M) when is_map_key(a, M) -> has_a;
guard(M) when is_map(M), map_size(M) > 2 -> large;
guard(M) when is_map(M) -> small;
guard(_) -> no.

main() ->
    erlang:display(classify(#{status => ok, value => 20})),
    erlang:display(classify(#{status => ok, value => 2})),
    erlang:display(classify(#{status => ok, value => x})),
    erlang:display(classify(#{status => error, reason => timeout})),
    erlang:display(classify(#{status => error})),
    erlang:display(classify(#{})),
    erlang:display(classify(#{other => 1})),
    erlang:display(classify(42)),
    erlang:display([guard(X) || X <- [#{a => 5}, #{a => 0}, #{b => 1, c => 2, d => 3}, #{b => 1}, nomap, [a]]]),
    #{a := A, b := B} = id(#{a => 1, b => 2, c => 3}),
    erlang:display({A, B}),
    K = id(c),
    #{K := C} = id(#{a => 1, b => 2, c => 3}),
    erlang:display(C),
    R = try #{zz := _} = id(#{a => 1}) catch error:E -> E end,
    erlang:display(R),
    R2 = try #{a := 2} = id(#{a => 1}) catch error:E2 -> E2 end,
    erlang:display(R2),
    Big = maps:from_list([{{k, I}, I} || I <- lists:seq(1, 40)]),
    case Big of
        #{{k, 7} := Seven, {k, 40} := Forty} -> erlang:display({Seven, Forty})
    end,
    erlang:display(case Big of #{{k, 41} := _} -> yes; _ -> no end),
    ok.
