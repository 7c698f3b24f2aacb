-module(etf_compressed).
-export([main/0]).
%% compressed and {compressed, Level}: zlib at the given level (compressed = level 6), kept only
%% when it is not larger than the plain encoding; level 0 is plain. Compressed input decodes,
%% and a wrong size or corrupt stream is badarg.

main() ->
    Terms = [abc, lists:duplicate(100, 0), lists:seq(1, 100), {lists:duplicate(50, a), <<0:800>>},
             lists:duplicate(20, "hello world"), [], <<1, 2, 3>>],
    lists:foreach(fun(T) ->
                          Plain = term_to_binary(T),
                          Row = [compressed_size(T, Opts) || Opts <- [[compressed], [{compressed, 0}],
                                                                       [{compressed, 1}], [{compressed, 9}]]],
                          erlang:display({byte_size(Plain), Row})
                  end, Terms),
    erlang:display(term_to_binary(lists:duplicate(100, 0), [compressed])),
    erlang:display(term_to_binary(lists:duplicate(100, 0), [{compressed, 1}])),
    erlang:display(term_to_binary(lists:duplicate(100, 0), [{compressed, 9}])),
    erlang:display(term_to_binary({lists:duplicate(30, abc), 1.5}, [{compressed, 3}, {minor_version, 0}])),
    %% Later options win.
    erlang:display(term_to_binary(lists:duplicate(30, 1), [compressed, {compressed, 0}])),
    erlang:display(term_to_binary(lists:duplicate(30, 1), [{compressed, 0}, compressed])),
    %% Round trips of bigger terms, and the exact boundary where compression stops paying.
    Big = {lists:seq(1, 2000), lists:duplicate(3000, {x, y}), list_to_binary(lists:duplicate(5000, 7))},
    BC = term_to_binary(Big, [compressed]),
    erlang:display({byte_size(BC), erlang:phash2(BC), binary_to_term(BC) =:= Big}),
    Sizes = [begin
                 T = lists:duplicate(N, 5) ++ lists:seq(1, N),
                 {byte_size(term_to_binary(T)), byte_size(term_to_binary(T, [{compressed, 9}]))}
             end || N <- lists:seq(1, 40)],
    erlang:display(Sizes),
    %% Decoding: a valid stream; a wrong uncompressed size, corrupt data, trailing garbage.
    C = term_to_binary(lists:duplicate(100, 0), [compressed]),
    erlang:display(binary_to_term(C) =:= lists:duplicate(100, 0)),
    <<131, 80, Size:32, Z/binary>> = C,
    Bad = [<<131, 80, (Size + 1):32, Z/binary>>, <<131, 80, (Size - 1):32, Z/binary>>,
           <<131, 80, Size:32, (binary:part(Z, 0, 5))/binary>>, <<131, 80, 0:32, Z/binary>>,
           <<131, 80, 255, 255, 255, 255, Z/binary>>, <<131, 80, 0, 0>>,
           <<131, 104, 1, 80, Size:32, Z/binary>>],
    lists:foreach(fun(B) -> erlang:display(t(fun() -> binary_to_term(B) end)) end, Bad),
    erlang:display(binary_to_term(<<C/binary, "trailing">>) =:= lists:duplicate(100, 0)),
    ok.

compressed_size(T, Opts) ->
    B = term_to_binary(T, Opts),
    <<131, Tag, _/binary>> = B,
    {Tag, byte_size(B), binary_to_term(B) =:= T}.

t(F) -> try F() catch C:R -> {C, R} end.
