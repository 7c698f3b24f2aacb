-module(proc_msg_copy).
-export([main/0, id/1]).

%% Message copying: deep and shared structures sent to an echo process and back compare
%% =:= with the original; flat maps and hash maps (keys stay in the same order); bignums,
%% floats, closures (with captured terms, still callable after the round trip), pids and
%% refs inside messages; a term that shares subterms many times (BEAM copies it as a tree;
%% whatever the copy does, it must compare equal); messages received by a process whose heap is full of garbage.

id(X) -> X.

round_trip(E, T) -> test_support:round_trip(E, T).

shared(0, T) -> T;
shared(N, T) -> shared(N - 1, {T, T}).

deep_list(0) -> [];
deep_list(N) -> [N, [deep_list(N - 1)], {N}].

main() ->
    E = spawn(fun test_support:echo/0),
    Closure = fun(X) -> X + length(id(lists:seq(1, 10))) end,
    Big = lists:seq(1, 50000),
    Terms = [ok, 1, 1 bsl 64, -(1 bsl 1000), 1.0e300, -2.5, "a string", [],
             {a, [b, {c, <<"d">>}], #{e => f}},
             Big,
             list_to_tuple(lists:seq(1, 1000)),
             deep_list(500),
             maps:from_list([{K, {val, K}} || K <- lists:seq(1, 20)]),
             maps:from_list([{K, {val, K}} || K <- lists:seq(1, 1000)]),
             maps:from_list([{{key, integer_to_list(K)}, K} || K <- lists:seq(1, 100)]),
             #{<<"bin key">> => [1, 2], 1.0 => float, 1 => integer},
             [1 | improper], [[[[[]]]]],
             {self(), make_ref(), node()},
             Closure, fun lists:sum/1, fun() -> Big end],
    Back = [round_trip(E, T) || T <- Terms],
    erlang:display([T =:= B || {T, B} <- lists:zip(Terms, Back)]),
    %% Map keys come back in the same order.
    erlang:display([maps:keys(T) =:= maps:keys(B) || {T, B} <- lists:zip(Terms, Back), is_map(T)]),
    %% Closures still work, with their captured environment.
    [_, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, C1, C2, C3] = Back,
    erlang:display({C1(5), C2([1, 2, 3]), length(C3()), C3() =:= Big}),
    %% A term with 2^16 leaves that shares subterms: copied leaf for leaf.
    S = shared(16, {leaf, 1.5}),
    SB = round_trip(E, S),
    erlang:display({SB =:= S, count_leaves(SB)}),
    %% Many small messages into a process that makes garbage while receiving.
    Self = self(),
    G = spawn(fun() -> Self ! {gsum, garbage_receiver(0, 0)} end),
    [G ! {n, I, lists:seq(1, I rem 50)} || I <- lists:seq(1, 5000)],
    G ! done,
    receive {gsum, GS} -> erlang:display(GS) end,
    %% A message with a list of 100 big binaries and maps, twice through the echo.
    L = [{I, binary:copy(<<I:8>>, 100 + I), #{I => I}} || I <- lists:seq(1, 100)],
    erlang:display(round_trip(E, round_trip(E, L)) =:= L),
    E ! stop,
    ok.

count_leaves({leaf, _}) -> 1;
count_leaves({A, B}) -> count_leaves(A) + count_leaves(B).

garbage_receiver(Sum, Len) ->
    receive
        done -> {Sum, Len};
        {n, I, L} ->
            _ = lists:reverse(lists:seq(1, 100)),
            garbage_receiver(Sum + I, Len + length(L))
    end.
