%% two_vms.erl - the work tests/unit/test_two_vms.cpp runs in two VMs at once: many processes,
%% messages, modules loaded on first call, collections, and the OS environment. Every result is
%% checked here or returned for the host to check against what it computed itself.
-module(two_vms).
-export([run/2]).

%% run(Tag, N): N workers, then a ring of N processes. Returns {ok, WorkSum, RingLaps}.
run(Tag, N) ->
    {module, gb_sets} = code:ensure_loaded(gb_sets),
    Self = self(),
    Prefix = "BEAMRUN_TWO_VMS_" ++ atom_to_list(Tag) ++ "_",
    Pids = [spawn_link(fun() -> worker(Self, Prefix, I) end) || I <- lists:seq(1, N)],
    Sum = lists:sum([receive {done, P, S} -> S end || P <- Pids]),
    Laps = ring(N, 20),
    {ok, Sum, Laps}.

%% Each worker's result: the sum of 1..(100 + I rem 50), plus 7 * I read back from the
%% environment, plus the number of its keys a map built through other modules holds (10).
worker(Parent, Prefix, I) ->
    L = lists:seq(1, 100 + I rem 50),
    B = term_to_binary({I, L, lists:reverse(L)}),
    Name = Prefix ++ integer_to_list(I),
    true = os:putenv(Name, integer_to_list(7 * I)),
    erlang:garbage_collect(),
    {I, L2, R} = binary_to_term(B),
    R = lists:reverse(L2),
    %% Modules each VM loads on first call, while the other VM may be loading the same ones.
    M = maps:from_list([{K, K * K} || K <- lists:seq(1, 10)]),
    Set = sets:from_list(L2),
    Q = queue:from_list(L2),
    Text = lists:flatten(io_lib:format("~p", [queue:len(Q)])),
    true = list_to_integer(Text) =:= sets:size(Set),
    V = list_to_integer(os:getenv(Name)),
    %% The whole environment holds this worker's variable (and others', which come and go).
    true = lists:member(Name ++ "=" ++ integer_to_list(7 * I), os:getenv()),
    true = os:unsetenv(Name),
    false = os:getenv(Name),
    erlang:garbage_collect(),
    Parent ! {done, self(), lists:sum(L2) + V + maps:size(M)}.

%% A token goes Laps times round a ring of N processes; returns the laps counted.
ring(N, Laps) ->
    Self = self(),
    First = lists:foldl(fun(_, Next) -> spawn_link(fun() -> relay(Next) end) end, Self, lists:seq(1, N - 1)),
    First ! {token, 0},
    count_laps(First, Laps, 0).

count_laps(First, Laps, Laps) ->
    First ! stop,
    receive stop -> ok end,
    Laps;
count_laps(First, Laps, Done) ->
    receive {token, Hops} -> First ! {token, Hops + 1} end,
    count_laps(First, Laps, Done + 1).

relay(Next) ->
    receive
        {token, Hops} -> Next ! {token, Hops + 1}, relay(Next);
        stop -> Next ! stop
    end.
