-module(list_flatten_zip).
-export([main/0, id/1]).

%% Hand-written list utilities: flatten of deep lists, zip/unzip,
%% partition, group into chunks, run-length encoding, interleaving.

id(X) -> X.

main() ->
    Deep = id([1, [2, [3, [4, []]], 5], [[[[6]]]], [], 7]),
    erlang:display(flatten(Deep)),
    erlang:display(depth(Deep)),
    erlang:display(zip(id([a, b, c]), id([1, 2, 3]))),
    erlang:display(unzip(zip(id([a, b, c]), id([1, 2, 3])))),
    erlang:display(partition(id(lists:seq(1, 12)))),
    erlang:display(chunks(id(lists:seq(1, 10)), 3)),
    erlang:display(rle(id("aaabccddddde"))),
    erlang:display(unrle(rle(id("aaabccddddde")))),
    erlang:display(enumerate(id([x, y, z]))),
    erlang:display(sliding(id([1, 2, 3, 4, 5]))),
    erlang:display(flatten(deep_build(id(12)))),
    erlang:display(length(flatten(deep_build(id(2000))))),
    ok.

flatten(L) -> flatten(L, []).

flatten([], Tail) -> Tail;
flatten([H | T], Tail) when is_list(H) -> flatten(H, flatten(T, Tail));
flatten([H | T], Tail) -> [H | flatten(T, Tail)].

depth(L) when is_list(L) -> 1 + max_depth(L, 0);
depth(_) -> 0.

max_depth([], M) -> M;
max_depth([H | T], M) -> max_depth(T, max(M, depth(H))).

zip([X | Xs], [Y | Ys]) -> [{X, Y} | zip(Xs, Ys)];
zip([], []) -> [].

unzip(L) -> {[X || {X, _} <- L], [Y || {_, Y} <- L]}.

partition(L) -> partition(L, [], []).

partition([], E, O) -> {lists:reverse(E), lists:reverse(O)};
partition([X | T], E, O) when X rem 2 =:= 0 -> partition(T, [X | E], O);
partition([X | T], E, O) -> partition(T, E, [X | O]).

chunks([], _) -> [];
chunks(L, N) ->
    {C, Rest} = split_at(L, N, []),
    [C | chunks(Rest, N)].

split_at(L, 0, Acc) -> {lists:reverse(Acc), L};
split_at([], _, Acc) -> {lists:reverse(Acc), []};
split_at([H | T], N, Acc) -> split_at(T, N - 1, [H | Acc]).

rle([]) -> [];
rle([H | T]) -> rle(T, H, 1, []).

rle([H | T], H, N, Acc) -> rle(T, H, N + 1, Acc);
rle([H | T], C, N, Acc) -> rle(T, H, 1, [{C, N} | Acc]);
rle([], C, N, Acc) -> lists:reverse([{C, N} | Acc]).

unrle([]) -> [];
unrle([{_, 0} | T]) -> unrle(T);
unrle([{C, N} | T]) -> [C | unrle([{C, N - 1} | T])].

enumerate(L) -> enumerate(L, 1).

enumerate([], _) -> [];
enumerate([H | T], I) -> [{I, H} | enumerate(T, I + 1)].

sliding([A, B | T]) -> [[A, B] | sliding([B | T])];
sliding(_) -> [].

deep_build(0) -> [];
deep_build(N) when N rem 3 =:= 0 -> [[N], deep_build(N - 1)];
deep_build(N) -> [N | deep_build(N - 1)].
