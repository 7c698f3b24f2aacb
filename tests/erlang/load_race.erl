-module(load_race).
%% Many processes make the first call into modules nobody has loaded yet, all at once: every
%% call must find the module complete (a process that finds the module loaded by another must
%% also find its exports), so no call raises undef.
-export([main/0]).

calls() ->
    [{sets, fun() -> sets:size(sets:from_list([1, 2, 3])) end},
     {gb_sets, fun() -> gb_sets:size(gb_sets:from_list([1, 2, 3])) end},
     {ordsets, fun() -> length(ordsets:from_list([3, 1, 2])) end},
     {orddict, fun() -> orddict:size(orddict:from_list([{a, 1}, {b, 2}, {c, 3}])) end},
     {array, fun() -> array:size(array:from_list([1, 2, 3])) end},
     {queue, fun() -> queue:len(queue:from_list([1, 2, 3])) end},
     {proplists, fun() -> length(proplists:get_keys([{a, 1}, {b, 2}, c])) end},
     {base64, fun() -> byte_size(base64:decode(base64:encode(<<"abc">>))) end},
     {calendar, fun() -> calendar:day_of_the_week(2026, 12, 8) end}].

main() ->
    Parent = self(),
    N = 40,
    Pids = [spawn(fun() ->
                      receive go -> ok end,
                      Results = [{M, catch F()} || {M, F} <- calls()],
                      Parent ! {self(), Results}
                  end) || _ <- lists:seq(1, N)],
    [P ! go || P <- Pids],
    All = [receive {P, R} -> R end || P <- Pids],
    lists:foreach(
      fun({M, _}) ->
              Values = lists:usort([V || R <- All, {M2, V} <- R, M2 =:= M]),
              io:format("~p: ~p~n", [M, Values])
      end, calls()).
