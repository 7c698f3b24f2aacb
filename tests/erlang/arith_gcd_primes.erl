-module(arith_gcd_primes).
-export([main/0, id/1]).

%% Number theory loops: gcd, lcm, primality by trial division, a list
%% sieve, integer square root, modular exponentiation. All intermediate
%% values stay below 2^59 (no bignums).

id(X) -> X.

main() ->
    erlang:display([gcd(A, B) || {A, B} <- id([{12, 18}, {17, 5}, {0, 9}, {100, 75}, {-12, 18}, {1071, 462}])]),
    erlang:display(lcm(id(21), id(6))),
    erlang:display(primes_upto(id(100))),
    erlang:display(length(primes_upto(id(5000)))),
    erlang:display([isqrt(X) || X <- id([0, 1, 2, 3, 4, 15, 16, 17, 1000000, 999999, 576460752303423487])]),
    erlang:display(powmod(id(2), id(100), id(1000003))),
    erlang:display(powmod(id(3), id(123456), id(7340033))),
    erlang:display(is_prime(id(1000003))),
    erlang:display(is_prime(id(1000001))),
    erlang:display(collatz_max(id(1), id(3000), {0, 0})),
    ok.

gcd(A, 0) -> abs(A);
gcd(A, B) -> gcd(B, A rem B).

lcm(A, B) -> A div gcd(A, B) * B.

primes_upto(N) -> sieve(lists:seq(2, N)).

sieve([]) -> [];
sieve([P | T]) -> [P | sieve([X || X <- T, X rem P =/= 0])].

is_prime(N) when N < 2 -> false;
is_prime(N) -> is_prime(N, 2).

is_prime(N, D) when D * D > N -> true;
is_prime(N, D) when N rem D =:= 0 -> false;
is_prime(N, D) -> is_prime(N, D + 1).

isqrt(0) -> 0;
isqrt(N) -> isqrt_iter(N, N div 2 + 1).

isqrt_iter(N, X) ->
    Y = (X + N div X) div 2,
    if Y >= X -> X;
       true -> isqrt_iter(N, Y)
    end.

powmod(_, 0, _) -> 1;
powmod(B, E, M) when E rem 2 =:= 0 ->
    H = powmod(B, E div 2, M),
    H * H rem M;
powmod(B, E, M) -> B * powmod(B, E - 1, M) rem M.

collatz_max(I, Max, Best) when I > Max -> Best;
collatz_max(I, Max, {_, BestLen} = Best) ->
    L = collatz_len(I, 1),
    if L > BestLen -> collatz_max(I + 1, Max, {I, L});
       true -> collatz_max(I + 1, Max, Best)
    end.

collatz_len(1, L) -> L;
collatz_len(N, L) when N band 1 =:= 0 -> collatz_len(N bsr 1, L + 1);
collatz_len(N, L) -> collatz_len(3 * N + 1, L + 1).
