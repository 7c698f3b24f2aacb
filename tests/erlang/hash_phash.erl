-module(hash_phash).
-export([main/0]).
%% erlang:phash/2, the older portable hash (deprecated but still used): values in 1..Range for
%% every kind of term, and its range limits.

main() ->
    Terms = [0, 1, -1, 255, 256, 1 bsl 32, -(1 bsl 32), 1 bsl 59, 1 bsl 64, -(1 bsl 100), 1 bsl 2000,
             0.0, -0.0, 1.5, -2.5e100, '', a, 'ä', 'Ā日', [], "abc", [1, 2 | 3], [a, "b" | c],
             "a" ++ [1000], <<>>, <<1, 2, 3>>, <<1:3>>, <<1, 2, 3:5>>, {}, {a, {b, c}},
             #{}, #{a => 1}, maps:from_list([{I, I} || I <- lists:seq(1, 40)]),
             list_to_pid("<0.7.0>"), list_to_pid("<0.7.3>"), list_to_port("#Port<0.12>"),
             list_to_ref("#Ref<0.1.2.3>"), fun lists:map/2, erlang:make_fun(m, 'Ω', 3),
             lists:seq(1, 1000), list_to_binary(lists:duplicate(1000, 7))],
    lists:foreach(fun(T) ->
                          erlang:display({erlang:phash(T, 1), erlang:phash(T, 7), erlang:phash(T, 1 bsl 20),
                                          erlang:phash(T, 1 bsl 32), erlang:phash(T, 1 bsl 32 - 1)})
                  end, Terms),
    Src = list_to_binary(lists:seq(1, 50)),
    erlang:display([begin <<_:Off, S:Len/bits, _/bits>> = Src, erlang:phash(S, 1 bsl 32) end
                    || Off <- [0, 3, 8], Len <- [0, 7, 16, 100]]),
    Bad = [0, -1, 1 bsl 32 + 1, 1 bsl 64, a, 1.0, []],
    lists:foreach(fun(R) -> erlang:display({R, t(fun() -> erlang:phash(a, R) end),
                                            t(fun() -> erlang:phash2(a, R) end)}) end, Bad),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
