-module(bin_module_unsigned).
-export([main/0, id/1]).

%% binary:encode_unsigned/1,2, decode_unsigned/1,2 (round trips through
%% bignums), longest_common_prefix/suffix, bin_to_list/1,2,3.

id(X) -> X.

main() ->
    Ns = [0, 1, 255, 256, 65535, 16#10000, (1 bsl 64) - 1, 1 bsl 64, 123456789012345678901234567890,
          (1 bsl 1000) + 7],
    [erlang:display({N, binary:encode_unsigned(id(N)), binary:encode_unsigned(id(N), little),
                     binary:decode_unsigned(binary:encode_unsigned(N)) =:= N,
                     binary:decode_unsigned(binary:encode_unsigned(N, little), little) =:= N}) || N <- Ns],
    Calls = [{decode_unsigned, [<<0, 0, 1>>]}, {decode_unsigned, [<<0, 0, 1>>, little]},
             {decode_unsigned, [<<>>]}, {decode_unsigned, [<<1:4>>]}, {decode_unsigned, [<<1>>, middle]},
             {encode_unsigned, [-1]}, {encode_unsigned, [1.0]}, {encode_unsigned, [5, big]},
             {encode_unsigned, [5, bad]},
             {longest_common_prefix, [[<<"abcd">>, <<"abce">>, <<"abx">>]]},
             {longest_common_prefix, [[<<"abc">>]]}, {longest_common_prefix, [[<<>>, <<"abc">>]]},
             {longest_common_prefix, [[<<"x">>, <<"y">>]]}, {longest_common_prefix, [[]]},
             {longest_common_prefix, [[<<"a">>, <<1:3>>]]}, {longest_common_prefix, [<<"abc">>]},
             {longest_common_suffix, [[<<"xabc">>, <<"zbc">>, <<"c">>]]},
             {longest_common_suffix, [[<<"abc">>, <<"abc">>]]}, {longest_common_suffix, [[<<"a">>, <<"b">>]]},
             {longest_common_suffix, [[<<"a">> | <<"b">>]]},
             {bin_to_list, [<<"hello">>]}, {bin_to_list, [<<"hello">>, {1, 3}]},
             {bin_to_list, [<<"hello">>, {5, -2}]}, {bin_to_list, [<<"hello">>, 0, 5]},
             {bin_to_list, [<<"hello">>, 2, 10]}, {bin_to_list, [<<1:3>>]}],
    [erlang:display(run(F, A)) || {F, A} <- Calls],
    ok.

run(F, Args) ->
    try apply(binary, F, id(Args)) of
        V -> {ok, V}
    catch
        error:R -> {error, R}
    end.
