-module(etf_safe).
-export([main/0, known/1]).
%% binary_to_term(B, [safe]) refuses to create atoms (anywhere in the term: map keys, the node
%% of a pid, a fun's module or function) and export funs of functions nothing refers to; what
%% already exists decodes as usual.

known(X) -> X.

main() ->
    Safe = fun(B) -> t(fun() -> binary_to_term(B, [safe]) end) end,
    Existing = [ok, {error, [true, false]}, #{undefined => known}, fun ?MODULE:known/1,
                fun lists:reverse/1, list_to_pid("<0.3.0>"), list_to_ref("#Ref<0.1.2.3>")],
    lists:foreach(fun(T) -> erlang:display(Safe(term_to_binary(T)) =:= T) end, Existing),
    New = [<<131, 100, 0, 11, "etf_safe_n1">>,
           <<131, 104, 2, 97, 1, 100, 0, 11, "etf_safe_n2">>,
           <<131, 116, 0, 0, 0, 1, 119, 11, "etf_safe_n3", 97, 1>>,
           <<131, 108, 0, 0, 0, 1, 97, 1, 118, 0, 11, "etf_safe_n4">>,
           <<131, 88, 100, 0, 11, "etf_safe_n5", 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0>>,
           <<131, 113, 100, 0, 11, "etf_safe_n6", 100, 0, 1, "f", 97, 1>>,
           <<131, 113, 100, 0, 5, "lists", 100, 0, 11, "etf_safe_n7", 97, 1>>,
           <<131, 113, 100, 0, 5, "lists", 100, 0, 7, "reverse", 97, 9>>],
    lists:foreach(fun(B) -> erlang:display(Safe(B)) end, New),
    %% Without safe they decode (the pid of another node aside, which needs distribution).
    lists:foreach(fun(B) -> erlang:display(t(fun() -> binary_to_term(B) end)) end,
                  [lists:nth(I, New) || I <- [1, 2, 3, 4, 6, 7]]),
    %% Once created, the same atoms pass safe decoding.
    erlang:display(Safe(<<131, 100, 0, 11, "etf_safe_n1">>)),
    erlang:display(Safe(<<131, 119, 11, "etf_safe_n3">>)),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
