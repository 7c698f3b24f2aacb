-module(proc_msg_binaries).
-export([main/0, id/1]).

%% Binaries in messages: heap binaries (up to 64 bytes), refc binaries (bigger, shared
%% between processes rather than copied), sub-binaries of both, bitstrings, binaries built
%% by appending, binaries inside deep structures, a binary sent to many processes at once,
%% and binaries captured by a spawned closure. Everything is compared with =:= and a
%% checksum after the round trip; the sender keeps using its own copy afterwards.

id(X) -> X.

round_trip(E, T) -> test_support:round_trip(E, T).

sum(B) -> lists:sum(binary_to_list(B)).

main() ->
    E = spawn(fun test_support:echo/0),
    Heap = list_to_binary(lists:seq(1, 64)),
    Refc = list_to_binary([I rem 256 || I <- lists:seq(1, 20000)]),
    Small65 = list_to_binary(lists:seq(1, 65)),
    <<_:10/binary, SubHeap:20/binary, _/binary>> = Heap,
    <<_:1000/binary, SubRefc:5000/binary, _/binary>> = Refc,
    SubRefcSmall = binary:part(Refc, 15000, 10),
    <<_:3, Bits:77/bitstring, _/bitstring>> = Refc,
    Appended = lists:foldl(fun(I, Acc) -> <<Acc/binary, I:16>> end, <<>>, lists:seq(1, 2000)),
    Terms = [<<>>, Heap, Refc, Small65, SubHeap, SubRefc, SubRefcSmall, Bits, Appended,
             {nested, [Refc, {SubRefc, #{key => SubHeap}}]},
             [binary:copy(<<"x">>, N) || N <- [1, 63, 64, 65, 1000]]],
    Back = [round_trip(E, T) || T <- Terms],
    erlang:display([T =:= B || {T, B} <- lists:zip(Terms, Back)]),
    erlang:display([{byte_size(B), sum(B)} || B <- lists:sublist(Back, 7)]),
    erlang:display({bit_size(lists:nth(8, Back)), bit_size(lists:nth(9, Back)), sum(lists:nth(9, Back))}),
    %% The sender's copies are unchanged and usable.
    erlang:display({sum(Refc), sum(SubRefc), binary:at(Refc, 19999), byte_size(Heap)}),
    %% Appending to a binary after it was sent must not change what the receiver got.
    Grown = <<Appended/binary, 1, 2, 3>>,
    erlang:display({byte_size(Grown), round_trip(E, Appended) =:= Appended,
                    byte_size(lists:nth(9, Back))}),
    %% One refc binary sent to 100 processes; each answers with its checksum.
    Self = self(),
    Ps = [spawn(fun() -> receive {bin, B} -> Self ! {sum, sum(B) + I} end end) || I <- lists:seq(1, 100)],
    [P ! {bin, Refc} || P <- Ps],
    Sums = [receive {sum, S} -> S end || _ <- Ps],
    erlang:display(lists:sort(Sums) =:= [sum(Refc) + I || I <- lists:seq(1, 100)]),
    %% A spawned closure capturing binaries of each kind, sending back sub-binaries of them.
    spawn(fun() ->
                  <<Head:16/binary, _/binary>> = Refc,
                  Self ! {from_closure, Head, binary:part(SubRefc, 10, 100), SubHeap, byte_size(Refc)}
          end),
    receive {from_closure, H, P100, SH, Sz} ->
            erlang:display({H =:= binary:part(Refc, 0, 16), P100 =:= binary:part(SubRefc, 10, 100),
                            SH =:= SubHeap, Sz})
    end,
    %% Binaries built in the child and sent to the parent, then the child ends: the parent's
    %% binaries stay valid.
    spawn(fun() ->
                  B1 = list_to_binary(lists:duplicate(10000, $z)),
                  <<_:100/binary, S1:50/binary, _/binary>> = B1,
                  Self ! {child_bins, B1, S1}
          end),
    receive {child_bins, CB, CS} -> ok end,
    garbage(100),
    erlang:display({byte_size(CB), sum(CB), CS =:= binary:copy(<<"z">>, 50)}),
    E ! stop,
    ok.

garbage(0) -> ok;
garbage(N) -> _ = lists:seq(1, 1000), garbage(N - 1).
