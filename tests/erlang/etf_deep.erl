-module(etf_deep).
-export([main/0]).
%% Deep and long terms encode and decode without recursion limits: lists nested 50,000 deep,
%% tuples nested 50,000 deep, a 200,000-element list, a map holding a deep term.

main() ->
    Deep = nest(50000, fun(X) -> [X] end, []),
    DeepT = nest(50000, fun(X) -> {X} end, leaf),
    Long = lists:seq(1, 200000),
    Mixed = #{deep => nest(20000, fun(X) -> {a, [X, 1]} end, z)},
    lists:foreach(fun(T) ->
                          B = term_to_binary(T),
                          erlang:display({byte_size(B), erlang:external_size(T), erlang:phash2(B),
                                          erlang:phash2(T), erlang:phash(T, 1000000),
                                          binary_to_term(B) =:= T})
                  end, [Deep, DeepT, Long, Mixed]),
    C = term_to_binary(Deep, [compressed]),
    erlang:display({byte_size(C), binary_to_term(C) =:= Deep}),
    ok.

nest(0, _, X) -> X;
nest(N, F, X) -> nest(N - 1, F, F(X)).
