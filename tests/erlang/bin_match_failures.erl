-module(bin_match_failures).
-export([main/0, id/1, head/1, nested/2]).

%% Failed binary matches as errors: badmatch, case_clause and
%% function_clause carry the binary (never a match context), also when the
%% failure happens after part of the binary was matched.

id(X) -> X.

main() ->
    Cases = [fun() -> <<_:8>> = id(<<1, 2>>) end,
             fun() -> <<A:8, A:8>> = id(<<1, 2>>) end,
             fun() -> <<_:3, R/binary>> = id(<<1, 2>>), R end,
             fun() -> case id(<<"abc">>) of <<"x", _/binary>> -> x end end,
             fun() -> head(id(<<9, 9, 9>>)) end,
             fun() -> head(id(<<1, 2, 3, 4>>)) end,
             fun() -> head(id(notbin)) end,
             fun() -> nested(id(<<5, "hello">>), 3) end,
             fun() -> <<X/utf8>> = id(<<255>>), X end,
             fun() -> <<F/float>> = id(<<16#7FF0000000000000:64>>), F end],
    [erlang:display(run(F)) || F <- Cases],
    ok.

head(<<1, Rest/binary>>) -> Rest;
head(<<2, X:16>>) -> X.

nested(<<N, Str:N/binary, _/binary>>, Min) when N < Min -> Str.

st(St) -> test_support:st(?MODULE, St).

run(F) ->
    try F() of
        V -> {ok, V}
    catch
        error:R:St -> {R, st(St)}
    end.
