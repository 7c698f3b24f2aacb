-module(num_float_compact).
-export([main/0]).

%% [{decimals, N}, compact] drops trailing zeros but keeps one digit after the point. On
%% ERTS's printf path with N = 0 it strips the zeros of the integer itself (1.0e20 gives "1"),
%% which the fast path for smaller values does not do.

id(X) -> X.

t(F) -> try F() catch C:R:S -> {C, R, hd(S)} end.

main() ->
    Cases = [{0.1, 3}, {1.0, 0}, {1.0, 3}, {100.0, 3}, {100.0, 0}, {0.0, 0}, {0.0, 3},
             {-0.0, 0}, {-0.0, 20}, {-0.001, 2}, {123.456, 1}, {1.5, 10}, {0.5, 19},
             {100.0, 19}, {10.0, 20}, {1.0e20, 0}, {1.0e20, 2}, {1.0e20, 19}, {1.0e19, 0},
             {1.0e16, 0}, {123.0e20, 20}, {4503599627370500.0, 0}, {9007199254740990.0, 0},
             {9007199254740990.0, 1}, {9007199254740992.0, 0}, {1.0e300, 0}, {-1.0, 252},
             {-1.0, 253}, {0.1, 30}],
    [erlang:display(t(fun() -> float_to_list(id(F), [{decimals, N}, compact]) end))
     || {F, N} <- Cases],
    %% compact may come first, and means nothing to the other formats.
    erlang:display(float_to_list(id(1.0), [compact, {decimals, 2}])),
    erlang:display(float_to_list(id(1.0), [{scientific, 3}, compact])),
    erlang:display(float_to_list(id(1.0), [compact])),
    erlang:display(float_to_list(id(1.0), [compact, short])),
    erlang:display(float_to_binary(id(2.50), [{decimals, 4}, compact])),
    ok.
