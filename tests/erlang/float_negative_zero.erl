-module(float_negative_zero).
-export([main/0]).

%% -0.0 in OTP 25: equal to 0.0 under both == and =:=, printed with its sign, produced by
%% negation and multiplication, kept by abs/1 (ERTS only negates values below zero), and
%% matched by a 0.0 pattern.

id(X) -> X.

sh(F) -> float_to_list(F, [short]).

kind(0.0) -> zero;
kind(_) -> other.

main() ->
    Z = id(0.0),
    N = -Z,
    erlang:display(N),
    erlang:display(sh(N)),
    erlang:display(float_to_list(N)),
    erlang:display(float_to_list(N, [{decimals, 2}])),
    erlang:display(float_to_binary(N, [short])),
    erlang:display({N == Z, N =:= Z, N /= Z, N =/= Z, N < Z, N > Z, N =< Z}),
    erlang:display({N == 0, N =:= 0, 0 == N}),
    erlang:display(sh(Z * id(-1))),
    erlang:display(sh(id(-1.0) * Z)),
    erlang:display(sh(N + Z)),
    erlang:display(sh(N - Z)),
    erlang:display(sh(N + N)),
    erlang:display(sh(Z - Z)),
    erlang:display(sh(N * N)),
    erlang:display(sh(abs(N))),
    erlang:display(sh(abs(id(-1.5)))),
    erlang:display(sh(float(id(0)))),
    erlang:display({trunc(N), round(N), ceil(N), floor(N)}),
    erlang:display(sh(id(-1.0e-320) * id(1.0e-10))),
    erlang:display(sh(list_to_float(id("-0.0")))),
    erlang:display(kind(N)),
    erlang:display(kind(Z)),
    erlang:display([sh(X) || X <- lists:sort([Z, N, id(-1.0), id(1.0)])]),
    erlang:display(lists:usort([Z, N]) =:= [Z] orelse lists:usort([Z, N]) =:= [N]),
    erlang:display(sh(math:sqrt(N))),
    erlang:display(sh(math:floor(id(-0.5)))),
    erlang:display(sh(math:atan2(N, id(-1.0)))),
    erlang:display(sh(max(N, Z))),
    erlang:display(sh(min(Z, N))),
    ok.
