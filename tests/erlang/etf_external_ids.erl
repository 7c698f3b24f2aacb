%% Pids, ports and references of other nodes, as binary_to_term makes them: type tests, node/1,
%% re-encoding, term order among themselves (pids by serial and number before node and
%% creation; ports and references by node and creation first; missing reference words count as
%% zeros), equality, hashing, and safe decoding. (Printing is left out: BEAM prints the node's
%% index in its own node table. So are the hashes of ports numbered beyond 32 bits and maps of
%% more than 32 such keys, which beamrun does not hash as BEAM does yet.)
-module(etf_external_ids).
-export([main/0]).

a(N) -> <<100, (byte_size(N)):16, N/binary>>.
pid(N, Id, Ser, Cr) -> binary_to_term(<<131, 88, (a(N))/binary, Id:32, Ser:32, Cr:32>>).
old_pid(N, Id, Ser, Cr) -> binary_to_term(<<131, 103, (a(N))/binary, Id:32, Ser:32, Cr:8>>).
port(N, Id, Cr) -> binary_to_term(<<131, 120, (a(N))/binary, Id:64, Cr:32>>).
new_port(N, Id, Cr) -> binary_to_term(<<131, 89, (a(N))/binary, Id:32, Cr:32>>).
ref(N, Cr, Ids) -> binary_to_term(<<131, 90, (length(Ids)):16, (a(N))/binary, Cr:32, << <<I:32>> || I <- Ids>>/binary>>).
t(F) -> try F() catch C:R -> {C, R} end.
c(X, Y) -> if X < Y -> $<; X == Y -> $=; true -> $> end.
grid(L) -> [[c(X, Y) || Y <- L] || X <- L].
show(T) -> erlang:display(T).

main() ->
    Nodes = [<<"a@b">>, <<"z@a">>, <<"nonode@nohost">>],
    Pids = [pid(N, I, S, C) || N <- Nodes, I <- [0, 1, 1 bsl 20], S <- [0, 3], C <- [1, 5]]
        ++ [old_pid(<<"z@z">>, 9, 9, 2), pid(<<"a@b">>, 16#FFFFFFFF, 16#FFFFFFFF, 16#FFFFFFFF)],
    Ports = [port(N, I, C) || N <- Nodes, I <- [0, 9, 1 bsl 40], C <- [1, 5]] ++ [new_port(<<"a@b">>, 9, 1)],
    Refs = [ref(N, C, W) || N <- Nodes, C <- [1, 5],
                            W <- [[], [0], [5], [1, 2], [2, 1], [1, 2, 0], [1, 0, 0, 7], [9, 9, 9, 9, 9]]],
    All = Pids ++ Ports ++ Refs,
    show({types, [{is_pid(X), is_port(X), is_reference(X)} || X <- All]}),
    show({nodes, [node(X) || X <- All]}),
    show({encodings, [term_to_binary(X) || X <- All]}),
    show({minor0, [term_to_binary(X, [{minor_version, 0}]) || X <- All]}),
    show({round_trip, [X =:= binary_to_term(term_to_binary(X)) || X <- All]}),
    show({safe, [t(fun() -> binary_to_term(term_to_binary(X), [safe]) =:= X end) || X <- All]}),
    show({sizes, [erlang:external_size(X) || X <- All]}),
    show({pids, grid(Pids)}),
    show({ports, grid(Ports)}),
    show({refs, grid(Refs)}),
    show({across, grid([hd(Pids), hd(Ports), hd(Refs), 1, a, {}, [], <<>>])}),
    show({sorted, lists:sort(All) =:= lists:sort(lists:reverse(All))}),
    Hashable = Pids ++ [port(N, I, C) || N <- Nodes, I <- [0, 9], C <- [1, 5]],
    show({phash2, [erlang:phash2(X) || X <- Hashable ++ Refs]}),
    show({phash2_tuple, [erlang:phash2({X, [X]}) || X <- Hashable ++ Refs]}),
    show({phash, [erlang:phash(X, 1 bsl 32) || X <- Hashable ++ Refs]}),
    show({small_maps, [term_to_binary(K) || {K, _} <- maps:to_list(maps:from_list([{X, 1} || X <- lists:sublist(Pids, 10)]))]}),
    show({map_sizes, [map_size(maps:from_list([{X, 1} || X <- L])) || L <- [Pids, Ports]]}),
    %% Identifiers of this node (nonode@nohost, creation 0) are local ones.
    show({local, [t(fun() -> is_pid(pid(<<"nonode@nohost">>, 5, 0, 0)) end),
                  t(fun() -> ref(<<"nonode@nohost">>, 0, [1, 2, 3, 4]) end),
                  t(fun() -> ref(<<"nonode@nohost">>, 0, [16#FFFFFFFF, 2, 3]) end),
                  t(fun() -> is_reference(ref(<<"nonode@nohost">>, 0, [1, 2])) end),
                  t(fun() -> ref(<<"a@b">>, 1, [1, 2, 3, 4, 5, 6]) end)]}),
    show({alive, [t(fun() -> is_process_alive(P) end) || P <- lists:sublist(Pids, 3)]}),
    ok.
