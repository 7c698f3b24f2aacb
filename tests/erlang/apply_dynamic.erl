-module(apply_dynamic).
-export([main/0, id/1, double/1, add/2, dispatch/2, zero/0]).

%% apply/3 with module and function names computed at run time, calls
%% through a variable module (M:F(Args)), ?MODULE calls, apply of BIFs.

id(X) -> X.

double(X) -> X * 2.
add(A, B) -> A + B.
zero() -> 0.

dispatch(Op, Args) -> apply(?MODULE, Op, Args).

main() ->
    erlang:display(apply(?MODULE, double, [id(21)])),
    erlang:display(apply(id(?MODULE), id(add), id([2, 3]))),
    erlang:display(apply(id(?MODULE), id(zero), [])),
    M = id(lists),
    erlang:display(M:reverse(id([1, 2, 3]))),
    F = id(seq),
    erlang:display(lists:F(1, 5)),
    erlang:display(M:F(id(3), id(6))),
    erlang:display(apply(erlang, id(element), [2, {a, b, c}])),
    erlang:display(apply(erlang, '+', id([40, 2]))),
    erlang:display(apply(erlang, id(length), [id([a, b])])),
    erlang:display(apply(erlang, atom_to_list, [id(apply)])),
    Name = list_to_atom(id("dou") ++ id("ble")),
    erlang:display(apply(?MODULE, Name, [id(50)])),
    erlang:display(dispatch(id(add), [id(10), id(20)])),
    erlang:display([apply(?MODULE, Op, Args) || {Op, Args} <- id([{double, [1]}, {add, [1, 1]}, {zero, []}])]),
    erlang:display(?MODULE:double(id(7))),
    erlang:display(run_pipeline(id([{?MODULE, double}, {?MODULE, double}, {erlang, abs}]), id(-3))),
    erlang:display(catch_apply(?MODULE, double, [a])),
    erlang:display(catch_apply(?MODULE, double, [])),
    erlang:display(catch_apply(id("notamodule"), double, [1])),
    erlang:display(catch_apply(?MODULE, id(42), [1])),
    ok.

run_pipeline([], X) -> X;
run_pipeline([{M, F} | T], X) -> run_pipeline(T, M:F(X)).

catch_apply(M, F, A) ->
    try apply(M, F, A) of
        V -> {ok, V}
    catch
        C:R -> {C, R}
    end.
