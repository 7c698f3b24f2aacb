-module(map_construct).
-export([main/0, id/1]).

%% Building maps: literals, keys and values from variables, duplicate keys at run time,
%% nesting, and the exact key order of small (flat) maps with mixed key types.

id(X) -> X.

main() ->
    erlang:display(#{}),
    erlang:display(#{a => 1}),
    erlang:display(#{b => 2, a => 1, c => 3}),
    A = id(1), B = id(2.0), C = id(three),
    erlang:display(#{A => x, B => y, C => z}),
    erlang:display(#{x => A, y => B, z => C}),
    %% Keys equal at run time: the later one wins.
    K1 = id(k), K2 = id(k),
    erlang:display(#{K1 => first, K2 => second}),
    erlang:display(#{1 => int, 1.0 => float}),
    erlang:display(#{id(1) => int, id(1.0) => float, id(1) => int2}),
    %% Key order: number < atom < reference < fun < port < pid < tuple < map < nil < list < bitstring,
    %% integers before floats of the same value.
    M = #{[] => nil, "abc" => string, {1, 2} => tuple, 2 => two, 1.5 => onehalf, 1 => one,
          1.0 => onef, zeta => atom, alpha => atom2, <<"bin">> => bin, #{k => v} => map,
          [1 | 2] => improper, {} => empty_tuple, -5 => neg, 100000000000000000000 => big},
    erlang:display(M),
    erlang:display(maps:keys(M)),
    erlang:display(maps:values(M)),
    erlang:display(map_size(M)),
    %% Nested maps and maps in other terms.
    N = #{outer => #{inner => #{deep => [1, 2, 3]}}, list => [#{a => 1}, #{b => 2}]},
    erlang:display(N),
    erlang:display({N, [N]}),
    %% A map built from many variables.
    Vs = [id(I) || I <- lists:seq(1, 10)],
    [V1, V2, V3, V4, V5, V6, V7, V8, V9, V10] = Vs,
    erlang:display(#{V1 => V10, V2 => V9, V3 => V8, V4 => V7, V5 => V6,
                     V6 => V5, V7 => V4, V8 => V3, V9 => V2, V10 => V1}),
    %% Exactly 32 keys stays flat (sorted), 33 becomes a hash trie.
    erlang:display(maps:from_list([{I, I} || I <- lists:seq(32, 1, -1)])),
    erlang:display(maps:from_list([{I, I} || I <- lists:seq(33, 1, -1)])),
    ok.
