-module(list_basic).
-export([main/0, id/1]).

%% Building and taking apart lists: cons, hd/tl, length, nested lists,
%% matching on several heads at once.

id(X) -> X.

main() ->
    L = id([1, 2, 3, 4, 5]),
    erlang:display(hd(L)),
    erlang:display(tl(L)),
    erlang:display(hd(tl(tl(L)))),
    erlang:display(length(L)),
    erlang:display(length(id([]))),
    erlang:display([0 | L]),
    erlang:display([id(a), id(b) | L]),
    erlang:display(length(lists:seq(1, id(100000)))),
    erlang:display(take(3, L)),
    erlang:display(drop(3, L)),
    erlang:display(last(L)),
    erlang:display(pairs(L)),
    erlang:display(interleave(id([a, b, c]), id([1, 2, 3]))),
    erlang:display(dup(id([x, y]))),
    erlang:display(nth_tail(id(2), L)),
    erlang:display(count_matching(id([a, b, a, c, a]), a)),
    erlang:display(first_two(id([only]))),
    erlang:display(first_two(id([p, q, r]))),
    erlang:display(first_two(id([]))),
    erlang:display(length(id([[1, 2], [3], []]))),
    ok.

take(0, _) -> [];
take(_, []) -> [];
take(N, [H | T]) -> [H | take(N - 1, T)].

drop(0, L) -> L;
drop(_, []) -> [];
drop(N, [_ | T]) -> drop(N - 1, T).

last([X]) -> X;
last([_ | T]) -> last(T).

pairs([A, B | T]) -> [{A, B} | pairs(T)];
pairs([A]) -> [{A}];
pairs([]) -> [].

interleave([], Ys) -> Ys;
interleave([X | Xs], Ys) -> [X | interleave(Ys, Xs)].

dup([]) -> [];
dup([H | T]) -> [H, H | dup(T)].

nth_tail(0, L) -> L;
nth_tail(N, [_ | T]) -> nth_tail(N - 1, T).

count_matching(L, X) -> count_matching(L, X, 0).

count_matching([], _, N) -> N;
count_matching([X | T], X, N) -> count_matching(T, X, N + 1);
count_matching([_ | T], X, N) -> count_matching(T, X, N).

first_two([A, B | _]) -> {two, A, B};
first_two([A]) -> {one, A};
first_two([]) -> none.
