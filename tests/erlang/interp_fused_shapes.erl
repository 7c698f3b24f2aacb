%% Edge cases of the superinstructions and constant-operand shapes the loader picks
%% (loader/translate_fused.cpp): each function below compiles to one of the fused patterns,
%% and is fed values that leave the fast path (bignums, floats, atoms, overflow).
-module(interp_fused_shapes).
-export([main/0]).

-define(MAX_SMALL, 576460752303423487).  % 2^59 - 1
-define(MIN_SMALL, -576460752303423488).

inc(X) -> X + 1.
dec(X) -> X - 1.
add_big(X) -> X + 1000000.
sub_neg(X) -> X - (-7).
times17(X) -> X * 17.
times_neg(X) -> X * -3.
mask(X) -> X band 255.

lt2(X) when X < 2 -> yes;
lt2(_) -> no.
ge0(X) when X >= 0 -> yes;
ge0(_) -> no.

is_ok(ok) -> true;
is_ok(_) -> false.
not_zero(X) when X =/= 0 -> true;
not_zero(_) -> false.
is_one(1) -> one;
is_one(_) -> other.

pair({A, B}) -> {B, A};
pair(nil) -> nil;
pair(Other) -> {other, Other}.

%% Two get_tuple_elements whose first destination is the tuple's own register.
swap_first({A, B, C}) -> {C, B, A}.
nested({{A, B}, C}) -> A + B + C.

len([_ | T]) -> 1 + len(T);
len([]) -> 0;
len(Improper) -> {improper, Improper}.

app([H | T], L) -> [H | app(T, L)];
app([], L) -> L.

tree(0) -> nil;
tree(D) -> {tree(D - 1), tree(D - 1)}.
count(nil) -> 1;
count({L, R}) -> 1 + count(L) + count(R).

moves(A, B, C) -> {C, A, B}.

catching(F) ->
    try F() of V -> {ok, V}
    catch C:R -> {C, R}
    end.

main() ->
    Ints = [0, 1, -1, ?MAX_SMALL, ?MIN_SMALL, ?MAX_SMALL + 1, ?MIN_SMALL - 1, 1 bsl 70, -(1 bsl 70)],
    Others = [1.5, -0.0, 2.0, atom, "s", <<"b">>, {t}, #{}, [1]],
    erlang:display([catching(fun() -> F(X) end)
                    || F <- [fun inc/1, fun dec/1, fun add_big/1, fun sub_neg/1,
                          fun times17/1, fun times_neg/1, fun mask/1],
                       X <- Ints ++ Others ++ [?MAX_SMALL div 17, ?MAX_SMALL div 17 + 1, ?MIN_SMALL div 17,
                                               ?MIN_SMALL div 17 - 1, ?MIN_SMALL div 3, -?MIN_SMALL div 3]]),
    erlang:display([{lt2(X), ge0(X)} || X <- Ints ++ Others ++ [1, 2, 1.999, 2.0, -0.5]]),
    erlang:display([{is_ok(X), not_zero(X), is_one(X)} || X <- [ok, 'Ok', 0, 0.0, 1, 1.0, -0.0, ok2, [], {}]]),
    erlang:display([pair(X) || X <- [{1, 2}, nil, {1, 2, 3}, {}, [a], 7]]),
    erlang:display([swap_first({a, b, c}), nested({{1, 2}, 3})]),
    erlang:display(catching(fun() -> nested({{1, x}, 3}) end)),
    erlang:display([len(lists:seq(1, 10)), len([]), len([a, b | c])]),
    erlang:display(app(lists:seq(1, 5), [x, y])),
    erlang:display(catching(fun() -> app([a | b], []) end)),
    erlang:display([count(tree(D)) || D <- lists:seq(0, 12)]),
    erlang:display(moves(1, 2, 3)),
    ok.
