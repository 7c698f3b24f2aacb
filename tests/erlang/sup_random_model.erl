-module(sup_random_model).
-export([main/0]).
%% Random link/monitor graphs with random trap_exit flags: kill random members with random
%% reasons, predict with a model who dies and which linked peers the trapping survivors get
%% EXIT messages from, and compare with what happens. When several deaths race, which reason
%% reaches a process first is up to timing, so only the sets are compared. Deterministic seeds: the output is the same on every run.
main() ->
    Results = [run_round(Seed) || Seed <- lists:seq(1, 40)],
    erlang:display(lists:sum([D || {ok, D} <- Results])),
    erlang:display([R || R <- Results, element(1, R) =/= ok]).

run_round(Seed) ->
    rand:seed(exsss, {Seed, Seed * 7, Seed * 13}),
    N = 4 + rand:uniform(20),
    Traps = [{I, rand:uniform(3) =:= 1} || I <- lists:seq(1, N)],
    Links = lists:usort([edge(rand:uniform(N), rand:uniform(N)) || _ <- lists:seq(1, N + rand:uniform(N))]),
    Links1 = [{A, B} || {A, B} <- Links, A =/= B],
    Self = self(),
    Pids = maps:from_list([{I, spawn(fun() -> member(Self, Trap) end)} || {I, Trap} <- Traps]),
    %% each link is made by its lower end; acknowledged so all exist before any kill
    [begin maps:get(A, Pids) ! {link, maps:get(B, Pids)}, receive {linked, _} -> ok end end || {A, B} <- Links1],
    Mons = maps:from_list([{erlang:monitor(process, P), I} || {I, P} <- maps:to_list(Pids)]),
    Kills = [{rand:uniform(N), reason(rand:uniform(4))} || _ <- lists:seq(1, 1 + rand:uniform(2))],
    Model = model(Traps, Links1, Kills),
    [exit(maps:get(V, Pids), R) || {V, R} <- Kills],
    Dead = maps:from_list([{I, R} || {I, {dead, R}} <- maps:to_list(Model)]),
    Got = collect_downs(maps:size(Dead), Mons, #{}),
    Check1 = lists:sort(maps:keys(Got)) =:= lists:sort(maps:keys(Dead)),
    Survivors = [I || {I, alive} <- maps:to_list(Model)],
    Exits = maps:from_list([{I, senders(report(maps:get(I, Pids)))} || I <- Survivors]),
    WantExits = maps:from_list([{I, senders(want_exits(I, Traps, Links1, Model, Kills, Pids))} || I <- Survivors]),
    Check2 = Exits =:= WantExits,
    [exit(maps:get(I, Pids), kill) || I <- Survivors],
    [receive {'DOWN', _, process, _, _} -> ok end || _ <- Survivors],
    case Check1 andalso Check2 of
        true -> {ok, maps:size(Dead)};
        false -> {mismatch, Seed, Got, Dead}
    end.

senders(timeout) -> timeout;
senders(Exits) -> lists:usort([From || {From, _} <- Exits]).

edge(A, B) when A =< B -> {A, B};
edge(A, B) -> {B, A}.

reason(1) -> kill;
reason(2) -> normal;
reason(3) -> boom;
reason(4) -> {shutdown, x}.

member(Parent, Trap) ->
    process_flag(trap_exit, Trap),
    loop(Parent, []).
loop(Parent, Exits) ->
    receive
        {link, P} -> link(P), Parent ! {linked, self()}, loop(Parent, Exits);
        {'EXIT', From, R} -> loop(Parent, [{From, R} | Exits]);
        {report, From} -> From ! {exits, self(), lists:sort(Exits)}, loop(Parent, Exits)
    end.

report(P) ->
    P ! {report, self()},
    receive {exits, P, E} -> E after 2000 -> timeout end.

collect_downs(0, _, Acc) -> Acc;
collect_downs(K, Mons, Acc) ->
    receive {'DOWN', Ref, process, _, R} -> collect_downs(K - 1, Mons, Acc#{maps:get(Ref, Mons) => R})
    after 2000 -> Acc#{timeout => K}
    end.

%% The model: exit/2 signals first (a kill is untrappable and becomes `killed`; normal is
%% ignored by a non-trapping process; a trapping one turns it into a message), then deaths
%% spread along links with a worklist.
model(Traps, Links, Kills) ->
    Trap = maps:from_list(Traps),
    State0 = maps:from_list([{I, alive} || {I, _} <- Traps]),
    {State1, Work} = lists:foldl(
        fun({V, R}, {S, W}) ->
            case maps:get(V, S) of
                {dead, _} -> {S, W};
                alive ->
                    case {R, maps:get(V, Trap)} of
                        {kill, _} -> {S#{V => {dead, killed}}, W ++ [V]};
                        {_, true} -> {S, W};
                        {normal, false} -> {S, W};
                        {_, false} -> {S#{V => {dead, R}}, W ++ [V]}
                    end
            end
        end, {State0, []}, Kills),
    spread(Work, Trap, Links, State1).

spread([], _, _, S) -> S;
spread([D | Rest], Trap, Links, S) ->
    {dead, R} = maps:get(D, S),
    Peers = [B || {A, B} <- Links, A =:= D] ++ [A || {A, B} <- Links, B =:= D],
    {S1, New} = lists:foldl(
        fun(X, {Sx, Nx}) ->
            case maps:get(X, Sx) of
                alive when R =/= normal ->
                    case maps:get(X, Trap) of
                        true -> {Sx, Nx};
                        false -> {Sx#{X => {dead, R}}, Nx ++ [X]}
                    end;
                _ -> {Sx, Nx}
            end
        end, {S, []}, Peers),
    spread(Rest ++ New, Trap, Links, S1).

%% A trapping survivor gets {'EXIT', Peer, R} from each dead linked peer, and
%% {'EXIT', Parent, R} for an exit/2 aimed at it with a reason other than kill.
want_exits(I, Traps, Links, Model, Kills, Pids) ->
    case lists:keyfind(I, 1, Traps) of
        {I, false} -> [];
        {I, true} ->
            Peers = [B || {A, B} <- Links, A =:= I] ++ [A || {A, B} <- Links, B =:= I],
            FromLinks = [{maps:get(P, Pids), R} || P <- Peers, {dead, R} <- [maps:get(P, Model)]],
            FromExit = [{self(), R} || {V, R} <- Kills, V =:= I, R =/= kill],
            lists:sort(FromLinks ++ FromExit)
    end.
