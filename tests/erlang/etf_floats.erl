-module(etf_floats).
-export([main/0]).
%% Floats: NEW_FLOAT_EXT by default, FLOAT_EXT text ("%.20e", zero-padded to 31 bytes) under
%% {minor_version, 0}; both decode; non-finite and malformed input is badarg.

main() ->
    Fs = [0.0, -0.0, 1.0, -1.0, 0.1, 1.5, 3.141592653589793, 1.0e300, -1.0e-300, 5.0e-324,
          2.2250738585072014e-308, 1.7976931348623157e308, 123456.789, 1.0e15, 1.0e16, 100.0],
    lists:foreach(fun(F) ->
                          B1 = term_to_binary(F),
                          B0 = term_to_binary(F, [{minor_version, 0}]),
                          erlang:display({F, B1, binary_to_term(B1) =:= F}),
                          erlang:display({B0, binary_to_term(B0), erlang:external_size(F, [{minor_version, 0}])})
                  end, Fs),
    %% FLOAT_EXT as older nodes wrote it, with shorter text and zero padding.
    erlang:display(binary_to_term(<<131, 99, "1.5", 0:(28 * 8)>>)),
    erlang:display(binary_to_term(<<131, 99, "-2.5e-3", 0:(24 * 8)>>)),
    erlang:display(t(fun() -> binary_to_term(<<131, 99, "1e10", 0:(27 * 8)>>) end)),
    Bad = [<<131, 99, "  1.5", 0:(26 * 8)>>, <<131, 99, "1.5xyz", 0:(25 * 8)>>,
           <<131, 99, 0:(31 * 8)>>, <<131, 99, "1.5">>,
           <<131, 70, 127, 240, 0, 0, 0, 0, 0, 0>>, <<131, 70, 255, 248, 0, 0, 0, 0, 0, 0>>,
           <<131, 70, 0, 0, 0>>],
    lists:foreach(fun(B) -> erlang:display(t(fun() -> binary_to_term(B) end)) end, Bad),
    %% Floats inside structures, and a float and an integer of equal value differ.
    T = {1.0, [2.5, -0.0], #{1.0 => 1, 1 => 1.0}},
    erlang:display(term_to_binary(T)),
    erlang:display(term_to_binary(T, [{minor_version, 0}])),
    erlang:display(binary_to_term(term_to_binary(T)) =:= T),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
