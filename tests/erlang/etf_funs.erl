-module(etf_funs).
-export([main/0, add/2]).
%% Funs in the external format: EXPORT_EXT for fun M:F/A, NEW_FUN_EXT for closures (module
%% md5, index, uniq, creator pid, free variables). The creator pid is the one part that depends
%% on the process, so it is cut out of what is displayed.

add(A, B) -> A + B.

main() ->
    Es = [fun lists:map/2, fun ?MODULE:add/2, erlang:make_fun(no_such_mod, f, 3), fun erlang:'+'/2],
    lists:foreach(fun(E) ->
                          B = term_to_binary(E),
                          erlang:display({E, B, binary_to_term(B) =:= E, erlang:external_size(E)})
                  end, Es),
    Add = binary_to_term(term_to_binary(fun ?MODULE:add/2)),
    erlang:display(Add(2, 3)),
    erlang:display(binary_to_term(<<131, 113, 100, 0, 5, "lists", 100, 0, 7, "reverse", 97, 1>>)),
    erlang:display(binary_to_term(<<131, 113, 119, 5, "lists", 119, 7, "reverse", 97, 1>>)),
    erlang:display(t(fun() -> binary_to_term(<<131, 113, 100, 0, 5, "lists", 100, 0, 7, "reverse", 98, 0, 0, 0, 1>>) end)),
    erlang:display(t(fun() -> binary_to_term(<<131, 113, 100, 0, 5, "lists", 100, 0, 7, "reverse", 98, 0, 0, 1, 0>>) end)),
    erlang:display(t(fun() -> binary_to_term(<<131, 113, 100, 0, 5, "lists", 100, 0, 7, "reverse", 98, 255, 255, 255, 255>>) end)),
    erlang:display(t(fun() -> binary_to_term(<<131, 113, 100, 0, 5, "lists", 100, 0, 7, "reverse", 110, 1, 0, 2>>) end)),
    erlang:display(t(fun() -> binary_to_term(<<131, 113, 97, 1, 100, 0, 7, "reverse", 97, 1>>) end)),
    closures(id(5), id("str"), id({t, 1.5})),
    ok.

closures(X, Y, Z) ->
    F0 = fun() -> ok end,
    F1 = fun(A) -> A + X end,
    F3 = fun(A, B) -> {A, B, X, Y, Z} end,
    Nested = fun() -> F1(1) end,
    lists:foreach(fun(F) ->
                          B = term_to_binary(F),
                          erlang:display(without_pid(B)),
                          D = binary_to_term(B),
                          erlang:display({D =:= F, erlang:phash2(F), erlang:phash2(D),
                                          erlang:external_size(F), byte_size(B)})
                  end, [F0, F1, F3, Nested]),
    erlang:display((binary_to_term(term_to_binary(F1)))(10)),
    erlang:display((binary_to_term(term_to_binary(F3)))(a, b)),
    erlang:display((binary_to_term(term_to_binary(Nested)))()),
    %% Funs inside structures, compressed, and under safe.
    T = {F1, [F0, #{k => F3}]},
    TB = term_to_binary(T, [compressed]),
    {G1, [G0, #{k := G3}]} = binary_to_term(TB, [safe]),
    erlang:display({G1(1), G0(), G3(1, 2), binary_to_term(TB) =:= T}),
    %% fun_to_list and display agree with erl.
    erlang:display({F0, F1, erlang:fun_to_list(F3)}),
    ok.

%% The encoding with every creator pid (the process's own) replaced by <<"PID">>.
without_pid(B) ->
    <<131, PidExt/binary>> = term_to_binary(self()),
    cut(B, PidExt, 0).

cut(B, P, At) when At + byte_size(P) =< byte_size(B) ->
    case B of
        <<Before:At/binary, P:(byte_size(P))/binary, After/binary>> ->
            cut(<<Before/binary, "PID", After/binary>>, P, At + 3);
        _ -> cut(B, P, At + 1)
    end;
cut(B, _, _) -> B.

id(X) -> X.

t(F) -> try F() catch C:R -> {C, R} end.
