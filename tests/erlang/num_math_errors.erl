-module(num_math_errors).
-export([main/0]).

%% math errors as ERTS raises them: a non-number argument is badarg, a bignum beyond the
%% double range or an infinite/NaN result is badarith, checked argument by argument, with the
%% frame {math, F, Args, [{error_info, #{module => erl_stdlib_errors}}]}.

id(X) -> X.

t(F) -> try F() catch C:R:S -> {C, R, hd(S)} end.

main() ->
    Cases = [fun() -> math:log(id(0)) end,
             fun() -> math:log(id(-1)) end,
             fun() -> math:log(id(0.0)) end,
             fun() -> math:log10(id(-0.0)) end,
             fun() -> math:log2(id(0)) end,
             fun() -> math:sqrt(id(-1)) end,
             fun() -> math:pow(id(-8), id(1/3)) end,
             fun() -> math:pow(id(10), id(400)) end,
             fun() -> math:pow(id(0), id(-1)) end,
             fun() -> math:pow(id(-0.0), id(-1)) end,
             fun() -> math:exp(id(1000)) end,
             fun() -> math:exp(id(709.8)) end,
             fun() -> math:cosh(id(-711)) end,
             fun() -> math:sinh(id(711)) end,
             fun() -> math:acos(id(2)) end,
             fun() -> math:asin(id(-1.5)) end,
             fun() -> math:acosh(id(0.5)) end,
             fun() -> math:atanh(id(1)) end,
             fun() -> math:atanh(id(-1.0)) end,
             fun() -> math:fmod(id(5.5), id(0)) end,
             fun() -> math:fmod(id(5), id(-0.0)) end,
             fun() -> math:sin(id(a)) end,
             fun() -> math:sqrt(id("4")) end,
             fun() -> math:pow(id(2), id(a)) end,
             fun() -> math:pow(id(a), id(2)) end,
             fun() -> math:atan2(id(1), id([])) end,
             fun() -> math:floor(id(<<>>)) end,
             fun() -> math:sqrt(id(1 bsl 1100)) end,
             fun() -> math:floor(id(-(1 bsl 1100))) end,
             fun() -> math:pow(id(1 bsl 1100), id(a)) end,
             fun() -> math:pow(id(a), id(1 bsl 1100)) end,
             fun() -> math:atan2(id(2), id(1 bsl 1100)) end],
    [erlang:display(case t(F) of
                        {C, R, {M, Fn, Args, Info}} when length(Args) < 3, is_list(Args) ->
                            {C, R, M, Fn, [if is_integer(A), abs(A) > 1 bsl 100 -> huge; true -> A end || A <- Args], Info};
                        V -> V
                    end) || F <- Cases],
    erlang:display(t(fun() -> math:tau() end)),
    erlang:display(t(fun() -> math:sin(id(1), id(2)) end)),
    ok.
