%% Unary + is 0 + X in ERTS: every number unchanged except -0.0, which becomes 0.0 (found by
%% the differential fuzzer: beamrun returned -0.0).
-module(arith_unary_plus).
-export([main/0]).

id(X) -> X.

plus(X) -> + X.

main() ->
    Z = id(-0.0) * id(2.5),
    erlang:display([plus(id(-0.0)), plus(Z), + (id(274) * Z), erlang:'+'(id(-0.0)), plus(id(0.0)), plus(id(-1.5)),
                    plus(id(7)), plus(id(-(1 bsl 70))), - id(0.0), - plus(id(-0.0))]),
    erlang:display(try plus(id(a)) catch C:R -> {C, R} end),
    ok.
