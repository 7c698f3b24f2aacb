-module(bin_module_basic).
-export([main/0, id/1]).

%% binary:part/2,3, at/2, first/1, last/1, copy/1,2, list_to_bin/1,
%% referenced_byte_size/1, and their badarg errors (binary module frame).

id(X) -> X.

main() ->
    B = id(<<"abcdefgh">>),
    Big = id(binary:copy(<<"0123456789">>, 30)),
    Calls = [{part, [B, 2, 3]}, {part, [B, {8, -8}]}, {part, [B, {0, 9}]}, {part, [<<1,2,3,4:4>>, 1, 2]},
             {part, [B, -1, 1]}, {part, [Big, 250, 50]}, {at, [B, 0]}, {at, [B, 7]}, {at, [B, 8]},
             {at, [B, -1]}, {at, [<<1,2,3:4>>, 0]}, {at, [Big, 299]}, {first, [B]}, {first, [<<>>]},
             {first, [<<1:4>>]}, {last, [B]}, {last, [Big]}, {last, [<<>>]}, {copy, [B]}, {copy, [B, 0]},
             {copy, [B, 3]}, {copy, [<<>>, 5]}, {copy, [B, -1]}, {copy, [<<1:3>>]}, {copy, [B, a]},
             {list_to_bin, [[1, "bc", <<"d">> | <<"e">>]]}, {list_to_bin, [a]}, {list_to_bin, [[<<1:1>>]]},
             {referenced_byte_size, [B]}, {referenced_byte_size, [Big]}, {referenced_byte_size, [a]}],
    [erlang:display(run(F, A)) || {F, A} <- Calls],
    P = binary:part(Big, 100, 100),
    C = binary:copy(P),
    erlang:display({P =:= C, binary:referenced_byte_size(P), binary:referenced_byte_size(C)}),
    Small = binary:part(Big, 5, 10),
    erlang:display({Small, binary:referenced_byte_size(Small)}),
    <<_:10/binary, M:20/binary, _/binary>> = Big,
    erlang:display({M, binary:referenced_byte_size(M)}),
    <<_:10/binary, M2:100/binary, _/binary>> = Big,
    erlang:display(binary:referenced_byte_size(M2)),
    ok.

%% Stack trace filter: keep only frames of this module and of erlang and
%% binary (the callers of main/0 differ between erl and beamrun) and reduce
%% file names to their base name.
st(St) -> test_support:st([?MODULE, binary], St).


run(F, Args) ->
    try apply(binary, F, id(Args)) of
        V -> {ok, V}
    catch
        error:R:St -> {R, st(St)}
    end.
