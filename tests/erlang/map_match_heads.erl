-module(map_match_heads).
-export([main/0, id/1]).

%% Map patterns in function heads: several keys, literal and variable keys, nested patterns,
%% the empty pattern #{} (any map), and clauses falling through.

id(X) -> X.

kind(#{type := circle, r := R}) -> {circle, 3 * R * R};
kind(#{type := rect, w := W, h := H}) -> {rect, W * H};
kind(#{type := T}) -> {unknown, T};
kind(#{}) -> untyped;
kind(_) -> not_a_map.

get_key(K, M) ->
    case M of
        #{K := V} -> {found, V};
        _ -> missing
    end.

%% A key bound by an earlier argument can be used in a later pattern only in a case; here
%% the pattern key is a literal tuple with a bound part.
pair_key(#{{pair, 1} := A, {pair, 2} := B}) -> A + B;
pair_key(_) -> none.

nested(#{a := #{b := #{c := C}}}) -> C;
nested(#{a := #{b := B}}) -> {b, B};
nested(_) -> none.

both(#{x := X} = M, #{x := X}) -> {same_x, map_size(M)};
both(_, _) -> different.

main() ->
    erlang:display(kind(#{type => circle, r => 2})),
    erlang:display(kind(#{type => rect, w => 3, h => 4, extra => yes})),
    erlang:display(kind(#{type => rect, w => 3})),
    erlang:display(kind(#{other => 1})),
    erlang:display(kind(#{})),
    erlang:display(kind([type])),
    erlang:display(get_key(a, #{a => 1})),
    erlang:display(get_key(1, #{1.0 => float})),
    erlang:display(get_key(1.0, #{1.0 => float})),
    erlang:display(get_key({k}, #{{k} => tuple})),
    erlang:display(get_key(b, #{a => 1})),
    erlang:display(pair_key(#{{pair, 1} => 10, {pair, 2} => 20})),
    erlang:display(pair_key(#{{pair, 1} => 10})),
    erlang:display(nested(#{a => #{b => #{c => 42}}})),
    erlang:display(nested(#{a => #{b => 7}})),
    erlang:display(nested(#{a => 1})),
    erlang:display(both(#{x => 1, y => 2}, #{x => 1})),
    erlang:display(both(#{x => 1}, #{x => 2})),
    Big = maps:from_list([{I, I * 2} || I <- lists:seq(1, 50)]),
    erlang:display(get_key(37, Big)),
    erlang:display(get_key(51, Big)),
    erlang:display(kind(Big#{type => circle, r => 1})),
    ok.
