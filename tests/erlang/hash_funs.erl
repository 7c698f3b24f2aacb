-module(hash_funs).
-export([main/0, f/1]).
%% Hashes of funs: closures hash by module, index, uniq and their free variables (so two
%% closures of one fun expression with different environments differ), export funs by
%% module, function and arity.

f(X) -> X.

main() ->
    Cs = [make(N) || N <- [1, 2, 3, foo, "bar", {1, 2}]],
    erlang:display([erlang:phash2(C) || C <- Cs]),
    erlang:display([erlang:phash(C, 1 bsl 32) || C <- Cs]),
    Two = [fun() -> ok end, fun(A) -> A end, fun(A, B) -> {A, B} end],
    erlang:display([{erlang:phash2(F), erlang:phash(F, 1 bsl 32)} || F <- Two]),
    Multi = [multi(A, B, C) || A <- [1, a], B <- [[], "x"], C <- [{}, 2.5]],
    erlang:display([erlang:phash2(F) || F <- Multi]),
    Es = [fun ?MODULE:f/1, fun lists:map/2, fun erlang:length/1, erlang:make_fun(?MODULE, f, 1),
          erlang:make_fun(a, b, 0), erlang:make_fun('Ω', 'ψ', 255)],
    erlang:display([{erlang:phash2(E), erlang:phash(E, 1 bsl 32)} || E <- Es]),
    erlang:display(erlang:phash2({Cs, Es, Multi})),
    ok.

make(N) -> fun() -> N end.

multi(A, B, C) -> fun(X) -> {X, A, B, C} end.
