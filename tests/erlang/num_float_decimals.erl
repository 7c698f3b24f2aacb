-module(num_float_decimals).
-export([main/0]).

%% float_to_list(F, [{decimals, N}]): ERTS's fast path (N =< 18, |F| < 2^53) multiplies the
%% fraction by 10^N in double precision and rounds half away from zero; other values use
%% printf's exact "%.*f" (ties to even). Results longer than 255 characters are badarg.

id(X) -> X.

t(F) -> try F() catch C:R:S -> {C, R, hd(S)} end.

main() ->
    Cases = [{0.1, 3}, {0.125, 2}, {0.375, 2}, {0.5, 0}, {1.5, 0}, {2.5, 0}, {-2.5, 0},
             {3.5, 0}, {-0.4, 0}, {-0.0, 0}, {-0.0, 2}, {-0.001, 2}, {0.145, 2}, {0.1445, 2},
             {1.005, 2}, {9.999, 2}, {0.9999, 3}, {1.0e15 + 0.3, 2}, {1.0e16, 2}, {1.0e20, 2},
             {0.1, 15}, {0.1, 16}, {0.1, 18}, {0.1, 19}, {0.1, 20}, {5.0e-324, 2},
             {4503599627370494.5, 0}, {2251799813685248.5, 0}, {0.49999999999999994, 0},
             {9007199254740990.0, 18}, {9007199254740994.0, 1}, {0.75849204999999997, 7},
             {0.007834999999999999, 5}, {-9.295, 16}, {0.5898646517203792, 17},
             {123.456, 1}, {1.0, 253}, {1.0e200, 40}],
    [erlang:display(t(fun() -> float_to_list(id(F), [{decimals, N}]) end)) || {F, N} <- Cases],
    %% Ties 2^-N at N-1 decimals: away from zero up to 18 decimals, to even beyond.
    [erlang:display({N, float_to_list(id(math:pow(2, -N)), [{decimals, N - 1}])})
     || N <- lists:seq(1, 24)],
    erlang:display(t(fun() -> float_to_list(id(1.0), [{decimals, 254}]) end)),
    erlang:display(t(fun() -> float_to_list(id(10.0), [{decimals, 253}]) end)),
    erlang:display(t(fun() -> float_to_list(id(1.0e300), [{decimals, 2}]) end)),
    erlang:display(t(fun() -> float_to_list(id(1.0), [{decimals, -1}]) end)),
    erlang:display(t(fun() -> float_to_binary(id(0.125), [{decimals, 2}]) end)),
    erlang:display(t(fun() -> float_to_binary(id(1.0e20), [{decimals, 3}]) end)),
    ok.
