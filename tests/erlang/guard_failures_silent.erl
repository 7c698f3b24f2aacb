-module(guard_failures_silent).
-export([main/0, id/1]).

%% An exception inside a guard never escapes: the guard (or the current
%% alternative of a ';' guard) simply fails, and the next clause is tried.

id(X) -> X.

main() ->
    Inputs = id([5, -5, a, [1, 2], {x}, "abc", [], {1, 2, 3}, 0]),
    erlang:display([arith_guard(X) || X <- Inputs]),
    erlang:display([bif_guard(X) || X <- Inputs]),
    erlang:display([semicolon_guard(X) || X <- Inputs]),
    erlang:display([case_guard(X) || X <- Inputs]),
    erlang:display([if_guard(X) || X <- Inputs]),
    ok.

arith_guard(X) when X + 1 > 0 -> positive_after_inc;
arith_guard(X) when X * 2 < 0 -> negative_double;
arith_guard(_) -> not_a_number.

bif_guard(X) when length(X) >= 2 -> long_list;
bif_guard(X) when tuple_size(X) >= 2 -> big_tuple;
bif_guard(X) when hd(X) =:= $a -> starts_with_a;
bif_guard(X) when element(1, X) =:= x -> x_tagged;
bif_guard(X) when abs(X) > 1 -> big_abs;
bif_guard(_) -> nothing.

%% the first alternative raises for non-numbers, the second is still tried
semicolon_guard(X) when X div 1 =:= 0; is_atom(X) -> zero_or_atom;
semicolon_guard(X) when X rem 2 =:= 1; length(X) =:= 0 -> odd_or_empty;
semicolon_guard(_) -> other.

case_guard(X) ->
    case X of
        _ when element(2, X) =:= 2 -> second_is_2;
        _ when length(X) =:= 3 -> three_elements;
        _ when X - 5 =:= 0 -> five;
        _ -> default
    end.

if_guard(X) ->
    if
        X band 1 =:= 1 -> odd_int;
        tl(X) =:= [2] -> tail_is_2;
        true -> fallback
    end.
