-module(num_perf_factorial).
-export([main/0]).

%% Work on numbers of thousands of digits must be fast: the digit sum of 5000!, 3^100000
%% printed and read back in several bases (a checksum is shown, not the numbers), repeated
%% squaring, and gcd on bignums.

pow(_, 0) -> 1;
pow(B, N) when N rem 2 =:= 0 -> X = pow(B, N div 2), X * X;
pow(B, N) -> B * pow(B, N - 1).

fact(N) -> fact(N, 1).
fact(0, Acc) -> Acc;
fact(N, Acc) -> fact(N - 1, Acc * N).

dsum([], A) -> A;
dsum([C | T], A) -> dsum(T, A + C - $0).

check(S) -> lists:foldl(fun(C, A) -> (A * 31 + C) rem 1000000007 end, 0, S).

gcd(A, 0) -> A;
gcd(A, B) -> gcd(B, A rem B).

main() ->
    F = fact(5000),
    L = integer_to_list(F),
    erlang:display({length(L), dsum(L, 0), check(L)}),
    erlang:display(list_to_integer(L) =:= F),
    P = pow(3, 100000),
    S = integer_to_list(P),
    erlang:display({length(S), dsum(S, 0), check(S), lists:sublist(S, 20)}),
    erlang:display(list_to_integer(S) =:= P),
    [erlang:display({B, length(integer_to_list(P, B)), check(integer_to_list(P, B)),
                     binary_to_integer(integer_to_binary(P, B), B) =:= P})
     || B <- [2, 7, 16, 36]],
    erlang:display(check(integer_to_list(-P, 36))),
    erlang:display(gcd(fact(3000), pow(6, 2000)) =:= pow(2, 2000) * pow(3, 1498)),
    erlang:display((F div fact(4990)) =:= 5000 * 4999 * 4998 * 4997 * 4996 * 4995 * 4994 * 4993 * 4992 * 4991),
    erlang:display(F rem 1000000007),
    erlang:display(P bsr 158400),
    ok.
