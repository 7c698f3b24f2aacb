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

%% Stack trace filter: keep only frames of this module and of erlang (the
%% callers of main/0 differ between erl and beamrun) and reduce file names
%% to their base name (erlc records the path as given on its command line).
st(St) -> [{M, F, A, loc(L)} || {M, F, A, L} <- St, M =:= ?MODULE orelse M =:= erlang].

loc(L) -> [norm(I) || I <- L].

norm({file, P}) -> {file, base(P, P)};
norm(I) -> I.

base([], B) -> B;
base([$/ | T], _) -> base(T, T);
base([_ | T], B) -> base(T, B).

run(F) ->
    try F() of
        V -> {ok, V}
    catch
        error:R:St -> {R, st(St)}
    end.
