-module(bin_guards).
-export([main/0, id/1]).

%% Binary BIFs in guards: failures make the guard false without an error;
%% is_binary/is_bitstring/byte_size/bit_size/binary_part in guards.

id(X) -> X.

main() ->
    Vals = [<<>>, <<"abc">>, <<1:3>>, binary:copy(<<"x">>, 100), abc, 12, [1, 2], {<<"t">>}],
    [erlang:display({V, classify(id(V)), small(id(V)), prefix(id(V))}) || V <- Vals],
    erlang:display([X || X <- Vals, is_binary(X) orelse is_tuple(X)]),
    erlang:display([bit_size(X) || X <- Vals, is_bitstring(X), not is_binary(X)]),
    ok.

classify(V) when is_binary(V), byte_size(V) > 10 -> big_binary;
classify(V) when is_binary(V) -> binary;
classify(V) when is_bitstring(V) -> bitstring;
classify(V) when bit_size(V) > 0 -> unreachable;
classify(_) -> other.

small(V) when byte_size(V) < 4; bit_size(V) =:= 3 -> small;
small(_) -> not_small.

prefix(V) when binary_part(V, 0, 2) =:= <<"ab">> -> ab;
prefix(V) when binary_part(V, {0, 1}) =:= <<"x">> -> x;
prefix(_) -> none.
