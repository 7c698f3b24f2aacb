-module(bin_big_refc).
-export([main/0, id/1]).

%% Binaries over the heap-binary limit (stored off the heap): construction,
%% matching into sub-binaries, equality and order against heap binaries
%% and sub-binaries with the same bytes, surviving many collections.

id(X) -> X.

main() ->
    Big = id(list_to_binary([X rem 256 || X <- lists:seq(1, 100000)])),
    erlang:display({byte_size(Big), binary:at(Big, 0), binary:at(Big, 99999)}),
    <<A:1000/binary, B:1000/binary, _/binary>> = Big,
    erlang:display({A =:= binary:part(Big, 0, 1000), B =:= binary:part(Big, 1000, 1000), A < B}),
    Copy = list_to_binary(binary_to_list(Big)),
    erlang:display({Copy =:= Big, Copy == Big, erlang:max(Copy, Big) =:= Big}),
    Keep = keep_parts(Big, 100, []),
    erlang:display({length(Keep), lists:sum([byte_size(P) || P <- Keep]), hd(Keep)}),
    Tuples = [{N, <<N:32, Big:100/binary>>} || N <- lists:seq(1, 300)],
    erlang:display(lists:sum([X || {_, <<X:32, _/binary>>} <- Tuples])),
    Garbage = churn(200, Big),
    erlang:display(Garbage),
    erlang:display({binary:part(Big, 99990, 10), lists:sort([binary:part(Big, 65, 3), <<1,2>>, <<>>, <<"zz">>])}),
    Huge = binary:copy(<<"0123456789abcdef">>, 65536),
    erlang:display({byte_size(Huge), binary:part(Huge, 1048570, 6), split_count(Huge, 0)}),
    ok.

keep_parts(_, 0, Acc) -> Acc;
keep_parts(Big, N, Acc) -> keep_parts(Big, N - 1, [binary:part(Big, N * 500, 200) | Acc]).

churn(0, _) -> done;
churn(N, Big) ->
    X = <<Big/binary, N>>,
    _ = binary:copy(X),
    _ = [binary:part(X, I, 100) || I <- lists:seq(0, 1000, 100)],
    churn(N - 1, Big).

split_count(<<_:4096/binary, R/binary>>, N) -> split_count(R, N + 1);
split_count(R, N) -> {N, byte_size(R)}.
