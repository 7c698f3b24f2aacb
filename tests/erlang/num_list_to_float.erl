-module(num_list_to_float).
-export([main/0]).

%% list_to_float/1: [+-]digits.digits[(e|E)[+-]digits] and nothing else; a comma works as the
%% decimal point too; a NUL character ends the text; values too large are badarg, values too
%% small become 0.0 (or a denormal).

id(X) -> X.

t(F) -> try F() catch C:R:S -> {C, R, hd(S)} end.

texts() ->
    ["1.0", "1", "1e5", "1.0e5", ".5", "0.5", "+1.5", "-1.5", "1.", "1.5e", "1.5e+3",
     "1.5E3", "1.5e-3", " 1.5", "1.5 ", "1_000.5", "1.0e400", "1.0e-400", "-1.0e-400",
     "inf", "nan", "1.5x", "0x1.0p3", "00001.5", "-0.0", [], "1.5e+", "1.5e3.0", "1.5e03",
     "1.5e3e3", "..5", "1..5", "1.5\n", "\t1.5", "1,5", "1,5e3", "1,5,3", "1.5,3", "+.5",
     "-.5", "1.e5", "--1.0", "1.0e--1", "1.5" ++ [0], "1.5" ++ [0] ++ "xyz", [0],
     "1.5" ++ [0, 256], [49, 46, 53, 256], "2.4703282292062328e-324",
     "2.4703282292062327e-324", "4.9406564584124654e-324", "1.7976931348623158e308",
     "1.7976931348623159e308", "1.0e0000000000000000000000000001",
     "1.0e-1000000000000000000000", "1.0e1000000000000000000000",
     "1." ++ lists:duplicate(1000, $0) ++ "1", lists:duplicate(400, $1) ++ ".0",
     "0." ++ lists:duplicate(400, $0) ++ "1e400", "123456789012345678901234567890.5",
     "0.1000000000000000055511151231257827"].

main() ->
    [erlang:display(t(fun() -> float_to_list(list_to_float(id(S)), [short]) end))
     || S <- texts()],
    erlang:display(t(fun() -> list_to_float(id(a)) end)),
    erlang:display(t(fun() -> list_to_float(id(<<"1.0">>)) end)),
    erlang:display(t(fun() -> list_to_float(id([$1, $. | $5])) end)),
    erlang:display(t(fun() -> list_to_float(id([$1, $., 5.0])) end)),
    ok.
