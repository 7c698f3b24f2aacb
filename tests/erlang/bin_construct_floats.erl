-module(bin_construct_floats).
-export([main/0, id/1]).

%% Float segments of 16, 32 and 64 bits, big and little endian, from floats
%% and integers; values that overflow the narrow formats become infinity;
%% half-precision rounding and subnormals.

id(X) -> X.

main() ->
    Vals = [0.0, -0.0, 1.0, -1.5, 0.1, 3.141592653589793, 1.0e10, -2.5e-3,
            65504.0, 65520.0, 70000.0, 6.0e-8, 5.960464477539063e-8, 2.0e-8,
            1.0e38, 3.5e38, 1.0e300, 1.0e-300, 1.401298464324817e-45, 1, -7, 1 bsl 60, 1 bsl 200],
    [erlang:display({V, f64(id(V)), f32(id(V)), f16(id(V)), f64l(id(V)), f32l(id(V)), f16l(id(V))}) || V <- Vals],
    erlang:display(<<(id(1.5))/float, (id(2.5)):32/float, (id(1)):16/float-little>>),
    erlang:display(<<(id(1.0)):4/float-unit:16>>),
    erlang:display(<<1:1, (id(1.0)):32/float, 0:7>>),
    ok.

f64(V) -> <<V:64/float>>.
f32(V) -> <<V:32/float>>.
f16(V) -> <<V:16/float>>.
f64l(V) -> <<V:64/float-little>>.
f32l(V) -> <<V:32/float-little>>.
f16l(V) -> <<V:16/float-little>>.
