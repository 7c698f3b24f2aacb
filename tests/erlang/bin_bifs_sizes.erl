-module(bin_bifs_sizes).
-export([main/0, id/1]).

%% byte_size, bit_size, size, is_binary, is_bitstring (as BIFs and guards)
%% on every representation: heap binaries, big (off-heap) binaries,
%% sub-binaries from matching, bitstrings, writable binaries from appends.

id(X) -> X.

main() ->
    Big = list_to_binary(lists:duplicate(100, $x)),
    <<_:7, Sub/bits>> = Big,
    <<_:8, SubB/binary>> = Big,
    App = <<(id(Big))/binary, 1>>,
    Terms = [<<>>, <<1>>, <<1:1>>, <<1:15>>, Big, Sub, SubB, App, <<App/binary, 2:3>>,
             binary:part(Big, 10, 20), atom, 42, "list", {<<1>>}],
    [erlang:display({kind(T), c(fun() -> byte_size(T) end), c(fun() -> bit_size(T) end), c(fun() -> size(T) end),
                     is_binary(T), is_bitstring(T), guard(T)}) || T <- Terms],
    erlang:display(size(id({a, b, c}))),
    ok.

c(F) -> try F() catch error:R -> {error, R} end.

kind(T) when is_binary(T), byte_size(T) > 64 -> big_binary;
kind(T) when is_binary(T) -> binary;
kind(T) when is_bitstring(T) -> {bitstring, bit_size(T) rem 8};
kind(_) -> other.

guard(T) when byte_size(T) >= 20, bit_size(T) rem 8 =:= 0 -> large_whole;
guard(T) when bit_size(T) > 0 -> some_bits;
guard(T) when size(T) =:= 0 -> empty;
guard(_) -> not_bits.
