-module(bin_bifs_lists).
-export([main/0, id/1]).

%% Between lists and binaries: list_to_binary, iolist_to_binary,
%% iolist_size, binary_to_list/1,3, bitstring_to_list, list_to_bitstring,
%% with deep and improper iolists, bitstrings, big binaries, and errors.

id(X) -> X.

main() ->
    Deep = [1, [2, [3, <<4, 5>>], [], <<>>], [[[[6]]]] | <<7>>],
    Calls = [{list_to_binary, [Deep]}, {list_to_binary, [[]]}, {list_to_binary, ["abc", <<"def">>]},
             {list_to_binary, [[256]]}, {list_to_binary, [[-1]]}, {list_to_binary, [[1 | 2]]},
             {list_to_binary, [<<1>>]}, {list_to_binary, [[<<1:3>>]]}, {list_to_binary, [[a]]},
             {iolist_to_binary, [Deep]}, {iolist_to_binary, [<<"bin">>]}, {iolist_to_binary, [<<1:3>>]},
             {iolist_to_binary, [[<<"a">> | <<"b">>]]}, {iolist_size, [Deep]}, {iolist_size, [<<1, 2>>]},
             {iolist_size, [[<<1:3>>]]}, {iolist_size, [a]},
             {binary_to_list, [<<"hello">>]}, {binary_to_list, [<<>>]}, {binary_to_list, [<<1:3>>]},
             {binary_to_list, [<<"hello">>, 2, 4]}, {binary_to_list, [<<"hello">>, 5, 5]},
             {binary_to_list, [<<"hello">>, 0, 2]}, {binary_to_list, [<<"hello">>, 3, 2]},
             {binary_to_list, [<<"hello">>, 1, 6]}, {binary_to_list, [<<1, 2, 3, 4:4>>, 1, 3]},
             {bitstring_to_list, [<<1, 2, 3:3>>]}, {bitstring_to_list, [<<1, 2>>]}, {bitstring_to_list, [<<>>]},
             {bitstring_to_list, [a]}, {list_to_bitstring, [[1, <<2:3>>, [<<3:5>>]]]},
             {list_to_bitstring, [[<<1:1>> | <<1:1>>]]}, {list_to_bitstring, [[]]},
             {list_to_bitstring, [<<1>>]}, {list_to_bitstring, [[1.0]]}],
    [erlang:display(run(F, A)) || {F, A} <- Calls],
    Big = list_to_binary(lists:duplicate(1000, [<<"ab">>, $c])),
    erlang:display({byte_size(Big), length(binary_to_list(Big)), binary_to_list(Big, 998, 1003)}),
    Long = lists:seq(1, 200000),
    erlang:display(iolist_size([X rem 256 || X <- Long])),
    Nested = lists:foldl(fun(X, Acc) -> [Acc, X rem 256] end, [], lists:seq(1, 100000)),
    erlang:display({iolist_size(Nested), binary:part(list_to_binary(Nested), 99995, 5)}),
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
