-module(map_update_assoc).
-export([main/0, id/1]).

%% M#{K => V}: adding and replacing keys, growing a flat map past 32 keys into a hash trie,
%% and adding to a hash trie.

id(X) -> X.

grow(M, I, N) when I > N -> M;
grow(M, I, N) -> grow(M#{I => I * I}, I + 1, N).

main() ->
    M0 = id(#{a => 1}),
    erlang:display(M0#{a => 2}),
    erlang:display(M0#{b => 2}),
    erlang:display(M0#{a => 2, b => 3, c => 4}),
    erlang:display(M0#{id(z) => last, id(a) => replaced}),
    erlang:display(M0#{a := 10}),
    %% The same value again: still equal.
    erlang:display(M0#{a => 1} =:= M0),
    %% Growth, one key at a time, around the 32-key border.
    M31 = grow(#{}, 1, 31),
    erlang:display(M31),
    M32 = M31#{32 => 1024},
    erlang:display(M32),
    M33 = M32#{33 => 1089},
    erlang:display(M33),
    M34 = M33#{34 => 1156},
    erlang:display(M34),
    erlang:display(M34#{1 => one}),
    %% Several new keys at once across the border.
    M30 = grow(#{}, 1, 30),
    erlang:display(M30#{101 => 1, 102 => 2, 103 => 3, 104 => 4, 105 => 5}),
    erlang:display(maps:size(M30#{101 => 1, 102 => 2, 103 => 3, 104 => 4, 105 => 5})),
    erlang:display(M30#{a => 1, b => 2}),
    %% A bigger map, grown by updates.
    Big = grow(#{}, 1, 200),
    erlang:display(map_size(Big)),
    erlang:display(maps:get(150, Big)),
    erlang:display(maps:keys(Big)),
    Big2 = Big#{150 => changed, 1000 => new},
    erlang:display({maps:get(150, Big2), maps:get(1000, Big2), map_size(Big2)}),
    erlang:display(maps:to_list(Big2) -- maps:to_list(Big)),
    %% The original is unchanged.
    erlang:display({maps:get(150, Big), maps:is_key(1000, Big)}),
    ok.
