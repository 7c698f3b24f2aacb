-module(float_badarith_edges).
-export([main/0]).

%% Float arithmetic raises badarith exactly when the result is infinite or NaN (overflow,
%% 0.0/0.0, division by zero or -0.0); underflow quietly gives 0.0. Both the BIF path (erlang:'*'
%% on terms) and the compiled float-register path (fmul after is_float guards) are checked.

id(X) -> X.

%% The top frame, its file name left out (it depends on how erlc was invoked).
t(F) ->
    try F()
    catch C:R:S ->
        [{M, Fn, A, Loc} | _] = S,
        {C, R, {M, Fn, A, lists:keydelete(file, 1, Loc)}}
    end.

%% Guards make the compiler use float registers (fconv/fmul/fdiv...).
fmul(X, Y) when is_float(X), is_float(Y) -> X * Y.
fdiv(X, Y) when is_float(X), is_float(Y) -> X / Y.
fadd(X, Y) when is_float(X) -> X + Y.
fsub(X, Y) when is_float(X), is_float(Y) -> X - Y * 2.0.
poly(X) when is_float(X) -> X * X * X + 2.0 * X - 1.0.

main() ->
    Cases = [fun() -> id(1.0e308) * id(10) end,
             fun() -> id(1.0e308) + id(1.0e308) end,
             fun() -> id(-1.0e308) - id(1.0e308) end,
             fun() -> id(0.0) / id(0.0) end,
             fun() -> id(1) / id(0) end,
             fun() -> id(1) / id(-0.0) end,
             fun() -> id(1.0) / id(0) end,
             fun() -> id(5.0e-324) / id(2) end,
             fun() -> id(1.0e-320) * id(1.0e-10) end,
             fun() -> id(1.0e-300) * id(1.0e-300) end,
             fun() -> fmul(id(1.0e200), id(1.0e200)) end,
             fun() -> fmul(id(1.0e-200), id(-1.0e-200)) end,
             fun() -> fdiv(id(1.0), id(0.0)) end,
             fun() -> fdiv(id(0.0), id(0.0)) end,
             fun() -> fdiv(id(1.0), id(3.0)) end,
             fun() -> fadd(id(1.0), id(1 bsl 64)) end,
             fun() -> fadd(id(1.0), id(1 bsl 1100)) end,
             fun() -> fadd(id(1.0), id(a)) end,
             fun() -> fsub(id(1.7976931348623157e308), id(-1.7976931348623157e308)) end,
             fun() -> poly(id(1.0e103)) end,
             fun() -> poly(id(2.0)) end,
             fun() -> -id(0.0) end,
             fun() -> id(a) * id(2.0) end],
    [erlang:display(case t(F) of
                        {C, R, {M, Fn, _, _}} -> {C, R, M, Fn};
                        V -> float_to_list(V, [short])
                    end) || F <- Cases],
    erlang:display(t(fun() -> id(1.0e308) * id(10) end)),
    erlang:display(t(fun() -> id(0.0) / id(0.0) end)),
    erlang:display(t(fun() -> fmul(id(1.0e200), id(1.0e200)) end)),
    erlang:display(t(fun() -> fadd(id(1.0), id(1 bsl 1100)) end) =/= ok),
    ok.
