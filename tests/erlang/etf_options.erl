-module(etf_options).
-export([main/0]).
%% Options of term_to_binary/2, term_to_iovec/2, external_size/2 and binary_to_term/2: what
%% each accepts and what is badarg; binary_to_term's `used`; trailing bytes are allowed.

main() ->
    T = {1.5, abc, "x"},
    Good = [[], [compressed], [{compressed, 0}], [{compressed, 9}], [{minor_version, 0}],
            [{minor_version, 1}], [{minor_version, 2}], [deterministic],
            [{minor_version, 2}, {minor_version, 0}], [{minor_version, 0}, {minor_version, 1}],
            [deterministic, {compressed, 9}, {minor_version, 2}]],
    lists:foreach(fun(O) -> erlang:display({O, term_to_binary(T, O)}) end, Good),
    BadTtb = [[foo], [{compressed, 10}], [{compressed, -1}], [{compressed, a}], [{minor_version, 3}],
              [{minor_version, -1}], [compressed | b], b, [{minor_version, 1, 2}], [local],
              [{compressed}], [[compressed]]],
    lists:foreach(fun(O) -> erlang:display({O, t(fun() -> term_to_binary(T, O) end),
                                            t(fun() -> term_to_iovec(T, O) end)}) end, BadTtb),
    %% external_size/2 takes only {minor_version, 0 | 1}; 0 sticks even when 1 follows.
    ES = [[], [{minor_version, 0}], [{minor_version, 1}], [{minor_version, 0}, {minor_version, 1}],
          [{minor_version, 1}, {minor_version, 0}], [{minor_version, 2}], [deterministic],
          [compressed], [x], x],
    lists:foreach(fun(O) -> erlang:display({O, t(fun() -> erlang:external_size(T, O) end)}) end, ES),
    %% binary_to_term/2.
    B = term_to_binary(T),
    erlang:display(binary_to_term(B, [])),
    erlang:display(binary_to_term(B, [used])),
    erlang:display(binary_to_term(<<B/binary, 1, 2, 3>>, [used])),
    erlang:display(binary_to_term(<<B/binary, 1, 2, 3>>)),
    erlang:display(binary_to_term(B, [safe, used])),
    C = term_to_binary(lists:duplicate(50, 1), [compressed]),
    erlang:display({byte_size(C), binary_to_term(<<C/binary, 9>>, [used])}),
    BadB2t = [[foo], [safe | used], x, [{safe, true}]],
    lists:foreach(fun(O) -> erlang:display({O, t(fun() -> binary_to_term(B, O) end)}) end, BadB2t),
    erlang:display(t(fun() -> binary_to_term(foo, []) end)),
    %% term_to_iovec: a list of binaries; big binaries get elements of their own; with
    %% compression OTP 25 returns the compressed binary itself.
    Big = list_to_binary(lists:duplicate(65, $a)),
    Small = list_to_binary(lists:duplicate(64, $b)),
    erlang:display(term_to_iovec(abc)),
    erlang:display([byte_size(X) || X <- term_to_iovec({Big, Small, Big, x})]),
    erlang:display([byte_size(X) || X <- term_to_iovec([Big])]),
    erlang:display([byte_size(X) || X <- term_to_iovec(Big)]),
    erlang:display(iolist_to_binary(term_to_iovec({Big, Small, Big})) =:= term_to_binary({Big, Small, Big})),
    erlang:display(term_to_iovec(abc, [compressed])),
    erlang:display(term_to_iovec(lists:duplicate(30, 0), [{compressed, 6}])),
    erlang:display(term_to_iovec(1.5, [{minor_version, 0}])),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
