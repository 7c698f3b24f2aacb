-module(proc_spawn_many).
-export([main/0, id/1, worker/2]).

%% 10000 processes alive at once, each waiting for a go signal and then replying with a
%% value computed from its number; all replies collected (any order) and checked. Then 10000
%% short-lived processes spawned in a tight loop, and a tree of processes (each spawns two
%% children down to depth 10) summing its leaves.

id(X) -> X.

-define(N, 10000).

worker(Parent, I) ->
    receive go -> Parent ! {reply, I, I * I} end.

tree(Parent, 0) -> Parent ! {tree, 1};
tree(Parent, D) ->
    Self = self(),
    spawn(fun() -> tree(Self, D - 1) end),
    spawn(fun() -> tree(Self, D - 1) end),
    A = receive {tree, X} -> X end,
    B = receive {tree, Y} -> Y end,
    Parent ! {tree, A + B}.

main() ->
    Self = self(),
    Ps = [spawn(?MODULE, worker, [Self, I]) || I <- lists:seq(1, ?N)],
    erlang:display({length(Ps), length(lists:usort(Ps))}),
    erlang:display(lists:all(fun erlang:is_process_alive/1, Ps)),
    AllProcs = erlang:processes(),
    erlang:display(length([P || P <- Ps, lists:member(P, AllProcs)])),
    erlang:display(erlang:system_info(process_count) >= ?N),
    [P ! go || P <- Ps],
    Replies = [receive {reply, I, V} -> {I, V} end || _ <- Ps],
    erlang:display(lists:sort(Replies) =:= [{I, I * I} || I <- lists:seq(1, ?N)]),
    %% Short-lived processes.
    [spawn(fun() -> Self ! {short, I} end) || I <- lists:seq(1, ?N)],
    erlang:display(lists:sum([receive {short, I} -> I end || _ <- lists:seq(1, ?N)])),
    %% A tree of 2^11 - 1 processes.
    spawn(fun() -> tree(Self, 10) end),
    receive {tree, Leaves} -> erlang:display({leaves, Leaves}) end,
    ok.
