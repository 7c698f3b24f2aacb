-module(float_display).
-export([main/0, id/1]).

%% erlang:display/1 of floats. Note: erlang:display writes floats in C's
%% "%.6e"-like form (1.500000e+00), not the shortest round-trip form.

id(X) -> X.

main() ->
    erlang:display(1.5),
    erlang:display(id(0.1)),
    erlang:display(id(-2.0)),
    erlang:display(id(0.0)),
    erlang:display(id(1.0e10)),
    erlang:display(id(1.0e-10)),
    erlang:display(id(123.456)),
    erlang:display(id(3.14159)),
    erlang:display(float(id(3))),
    erlang:display(float(id(-7))),
    erlang:display(id(1) / id(2)),
    erlang:display(id(1) / id(3)),
    erlang:display(id(10) / id(4)),
    erlang:display(id(-9) / id(3)),
    erlang:display([id(0.5), {id(2.5)}]),
    erlang:display(id(1.0e100)),
    ok.
