-module(bin_match_floats).
-export([main/0, id/1]).

%% Matching floats of 16, 32, 64 bits in both byte orders, at odd offsets;
%% infinities and NaNs do not match, a float of size 0 is 0.0.

id(X) -> X.

main() ->
    Fs = [0.0, 1.0, -2.5, 0.1, 123456.789, 1.0e-310, 6.103515625e-5, 65504.0],
    [erlang:display({F, m64(<<(id(F)):64/float>>), m32(<<(id(F)):32/float>>), m16(<<(id(F)):16/float>>),
                     ml(<<(id(F)):64/float-little>>)}) || F <- Fs],
    Special = [<<16#7FF0000000000000:64>>, <<16#FFF0000000000000:64>>, <<16#7FF8000000000000:64>>,
               <<16#7F800000:32>>, <<16#7FC00000:32>>, <<16#7C00:16>>, <<16#FE00:16>>, <<16#0001:16>>,
               <<16#8001:16>>, <<16#3C00:16>>, <<16#00000001:32>>],
    [erlang:display({S, m64(S), m32(S), m16(S)}) || S <- Special],
    erlang:display([odd(id(<<1:3, (id(F)):64/float, 0:5>>)) || F <- [1.5, -0.25]]),
    erlang:display([sized(id(<<1,2,3,4,5,6,7,8,9>>), S) || S <- [0, 8, 16, 24, 32, 64]]),
    ok.

m64(<<F:64/float>>) -> F; m64(_) -> nomatch.
m32(<<F:32/float>>) -> F; m32(_) -> nomatch.
m16(<<F:16/float>>) -> F; m16(_) -> nomatch.
ml(<<F:64/float-little>>) -> F; ml(_) -> nomatch.
odd(<<_:3, F/float, _:5>>) -> F.
sized(B, S) -> case B of <<X:S/float, R/bits>> -> {X, R}; _ -> nomatch end.
