-module(fun_errors).
-export([main/0, id/1, one/1]).
%% badfun and badarity as BEAM raises them, with their stack frames.
id(X) -> X.
one(X) -> X.

frames(St) -> [strip(F) || F <- St, element(1, F) =:= ?MODULE orelse element(1, F) =:= erlang].
strip({M, F, A, Loc}) -> {M, F, A, [strip_loc(L) || L <- Loc]}.
strip_loc({file, Path}) -> {file, base(Path)};
strip_loc(Other) -> Other.
base(Path) -> base(Path, Path).
base([], Acc) -> Acc;
base([$/ | Rest], _) -> base(Rest, Rest);
base([_ | Rest], Acc) -> base(Rest, Acc).

call0(F) -> F().
call2(F) -> F(1, 2).

main() ->
    erlang:display(try call0(id(not_a_fun)) catch C:R:St -> {C, R, frames(St)} end),
    erlang:display(try call0(id(42)) catch C2:R2 -> {C2, R2} end),
    erlang:display(try call2(fun(X) -> X end) catch error:{badarity, {_, Args}} -> {badarity, Args} end),
    erlang:display(try call2(fun ?MODULE:one/1) catch error:{badarity, {F, Args2}} -> {badarity, F, Args2} end),
    erlang:display(try apply(id(nofun), [1]) catch C3:R3 -> {C3, R3} end),
    erlang:display(try apply(fun(A) -> A end, [1, 2]) catch error:{badarity, {_, As}} -> {badarity, As} end),
    erlang:display(try (id(fun(A) -> A end))(1, 2, 3) catch error:{badarity, {_, Bs}} -> Bs end),
    erlang:display(case catch call0(id({tuple, is_not, a_fun})) of {'EXIT', {R4, St4}} -> {R4, frames(St4)} end),
    ok.
