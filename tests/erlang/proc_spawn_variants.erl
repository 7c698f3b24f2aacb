-module(proc_spawn_variants).
-export([main/0, id/1, child/2, child3/3]).

%% spawn/1,2,3,4 (the node argument is node()), spawning a BIF and a stdlib function as the
%% initial call, closures capturing their environment, self/0, node/0,1, is_alive/0, the text form
%% of a pid, distinct pids, and the badarg cases of spawn. Pids are never printed.

id(X) -> X.

child(Parent, Tag) -> Parent ! {Tag, self(), node()}.

child3(Parent, Tag, N) -> Parent ! {Tag, self(), lists:sum(lists:seq(1, N))}.

main() ->
    Self = self(),
    erlang:display({is_pid(Self), Self =:= self(), node(Self) =:= node()}),
    erlang:display({node(), is_alive()}),  % no distribution: nonode@nohost, not alive
    %% spawn/1
    P1 = spawn(fun() -> Self ! {p1, self(), lists:sum(lists:seq(1, 100))} end),
    erlang:display({is_pid(P1), P1 =/= Self, node(P1) =:= node()}),
    receive {p1, From1, S1} -> erlang:display({p1, From1 =:= P1, S1}) end,
    %% spawn/2 on this node
    P2 = spawn(node(), fun() -> Self ! {p2, self(), node()} end),
    receive {p2, From2, N2} -> erlang:display({p2, From2 =:= P2, N2 =:= node()}) end,
    %% spawn/3 and spawn/4
    P3 = spawn(?MODULE, child, [Self, p3]),
    receive {p3, From3, _} -> erlang:display({p3, From3 =:= P3}) end,
    P4 = spawn(node(), ?MODULE, child3, [Self, p4, 10]),
    receive {p4, From4, S4} -> erlang:display({p4, From4 =:= P4, S4}) end,
    %% spawn/3 with a dynamic module/function
    P5 = spawn(id(?MODULE), id(child3), id([Self, p5, 1000])),
    receive {p5, From5, S5} -> erlang:display({p5, From5 =:= P5, S5}) end,
    %% A BIF and a stdlib function as the initial call.
    spawn(erlang, send, [Self, sent_by_bif]),
    receive sent_by_bif -> erlang:display(sent_by_bif) end,
    spawn(lists, foreach, [fun(X) -> Self ! {item, X} end, [a, b, c]]),
    erlang:display([receive {item, X} -> X end || _ <- [1, 2, 3]]),
    %% A closure capturing big terms of several kinds.
    Big = lists:seq(1, 5000),
    Bin = binary:copy(<<"0123456789">>, 100),
    Map = maps:from_list([{K, K * K} || K <- lists:seq(1, 100)]),
    Tup = list_to_tuple(Big),
    Float = 2.5,
    Bignum = 1 bsl 200,
    spawn(fun() ->
                  Self ! {captured, lists:sum(Big), byte_size(Bin), binary:at(Bin, 999),
                          maps:get(77, Map), map_size(Map), element(4321, Tup), Float * 2,
                          Bignum + 1}
          end),
    receive {captured, _, _, _, _, _, _, _, _} = C -> erlang:display(C) end,
    %% A closure spawned twice runs twice with the same environment.
    Adder = fun() -> Self ! {adder, lists:sum(Big) + 1} end,
    spawn(Adder), spawn(Adder),
    erlang:display([receive {adder, A} -> A end || _ <- [1, 2]]),
    %% 200 distinct pids; pid text form.
    Ps = [spawn(fun() -> ok end) || _ <- lists:seq(1, 200)],
    erlang:display({length(lists:usort(Ps)), lists:all(fun is_pid/1, Ps), lists:member(Self, Ps)}),
    L = pid_to_list(P1),
    erlang:display({lists:prefix("<0.", L), lists:last(L), length(string:tokens(L, ".")),
                    list_to_pid(L) =:= P1}),
    %% Pids compare as their own type: after refs and before tuples, not equal to anything else.
    erlang:display({P1 > make_ref(), P1 < {}, P1 < [], P1 == P1, lists:sort([{}, P1, 1, a]) =:= [1, a, P1, {}]}),
    %% badarg cases.
    Bad = [fun() -> spawn(id(1)) end,
           fun() -> spawn(id(?MODULE), child, id(notalist)) end,
           fun() -> spawn(?MODULE, child, id([a | b])) end,
           fun() -> spawn(id("m"), f, []) end,
           fun() -> spawn(?MODULE, id("f"), []) end],
    lists:foreach(fun(F) -> erlang:display(t(F)) end, Bad),
    ok.

t(F) -> test_support:t(?MODULE, F).
