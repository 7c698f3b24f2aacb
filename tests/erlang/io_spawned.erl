-module(io_spawned).
-export([main/0, worker/2]).
%% Processes inherit their parent's group leader, so what they print goes through the same
%% I/O server; io:format is synchronous, so the order below is fixed.

worker(Parent, N) ->
    io:format("worker ~p: ~p~n", [N, group_leader() =:= whereis(user)]),
    io:put_chars(["worker ", integer_to_list(N), " done\n"]),
    Parent ! {done, N}.

main() ->
    io:format("main starts~n"),
    [begin
         spawn(?MODULE, worker, [self(), N]),
         receive {done, N} -> ok end
     end || N <- lists:seq(1, 5)],
    Self = self(),
    spawn(fun() -> io:format("fun worker ~p~n", [lists:seq(1, 5)]), Self ! fun_done end),
    receive fun_done -> ok end,
    %% A process that prints to `user` by name and to its group leader by pid.
    spawn(fun() ->
                  io:format(user, "by name~n", []),
                  io:format(group_leader(), "by pid~n", []),
                  Self ! named_done
          end),
    receive named_done -> ok end,
    %% A ring of processes passing a token: each prints when it holds it.
    Last = lists:foldl(fun(I, Next) ->
                               spawn(fun() ->
                                             receive token -> ok end,
                                             io:format("ring ~p~n", [I]),
                                             Next ! token
                                     end)
                       end, Self, lists:seq(1, 10)),
    Last ! token,
    receive token -> io:format("ring closed~n") end,
    ok.
