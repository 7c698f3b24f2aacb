-module(fun_lists_map_foldl).
-export([main/0, id/1, square/1]).

%% lists:map/2 and lists:foldl/3 with anonymous funs, local fun
%% references (fun f/1) and remote ones (fun m:f/1).

id(X) -> X.

square(X) -> X * X.

main() ->
    L = id([1, 2, 3, 4, 5]),
    erlang:display(lists:map(fun(X) -> X + 1 end, L)),
    erlang:display(lists:map(fun square/1, L)),
    erlang:display(lists:map(fun ?MODULE:square/1, L)),
    erlang:display(lists:map(fun erlang:abs/1, id([-1, 2, -3]))),
    erlang:display(lists:foldl(fun(X, Acc) -> X + Acc end, 0, L)),
    erlang:display(lists:foldl(fun(X, Acc) -> [X | Acc] end, [], L)),
    erlang:display(lists:foldl(fun(X, {Min, Max}) -> {min(X, Min), max(X, Max)} end,
                               {hd(L), hd(L)}, id([3, 9, -4, 7]))),
    erlang:display(lists:map(fun({K, V}) -> {V, K} end, id([{a, 1}, {b, 2}]))),
    erlang:display(lists:foldl(fun count_word/2, [], id([a, b, a, c, b, a]))),
    erlang:display(lists:map(fun(X) when X > 2 -> big; (_) -> small end, L)),
    erlang:display(lists:foldl(fun(F, Acc) -> F(Acc) end, 1,
                               [fun(X) -> X + 1 end, fun square/1, fun(X) -> X * 10 end])),
    ok.

count_word(W, Acc) ->
    case lists:keyfind(W, 1, Acc) of
        {W, N} -> [{W, N + 1} | [P || {K, _} = P <- Acc, K =/= W]];
        false -> [{W, 1} | Acc]
    end.
