-module(bin_bifs_part_split).
-export([main/0, id/1]).

%% binary_part/2,3 and split_binary/2: negative lengths, the bounds, big
%% binaries and bitstrings, and badarg with the BIF frame when out of range.

id(X) -> X.

main() ->
    B = id(<<"0123456789">>),
    Big = id(list_to_binary([lists:seq($a, $z) || _ <- lists:seq(1, 5)])),
    Calls = [{binary_part, [B, {0, 3}]}, {binary_part, [B, {10, -3}]}, {binary_part, [B, {10, 0}]},
             {binary_part, [B, {0, 10}]}, {binary_part, [B, {5, -5}]}, {binary_part, [B, 3, 4]},
             {binary_part, [Big, 70, 60]}, {binary_part, [Big, {100, 30}]}, {binary_part, [<<1,2,3,4:4>>, {1, 2}]},
             {binary_part, [B, {11, 0}]}, {binary_part, [B, {0, 11}]}, {binary_part, [B, {-1, 2}]},
             {binary_part, [B, {2, -3}]}, {binary_part, [B, {a, 1}]}, {binary_part, [B, {1}]},
             {binary_part, [<<1,2,3,4:4>>, {3, 1}]}, {binary_part, [atom, {0, 0}]},
             {split_binary, [B, 0]}, {split_binary, [B, 4]}, {split_binary, [B, 10]}, {split_binary, [Big, 65]},
             {split_binary, [<<1,2,3,4:4>>, 3]}, {split_binary, [<<1:4>>, 0]}, {split_binary, [B, 11]},
             {split_binary, [B, -1]}, {split_binary, [[], 0]}],
    [erlang:display(run(F, A)) || {F, A} <- Calls],
    {L, R} = split_binary(Big, 50),
    erlang:display(<<L/binary, R/binary>> =:= Big),
    ok.

%% Stack trace filter: keep only frames of this module and of erlang (the
%% callers of main/0 differ between erl and beamrun) and reduce file names
%% to their base name (erlc records the path as given on its command line).
st(St) -> test_support:st(?MODULE, St).


run(F, Args) ->
    try apply(erlang, F, id(Args)) of
        V -> {ok, V}
    catch
        error:R:St -> {R, st(St)}
    end.
