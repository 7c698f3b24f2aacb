-module(arith_div_rem_neg).
-export([main/0, id/1]).

%% div truncates towards zero; rem takes the sign of the dividend.
%% A VM that implements div by power-of-two as an arithmetic shift gets
%% negative dividends wrong, so literal divisors are tested too.

id(X) -> X.

main() ->
    Pairs = [{7, 2}, {-7, 2}, {7, -2}, {-7, -2},
             {0, 5}, {0, -5}, {1, 3}, {-1, 3}, {1, -3}, {-1, -3},
             {6, 3}, {-6, 3}, {6, -3}, {-6, -3},
             {5, 7}, {-5, 7}, {100, -7}, {-100, 7},
             {17, 1}, {17, -1}, {-17, -1},
             {576460752303423487, 10}, {-576460752303423487, 10},
             {576460752303423487, -576460752303423487},
             {576460752303423487, 1000000007}],
    show(id(Pairs)),
    erlang:display(check(id(Pairs))),
    X = id(-7),
    erlang:display({X div 2, X rem 2, X div 4, X rem 4, X div 8, X rem 8}),
    Y = id(-8),
    erlang:display({Y div 2, Y rem 2, Y div 4, Y rem 4, Y div 16, Y rem 16}),
    Z = id(13),
    erlang:display({Z div -2, Z rem -2, Z div 10, Z rem 10}),
    erlang:display(digits(id(9081726354), [])),
    erlang:display(digits(id(-9081726354), [])),
    ok.

show([]) -> ok;
show([{A, B} | T]) ->
    erlang:display({A, B, A div B, A rem B}),
    show(T).

%% (A div B) * B + A rem B =:= A for every pair.
check([]) -> all_ok;
check([{A, B} | T]) ->
    case (A div B) * B + A rem B of
        A -> check(T);
        Other -> {mismatch, A, B, Other}
    end.

digits(N, Acc) when N < 0 -> [minus | digits(-N, Acc)];
digits(N, Acc) when N < 10 -> [N | Acc];
digits(N, Acc) -> digits(N div 10, [N rem 10 | Acc]).
