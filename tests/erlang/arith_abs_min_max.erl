-module(arith_abs_min_max).
-export([main/0, id/1]).

%% abs/1, min/2, max/2, including mixed types (term order decides).

id(X) -> X.

main() ->
    erlang:display([abs(X) || X <- id([0, 5, -5, -576460752303423487, 576460752303423487])]),
    erlang:display({min(id(3), id(7)), max(id(3), id(7))}),
    erlang:display({min(id(-3), id(-7)), max(id(-3), id(-7))}),
    erlang:display({min(id(1), id(a)), max(id(1), id(a))}),
    erlang:display({min(id(a), id(b)), max(id(a), id(b))}),
    erlang:display({min(id({1}), id([])), max(id({1}), id([]))}),
    erlang:display({min(id([]), id([1])), max(id([]), id([1]))}),
    erlang:display({min(id({1, 2}), id({3})), max(id({1, 2}), id({3}))}),
    erlang:display({min(id("abc"), id("abd")), max(id("abc"), id("abd"))}),
    erlang:display({min(id(zebra), id({})), max(id(zebra), id({}))}),
    erlang:display({min(id(x), id(x)), max(id(5), id(5))}),
    erlang:display(list_min(id([4, 9, -2, 7, 0, -2, 11]))),
    erlang:display(list_max(id([4, 9, -2, 7, 0, 11, 3]))),
    erlang:display(list_max(id([b, {a}, 99, [], "z", a]))),
    erlang:display(list_min(id([b, {a}, 99, [], "z", a]))),
    erlang:display(clamp(id(-50), 0, 10)),
    erlang:display(clamp(id(50), 0, 10)),
    erlang:display(clamp(id(5), 0, 10)),
    erlang:display(try abs(id(foo)) catch error:R:St -> {R, st(St)} end),
    erlang:display(try min(id(1), id(2)) + max(id(a), id(1)) catch error:R2 -> R2 end),
    ok.

st(St) -> test_support:st(?MODULE, St).

list_min([H | T]) -> list_min(T, H).

list_min([], M) -> M;
list_min([H | T], M) -> list_min(T, min(H, M)).

list_max([H | T]) -> list_max(T, H).

list_max([], M) -> M;
list_max([H | T], M) -> list_max(T, max(H, M)).

clamp(X, Lo, Hi) -> max(Lo, min(X, Hi)).
