-module(bin_module_split_replace).
-export([main/0, id/1]).

%% binary:split/2,3 (global, trim, trim_all, scope) and binary:replace/3,4
%% (global, insert_replaced), including parts of big binaries.

id(X) -> X.

main() ->
    S = id(<<"a,b,,c,">>),
    Calls = [{split, [S, <<",">>]}, {split, [S, <<",">>, [global]]}, {split, [S, <<",">>, [trim]]},
             {split, [S, <<",">>, [global, trim]]}, {split, [<<",a,,b,,">>, <<",">>, [global, trim_all]]},
             {split, [<<",a,,b,,">>, <<",">>, [trim_all]]}, {split, [<<>>, <<",">>]},
             {split, [<<>>, <<",">>, [trim]]}, {split, [<<>>, <<",">>, [global, trim_all]]},
             {split, [<<"a-b_c-d">>, [<<"-">>, <<"_">>], [global]]},
             {split, [<<"abcabc">>, <<"bc">>, [{scope, {2, 4}}, global]]},
             {split, [<<"abcabc">>, <<"bc">>, [{scope, {2, -2}}]]}, {split, [S, <<",">>, [bad]]},
             {split, [S, <<>>]}, {split, [<<1:4>>, <<",">>]}, {split, [<<"x::y::z">>, <<"::">>, [global]]},
             {split, [<<"aaa">>, <<"a">>, [global]]}, {split, [<<"aaa">>, <<"a">>, [global, trim_all]]},
             {replace, [<<"abcb">>, <<"b">>, <<"XY">>]}, {replace, [<<"abcb">>, <<"b">>, <<"XY">>, [global]]},
             {replace, [<<"abcb">>, <<"b">>, <<"[]">>, [global, {insert_replaced, 1}]]},
             {replace, [<<"abcb">>, [<<"b">>, <<"c">>], <<"-">>, [global]]},
             {replace, [<<"abcb">>, <<"b">>, <<>>, [global]]}, {replace, [<<"abc">>, <<"z">>, <<"y">>]},
             {replace, [<<"aaaa">>, <<"aa">>, <<"b">>, [global]]}],
    [erlang:display(run(F, A)) || {F, A} <- Calls],
    Csv = list_to_binary([integer_to_list(N) ++ "," || N <- lists:seq(1, 500)]),
    Fields = binary:split(Csv, <<",">>, [global, trim]),
    erlang:display({length(Fields), lists:last(Fields), lists:nth(250, Fields)}),
    Long = binary:copy(id(<<"key=value;">>), 30),
    erlang:display({byte_size(binary:replace(Long, <<"=">>, <<" := ">>, [global])),
                    length(binary:split(Long, [<<"=">>, <<";">>], [global, trim_all]))}),
    ok.

run(F, Args) ->
    try apply(binary, F, id(Args)) of
        V -> {ok, V}
    catch
        error:R -> {error, R}
    end.
