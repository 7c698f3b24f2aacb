-module(bin_match_positions).
-export([main/0, id/1]).

%% Backtracking between clauses that share a match context (positions are
%% saved and restored), contexts passed to other functions, guards on
%% matched values, and matching the same binary several times.

id(X) -> X.

main() ->
    Msgs = [<<1, 5, "hello", 0>>, <<1, 2, "hi">>, <<2, 0, 0, 0, 42>>, <<2, 1>>, <<3, 9:4, 7:4>>,
            <<3, 1:4, 2:4, 1>>, <<4>>, <<>>, <<1, 200, "x">>],
    [erlang:display(decode(id(M))) || M <- Msgs],
    erlang:display(parse_ints(id(<<"12,345,6,,78">>), [])),
    B = id(<<1, 2, 3, 4, 5, 6>>),
    <<First:16, _/binary>> = B,
    <<_:16, Second:16, _/binary>> = B,
    <<_:32, Third:16>> = B,
    erlang:display({First, Second, Third}),
    erlang:display(sum_pairs(id(<<1, 2, 3, 4, 5>>), 0)),
    erlang:display(classify(id(<<0:1, 5:7>>))),
    erlang:display(classify(id(<<2#10:2, 5:14>>))),
    erlang:display(classify(id(<<2#110:3, 5:29>>))),
    erlang:display(classify(id(<<2#111:3, 5:5>>))),
    ok.

decode(<<1, Len, Str:Len/binary, 0>>) -> {cstring, Str};
decode(<<1, Len, Str:Len/binary>>) -> {string, Str};
decode(<<2, N:32>>) -> {int, N};
decode(<<2, _/binary>>) -> bad_int;
decode(<<3, A:4, B:4>>) when A > B -> {nibbles_desc, A, B};
decode(<<3, A:4, B:4, _/binary>>) -> {nibbles, A, B};
decode(<<T, _/binary>>) when T > 3 -> {unknown_tag, T};
decode(<<>>) -> empty;
decode(Other) -> {bad, Other}.

parse_ints(<<>>, Acc) -> lists:reverse(Acc);
parse_ints(Bin, Acc) ->
    {N, Rest} = digits(Bin, 0, 0),
    case Rest of
        <<",", R/binary>> -> parse_ints(R, [N | Acc]);
        <<>> -> lists:reverse([N | Acc])
    end.

digits(<<D, R/binary>>, N, _) when D >= $0, D =< $9 -> digits(R, N * 10 + D - $0, 1);
digits(R, N, _) -> {N, R}.

sum_pairs(<<A, B, R/binary>>, S) -> sum_pairs(R, S + A * B);
sum_pairs(<<A>>, S) -> S + A;
sum_pairs(<<>>, S) -> S.

classify(<<0:1, V:7>>) -> {one, V};
classify(<<2#10:2, V:14>>) -> {two, V};
classify(<<2#110:3, V:29>>) -> {four, V};
classify(B) -> {invalid, B}.
