-module(etf_atoms).
-export([main/0]).
%% Atoms: OTP 25 writes ATOM_EXT (Latin-1) when every character is below 256, else
%% SMALL_ATOM_UTF8_EXT / ATOM_UTF8_EXT; {minor_version, 2} always writes UTF-8. All four atom
%% tags decode; `safe` refuses atoms that do not exist yet.

main() ->
    Atoms = ['', a, abc, 'hello world', 'ä', 'ÿ', 'Ā', 'ĀĀ', '日本語', true, '[]',
             list_to_atom(lists:duplicate(255, $x)), list_to_atom(lists:duplicate(255, 16#e9)),
             list_to_atom(lists:duplicate(100, 16#3042))],
    lists:foreach(fun(A) ->
                          B1 = term_to_binary(A),
                          B2 = term_to_binary(A, [{minor_version, 2}]),
                          erlang:display({erlang:phash2(B1), erlang:phash2(B2),
                                          erlang:external_size(A), binary_to_term(B1) =:= A,
                                          binary_to_term(B2) =:= A})
                  end, Atoms),
    erlang:display(term_to_binary(['', a, 'ä', 'Ā'])),
    erlang:display(term_to_binary(['', a, 'ä', 'Ā'], [{minor_version, 2}])),
    erlang:display(term_to_binary({'日本語'})),
    %% The four atom tags, including the old SMALL_ATOM_EXT.
    erlang:display(binary_to_term(<<131, 100, 0, 3, "abc">>)),
    erlang:display(binary_to_term(<<131, 115, 3, "abc">>)),
    erlang:display(binary_to_term(<<131, 118, 0, 2, 195, 164>>)),
    erlang:display(binary_to_term(<<131, 119, 2, 195, 164>>)),
    erlang:display(binary_to_term(<<131, 100, 0, 1, 228>>)),
    %% Invalid UTF-8 and over-long atoms are badarg.
    erlang:display(t(fun() -> binary_to_term(<<131, 119, 1, 200>>) end)),
    erlang:display(t(fun() -> binary_to_term(<<131, 119, 2, 192, 128>>) end)),
    Long = list_to_binary(lists:duplicate(256, $a)),
    erlang:display(t(fun() -> binary_to_term(<<131, 100, 1, 0, Long/binary>>) end)),
    erlang:display(t(fun() -> binary_to_term(<<131, 100, 0, 5, "ab">>) end)),
    %% safe: existing atoms are fine, new ones are not (also inside structures).
    erlang:display(binary_to_term(<<131, 100, 0, 2, "ok">>, [safe])),
    erlang:display(t(fun() -> binary_to_term(<<131, 100, 0, 9, "zq_nx_etf">>, [safe]) end)),
    erlang:display(t(fun() -> binary_to_term(<<131, 104, 2, 97, 1, 119, 9, "zq_nx_et2">>, [safe]) end)),
    erlang:display(binary_to_term(<<131, 119, 9, "zq_nx_et3">>)),
    erlang:display(binary_to_term(<<131, 119, 9, "zq_nx_et3">>, [safe])),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
