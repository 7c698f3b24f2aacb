-module(etf_malformed).
-export([main/0]).
%% Malformed input: every truncation of valid encodings, and every single-byte corruption of
%% them, must give exactly what erl gives: the same term or badarg (never a crash). The result
%% of each case is shown as a hash, so the output stays short.

main() ->
    Terms = [{a, "bc", 1.5, [1, 2 | 3]}, #{k => <<1, 2, 3>>, 2 => {}}, -(1 bsl 70),
             [<<1:3>>, 'Ā', 300, -3], {{{}}, [[]], #{}}],
    lists:foreach(fun(T) ->
                          B = term_to_binary(T),
                          Truncs = [outcome(binary:part(B, 0, N)) || N <- lists:seq(0, byte_size(B) - 1)],
                          erlang:display({truncations, lists:usort(Truncs)}),
                          Flips = [{I, V, outcome(set_byte(B, I, V))}
                                   || I <- lists:seq(1, byte_size(B) - 1), V <- [0, 1, 2, 97, 104, 106, 108, 200, 255]],
                          erlang:display({flips, length(Flips), erlang:phash2(Flips)}),
                          lists:foreach(fun({I, V, O}) when O =/= badarg -> erlang:display({I, V, O});
                                           (_) -> ok
                                        end, lists:sublist(Flips, 12))
                  end, Terms),
    %% Inputs that claim huge sizes must not allocate them.
    Huge = [<<131, 104, 255>>, <<131, 105, 255, 255, 255, 255>>, <<131, 108, 255, 255, 255, 255, 106>>,
            <<131, 109, 255, 255, 255, 255>>, <<131, 111, 255, 255, 255, 255, 0>>,
            <<131, 116, 255, 255, 255, 255>>, <<131, 107, 255, 255>>,
            <<131, 77, 255, 255, 255, 255, 1>>, <<131, 118, 255, 255>>,
            <<131, 90, 255, 255, 100, 0, 13, "nonode@nohost", 0, 0, 0, 0>>],
    lists:foreach(fun(B) -> erlang:display(outcome(B)) end, Huge),
    Tags = [outcome(<<131, Tag>>) || Tag <- lists:seq(0, 255)],
    erlang:display(lists:usort(Tags)),
    %% (Tags 73 and 75 are ERTS-internal references into its own atom table, which erl also
    %% accepts here; beamrun does not, as its atom table is its own.)
    Tags2 = [{Tag, outcome(<<131, Tag, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0>>)} || Tag <- lists:seq(0, 255),
                                                                              Tag =/= 73, Tag =/= 75],
    erlang:display([X || {_, O} = X <- Tags2, O =/= badarg]),
    ok.

outcome(B) ->
    try binary_to_term(B) of
        T -> {ok, erlang:phash2(T)}
    catch
        error:badarg -> badarg
    end.

set_byte(B, I, V) ->
    <<Before:I/binary, _, After/binary>> = B,
    <<Before/binary, V, After/binary>>.
