%% Appending in place to a binary that another term can still see must never change that term.
%% Each case builds an accumulator by appends (a writable binary), lets something else see it
%% (a match context, a sub-binary, a BIF result, a message, a second append from the same
%% base...), appends again, and prints both.
-module(bin_append_shared).
-export([main/0]).

acc(N) -> acc(N, <<>>).
acc(0, A) -> A;
acc(N, A) -> acc(N - 1, <<A/binary, ($a + N rem 26)>>).

bacc(N) -> bacc(N, <<>>).
bacc(0, A) -> A;
bacc(N, A) -> bacc(N - 1, <<A/bitstring, (N band 1):1>>).

word(<<C:8, Rest/bitstring>>, Acc) when C >= $a, C =< $z -> word(Rest, <<Acc/bitstring, C:8>>);
word(Bits, Acc) -> {Acc, Bits}.
kw(W) -> case W of <<"let">> -> t_let; <<"in">> -> t_in; _ -> {ident, W} end.

tail(<<_:8, R/binary>>) -> R.
whole(B) -> case B of <<X:8, _/binary>> when X > 255 -> no; _ -> B end.

show(Name, T) -> erlang:display({Name, T}).

main() ->
    %% The reported case: a match context over the accumulator, bs_get_tail back to it.
    {W, _} = word(<<"sq 12">>, <<>>),
    {ident, V} = kw(W),
    S = <<<<V/binary, "(">>/binary, "12)">>,
    show(issue, {S, V}),
    %% An empty accumulator seen whole, then appended to.
    {E, _} = word(<<" x">>, <<>>),
    E2 = <<E/binary, "abc">>,
    show(empty_whole, {E, E2}),
    %% Short and long (off-heap) accumulators, matched whole then appended.
    lists:foreach(fun(N) ->
        A = acc(N),
        A1 = whole(A),
        A2 = <<A1/binary, "!">>,
        A3 = <<A/binary, "?">>,
        show({whole, N}, {byte_size(A), byte_size(A1), byte_size(A2), byte_size(A3),
                          A =:= A1, binary:last(A2), binary:last(A3), A2 =:= A3})
    end, [0, 1, 5, 63, 64, 65, 200, 1000]),
    %% Tails of accumulators (sub-binaries that end where the accumulator ends).
    lists:foreach(fun(N) ->
        A = acc(N),
        T = tail(A),
        T2 = <<T/binary, "tail">>,
        A2 = <<A/binary, "acc">>,
        show({tail, N}, {T =:= binary:part(A, 1, N - 1), byte_size(T2), byte_size(A2),
                         binary:part(T2, N - 1, 4), binary:part(A2, N, 3)})
    end, [2, 64, 65, 300]),
    %% A second append from the same base.
    B0 = acc(100),
    B1 = <<B0/binary, "one">>,
    B2 = <<B0/binary, "two">>,
    B3 = <<B1/binary, "three">>,
    show(same_base, {byte_size(B0), binary:part(B1, 100, 3), binary:part(B2, 100, 3),
                     binary:part(B3, 100, 8), binary:part(B1, 100, 3)}),
    %% BIFs that make sub-binaries or may return their argument.
    lists:foreach(fun(N) ->
        A = acc(N),
        P = binary:part(A, 0, N),
        P2 = erlang:binary_part(A, 0, N),
        {L, R} = split_binary(A, N div 2),
        I = iolist_to_binary([A]),
        I2 = list_to_binary([A]),
        C = binary:copy(A),
        [Sp | _] = binary:split(A, <<"#">>),
        AppP = <<P/binary, "P">>,
        AppP2 = <<P2/binary, "Q">>,
        AppR = <<R/binary, "R">>,
        AppI = <<I/binary, "I">>,
        AppI2 = <<I2/binary, "J">>,
        AppSp = <<Sp/binary, "S">>,
        AppA = <<A/binary, "A">>,
        show({bifs, N}, {[byte_size(X) || X <- [A, P, P2, L, R, I, I2, C, Sp]],
                         [binary:last(X) || X <- [AppP, AppP2, AppR, AppI, AppI2, AppSp, AppA]],
                         A =:= P, A =:= P2, A =:= I, A =:= I2, A =:= C, A =:= Sp,
                         <<L/binary, R/binary>> =:= A})
    end, [1, 10, 64, 65, 500]),
    %% Bitstrings: partial last bytes, then append, then the earlier one is used every way.
    lists:foreach(fun(N) ->
        A = bacc(N),
        A2 = <<A/bitstring, 1:1, 1:1, 1:1>>,
        A3 = <<A/bitstring, 0:5>>,
        show({bits, N}, {A, A2, A3, bit_size(A), term_to_binary(A), erlang:phash2(A),
                         A =:= bacc(N), A < A2, binary_to_term(term_to_binary(A)) =:= A,
                         bitstring_to_list(A)})
    end, [1, 3, 7, 9, 15, 17, 520, 521]),
    %% Messages: the accumulator sent, then appended to on both sides.
    M = acc(200),
    Self = self(),
    Pid = spawn(fun() -> receive {X, From} -> From ! {back, <<X/binary, "child">>, X} end end),
    Pid ! {M, Self},
    M2 = <<M/binary, "parent">>,
    receive {back, Y, X0} ->
        show(message, {byte_size(M), byte_size(M2), byte_size(Y), X0 =:= M,
                       binary:part(Y, 200, 5), binary:part(M2, 200, 6)})
    end,
    %% Held in the process dictionary, a tuple and a list, then appended to.
    D = acc(80),
    put(key, D),
    Tup = {D, [D]},
    D2 = <<D/binary, "dict">>,
    show(held, {get(key) =:= D, element(1, Tup) =:= D, byte_size(get(key)),
                byte_size(hd(element(2, Tup))), byte_size(D2)}),
    %% term_to_binary of the accumulator, then append, then decode.
    T0 = acc(90),
    Enc = term_to_binary(T0),
    T1 = <<T0/binary, "more">>,
    show(etf, {binary_to_term(Enc) =:= T0, byte_size(T1), byte_size(binary_to_term(Enc))}),
    %% Binary comprehensions (bs_init_writable) seen whole, then appended to.
    BC = << <<X>> || X <- lists:seq(1, 70) >>,
    BCw = whole(BC),
    BC2 = <<BCw/binary, 0>>,
    show(comprehension, {byte_size(BC), byte_size(BCw), byte_size(BC2), BC =:= BCw}),
    EBC = << <<X>> || X <- [] >>,
    EBCw = whole(EBC),
    EBC2 = <<EBCw/binary, 7>>,
    show(empty_comprehension, {EBC, EBCw, EBC2}),
    ok.
