-module(reg_basic).
-export([main/0, id/1]).

%% register/2, unregister/1, whereis/1, registered/0, sending to a registered name with !,
%% erlang:send/2,3 and {Name, node()}, process_info(_, registered_name), re-registering
%% under a new name and a freed name being taken by another process. Only names this test
%% owns are looked up (registered/0 also lists the system's processes).

id(X) -> X.

%% An echo server: answers {From, Tag, X} with {Tag, self(), X}.
server() ->
    receive
        stop -> ok;
        {From, Tag, X} -> From ! {Tag, self(), X}, server()
    end.

call(Dest, X) ->
    Tag = make_ref(),
    Dest ! {self(), Tag, X},
    receive {Tag, Pid, Y} -> {Pid, Y} end.

main() ->
    erlang:display(whereis(reg_basic_srv)),
    P = spawn(fun server/0),
    erlang:display(register(reg_basic_srv, P)),
    erlang:display(whereis(reg_basic_srv) =:= P),
    erlang:display(lists:member(reg_basic_srv, registered())),
    erlang:display(lists:all(fun is_atom/1, registered())),
    {P1, R1} = call(reg_basic_srv, hello),
    erlang:display({P1 =:= P, R1}),
    {P2, R2} = call({reg_basic_srv, node()}, via_tuple),
    erlang:display({P2 =:= P, R2}),
    T = make_ref(),
    erlang:display(erlang:send(reg_basic_srv, {self(), T, via_send2}) =:= {self(), T, via_send2}),
    receive {T, _, M3} -> erlang:display(M3) end,
    erlang:display(erlang:send(reg_basic_srv, {self(), T, via_send3}, [])),
    receive {T, _, M4} -> erlang:display(M4) end,
    erlang:display(erlang:send({reg_basic_srv, node()}, {self(), T, via_send3_tuple}, [noconnect])),
    receive {T, _, M5} -> erlang:display(M5) end,
    erlang:display(process_info(P, registered_name)),
    erlang:display(process_info(P, [registered_name, status])),
    %% The registered name comes first in process_info/1.
    erlang:display(element(1, hd(process_info(P)))),
    %% Registering self.
    erlang:display(register(reg_basic_me, self())),
    erlang:display({whereis(reg_basic_me) =:= self(), process_info(self(), registered_name)}),
    reg_basic_me ! to_myself,
    receive to_myself -> erlang:display(got_to_myself) end,
    erlang:display(unregister(reg_basic_me)),
    erlang:display({whereis(reg_basic_me), process_info(self(), registered_name)}),
    %% Unregister, then a new name for the same process.
    erlang:display(unregister(reg_basic_srv)),
    erlang:display({whereis(reg_basic_srv), process_info(P, registered_name), is_process_alive(P)}),
    erlang:display(register(reg_basic_srv2, P)),
    {P6, R6} = call(reg_basic_srv2, renamed),
    erlang:display({P6 =:= P, R6}),
    %% The old name can be given to another process.
    Q = spawn(fun server/0),
    erlang:display(register(reg_basic_srv, Q)),
    {Q1, R7} = call(reg_basic_srv, new_owner),
    erlang:display({Q1 =:= Q, Q1 =/= P, R7}),
    erlang:display(lists:sort([N || N <- registered(), lists:member(N, [reg_basic_srv, reg_basic_srv2, reg_basic_me])])),
    %% Many names.
    Names = [list_to_atom("reg_basic_n" ++ integer_to_list(I)) || I <- lists:seq(1, 100)],
    Ws = [spawn(fun server/0) || _ <- Names],
    erlang:display(lists:usort([register(N, W) || {N, W} <- lists:zip(Names, Ws)])),
    erlang:display(lists:all(fun({N, W}) -> whereis(N) =:= W end, lists:zip(Names, Ws))),
    erlang:display(lists:sum([element(2, call(N, I)) || {N, I} <- lists:zip(Names, lists:seq(1, 100))])),
    erlang:display(length([N || N <- registered(), lists:member(N, Names)])),
    %% A name is released when its process ends.
    lists:foreach(fun(W) -> W ! stop end, Ws),
    Q ! stop,
    erlang:display(wait_until(fun() -> whereis(reg_basic_srv) =:= undefined andalso
                                           lists:all(fun(N) -> whereis(N) =:= undefined end, Names) end, 2000)),
    erlang:display(length([N || N <- registered(), lists:member(N, Names)])),
    %% ... and can be registered again at once.
    Q2 = spawn(fun server/0),
    erlang:display(register(reg_basic_srv, Q2)),
    {Q3, R8} = call(reg_basic_srv, again),
    erlang:display({Q3 =:= Q2, R8}),
    Q2 ! stop,
    P ! stop,
    ok.

wait_until(F, N) -> test_support:wait_until(F, N).
