-module(gc_deep_wide).
-export([main/0, id/1]).

%% Deep and wide live structures held across many collections caused by
%% short-lived garbage: a 100,000-deep nested tuple, a 200,000-element list
%% of small tuples, a 50,000-element tuple, a 20,000-key map and a deep list
%% of lists. Every structure is checked (size and phash2) after the churn,
%% and again after the garbage has grown it into the old generation.

id(X) -> X.

main() ->
    Deep = nest(id(100000), leaf),
    Long = [{I, I * I} || I <- lists:seq(1, id(200000))],
    Wide = list_to_tuple(lists:seq(1, id(50000))),
    Map = maps:from_list([{K, integer_to_list(K)} || K <- lists:seq(1, id(20000))]),
    DeepList = deep_list(id(20000), []),
    All = {Deep, Long, Wide, Map, DeepList},
    H0 = erlang:phash2(All),
    report(All),
    churn(id(300), 0),
    report(All),
    erlang:display(erlang:phash2(All) =:= H0),
    %% Replace parts while others stay old: old and young terms mixed in one structure.
    All2 = setelement(2, All, lists:reverse(Long)),
    churn(id(100), 0),
    erlang:display({erlang:phash2(element(2, All2)) =:= erlang:phash2(lists:reverse(Long)),
                    element(1, All2) =:= Deep}),
    ok.

nest(0, Acc) -> Acc;
nest(N, Acc) -> nest(N - 1, {N, Acc}).

depth({_, T}, D) -> depth(T, D + 1);
depth(leaf, D) -> D.

deep_list(0, Acc) -> Acc;
deep_list(N, Acc) -> deep_list(N - 1, [Acc, N]).

deep_list_len([Inner, _N], D) -> deep_list_len(Inner, D + 1);
deep_list_len([], D) -> D.

report({Deep, Long, Wide, Map, DeepList}) ->
    erlang:display({depth(Deep, 0), length(Long), tuple_size(Wide), map_size(Map),
                    deep_list_len(DeepList, 0)}),
    erlang:display({erlang:phash2(Deep), erlang:phash2(Long), erlang:phash2(Wide),
                    erlang:phash2(Map), erlang:phash2(DeepList)}),
    erlang:display({element(25000, Wide), lists:nth(150000, Long), maps:get(12345, Map)}).

%% Garbage: lists, tuples, floats and binaries that die at once.
churn(0, Acc) -> Acc;
churn(N, Acc) ->
    L = lists:seq(1, 500),
    T = list_to_tuple(L),
    F = [float(X) / 3 || X <- lists:sublist(L, 50)],
    B = list_to_binary(lists:duplicate(10, "garbage")),
    churn(N - 1, Acc + tuple_size(T) + length(F) + byte_size(B)).
