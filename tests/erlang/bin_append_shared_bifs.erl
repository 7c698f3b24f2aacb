%% Appending to accumulators that other terms still see, part 2: sized binary matches
%% (bs_get_binary2), natives that may hand back their argument or slices of it (unicode,
%% string, binary:matches, term_to_iovec, list_to_bitstring), persistent_term,
%% spawn arguments, and collections between the appends. Every earlier value must stay as it was.
-module(bin_append_shared_bifs).
-export([main/0]).

acc(N) -> acc(N, <<>>).
acc(0, A) -> A;
acc(N, A) -> acc(N - 1, <<A/binary, ($a + N rem 26)>>).

show(T) -> erlang:display(T).

prefix(B, N) -> <<P:N/binary, _/binary>> = B, P.
suffix(B, N) -> S = byte_size(B) - N, <<_:S/binary, R/binary>> = B, R.

main() ->
    lists:foreach(fun(N) ->
        A = acc(N),
        P = prefix(A, N),
        S = suffix(A, N),
        P2 = <<P/binary, "p">>,
        S2 = <<S/binary, "s">>,
        A2 = <<A/binary, "a">>,
        show({sized_match, N, P =:= A, S =:= A, byte_size(P), byte_size(S),
              binary:last(P2), binary:last(S2), binary:last(A2), byte_size(A)})
    end, [1, 40, 64, 65, 300]),
    lists:foreach(fun(N) ->
        A = acc(N),
        U = unicode:characters_to_binary(A),
        U2 = unicode:characters_to_binary([A]),
        T = string:trim(A, both, "z"),
        [L | _] = string:lexemes(A, "#"),
        Ms = [binary:part(A, Pos) || Pos <- binary:matches(A, <<"a">>)],
        [E | _] = erlang:term_to_iovec(A),
        Bs = list_to_bitstring([A]),
        Apps = [<<X/binary, "+">> || X <- [U, U2, T, L, Bs]],
        A2 = <<A/binary, "-">>,
        show({natives, N, [byte_size(X) || X <- [U, U2, T, L, Bs, A]],
              [X =:= A || X <- [U, U2, L, Bs]], [binary:last(X) || X <- Apps],
              binary:last(A2), length(Ms), is_binary(E)})
    end, [26, 64, 65, 520]),
    %% persistent_term keeps a copy; the accumulator goes on growing.
    K = acc(100),
    persistent_term:put({?MODULE, k}, K),
    K2 = <<K/binary, "after">>,
    show({persistent, persistent_term:get({?MODULE, k}) =:= K, byte_size(persistent_term:get({?MODULE, k})),
          byte_size(K2)}),
    persistent_term:erase({?MODULE, k}),
    %% Spawn arguments are copies: both sides append.
    Self = self(),
    S0 = acc(150),
    spawn(fun() -> Self ! {child, <<S0/binary, "child">>, S0} end),
    S1 = <<S0/binary, "parent">>,
    receive {child, C, S0c} ->
        show({spawn, byte_size(C), byte_size(S1), S0c =:= S0, binary:part(C, 150, 5),
              binary:part(S1, 150, 6)})
    end,
    %% Collections between appends (the accumulator may move, shrink or be promoted).
    G0 = acc(90),
    erlang:garbage_collect(),
    G1 = <<G0/binary, "one">>,
    erlang:garbage_collect(),
    G2 = <<G0/binary, "two">>,
    G3 = <<G1/binary, "three">>,
    erlang:garbage_collect(),
    show({gc, byte_size(G0), binary:part(G1, 90, 3), binary:part(G2, 90, 3), binary:part(G3, 90, 8),
          binary:part(G1, 90, 3)}),
    ok.
