-module(num_binary_to_float).
-export([main/0]).

%% binary_to_float/1: the same strict syntax as list_to_float/1, on binaries of any kind
%% (heap, off-heap, sub-binaries); bitstrings and lists are badarg.

id(X) -> X.

t(F) -> try F() catch C:R:S -> {C, R, hd(S)} end.

main() ->
    Bins = [<<"1.5">>, <<"1">>, <<" 1.5">>, <<"1.5 ">>, <<"1e5">>, <<"1.5", 0>>,
            <<"1.5", 0, "zz">>, <<"-2.5e-3">>, <<"1,25">>, <<>>, <<"1.0e309">>,
            <<"3.141592653589793238462643383279">>],
    [erlang:display(t(fun() -> float_to_list(binary_to_float(id(B)), [short]) end))
     || B <- Bins],
    Long = list_to_binary(["1.", lists:duplicate(100, $0), "25"]),
    erlang:display(float_to_list(binary_to_float(id(Long)), [short])),
    Big = list_to_binary([lists:duplicate(80, $x), "12.75", lists:duplicate(80, $y)]),
    erlang:display(binary_to_float(id(binary_part(Big, 80, 5)))),
    erlang:display(t(fun() -> binary_to_float(id(<<1:1>>)) end)),
    erlang:display(t(fun() -> binary_to_float(id(<<"1.5", 1:3>>)) end)),
    erlang:display(t(fun() -> binary_to_float(id("1.5")) end)),
    erlang:display(t(fun() -> binary_to_float(id(1.5)) end)),
    ok.
