-module(num_float_scientific).
-export([main/0]).

%% float_to_list(F, [{scientific, N}]): printf's "%.*e". N is read as a C int: a negative N
%% means the default precision 6, and only the low 32 bits of N count.

id(X) -> X.

t(F) -> try F() catch C:R:S -> {C, R, hd(S)} end.

main() ->
    Fs = [1.0, -1.0, 0.0, -0.0, 0.1, 123456.789, 5.0e-324, 1.7976931348623157e308, 1.0e-300,
          2.5, 0.125],
    Ns = [0, 1, 2, 3, 10, 17, 20, 30, -1, -100],
    [erlang:display(float_to_list(id(F), [{scientific, N}])) || F <- Fs, N <- Ns],
    erlang:display(t(fun() -> float_to_list(id(1.0), [{scientific, 249}]) end)),
    erlang:display(t(fun() -> float_to_list(id(1.0), [{scientific, 250}]) end)),
    erlang:display(t(fun() -> length(float_to_list(id(1.0e-300), [{scientific, 248}])) end)),
    erlang:display(t(fun() -> float_to_list(id(1.0e-300), [{scientific, 249}]) end)),
    erlang:display(t(fun() -> float_to_list(id(1.0), [{scientific, (1 bsl 32) + 3}]) end)),
    erlang:display(t(fun() -> float_to_list(id(1.0), [{scientific, 1 bsl 31}]) end)),
    erlang:display(t(fun() -> float_to_list(id(1.0), [{scientific, -(1 bsl 59)}]) end)),
    erlang:display(t(fun() -> float_to_list(id(1.0), [{scientific, 1 bsl 64}]) end)),
    erlang:display(t(fun() -> float_to_list(id(1.0), [{decimals, (1 bsl 32) + 3}]) end)),
    erlang:display(t(fun() -> float_to_list(id(1.0), [{decimals, 1 bsl 31}]) end)),
    erlang:display(t(fun() -> float_to_binary(id(-0.5), [{scientific, 4}]) end)),
    ok.
