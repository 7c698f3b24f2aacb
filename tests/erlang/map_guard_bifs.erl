-module(map_guard_bifs).
-export([main/0, id/1]).

%% The map BIFs in guards fail silently for non-maps; outside guards they raise {badmap, _}.

id(X) -> X.

g1(M) when map_size(M) > 1 -> many;
g1(M) when map_size(M) =:= 1 -> one;
g1(_) -> other.

g2(K, M) when is_map_key(K, M) -> has;
g2(_, _) -> hasnt.

g3(M) when map_get(x, M) =:= 1 -> x1;
g3(_) -> nope.

g4(M) when is_map(M) andalso (map_size(M) > 0 orelse is_map_key(z, M)) -> nonempty;
g4(_) -> empty_or_not_map.

st(St) -> [{M, F, A} || {M, F, A, _} <- St, M =:= ?MODULE orelse M =:= erlang].

main() ->
    erlang:display([g1(X) || X <- [#{a => 1, b => 2}, #{a => 1}, #{}, [], 7]]),
    erlang:display([g2(K, M) || {K, M} <- [{a, #{a => 1}}, {b, #{a => 1}}, {a, notmap}, {1.0, #{1 => x}}]]),
    erlang:display([g3(X) || X <- [#{x => 1}, #{x => 2}, #{}, nomap]]),
    erlang:display([g4(X) || X <- [#{}, #{a => 1}, x]]),
    Big = maps:from_list([{I, I} || I <- lists:seq(1, 40)]),
    erlang:display({g1(Big), g2(40, Big), g2(41, Big)}),
    erlang:display(try map_size(id(x)) catch error:R1:S1 -> {R1, st(S1)} end),
    erlang:display(try is_map_key(a, id(x)) catch error:R2:S2 -> {R2, st(S2)} end),
    erlang:display(try map_get(a, id(#{})) catch error:R3:S3 -> {R3, st(S3)} end),
    erlang:display(try map_get(a, id(x)) catch error:R4:S4 -> {R4, st(S4)} end),
    ok.
