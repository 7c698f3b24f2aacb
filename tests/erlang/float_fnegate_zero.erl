%% The float negation instruction (fnegate, emitted when the operand is known to be a float) is
%% 0.0 - X in ERTS: both zeros become 0.0, while erlang:'-'/1 on an unknown term turns 0.0 into
%% -0.0 (found by the differential fuzzer: beamrun's fnegate gave -0.0 for 0.0).
-module(float_fnegate_zero).
-export([main/0]).

id(X) -> X.

fneg(X) when is_float(X) -> -X.
fneg_int(X) -> - float(X band 2).
neg(X) -> - X.

main() ->
    erlang:display([fneg(id(0.0)), fneg(id(-0.0)), fneg(id(1.5)), fneg(id(-2.5)), fneg_int(id(0)), fneg_int(id(2)),
                    neg(id(0.0)), neg(id(-0.0)), neg(id(0)), neg(id(3.0))]),
    ok.
