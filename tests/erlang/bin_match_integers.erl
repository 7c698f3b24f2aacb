-module(bin_match_integers).
-export([main/0, id/1]).

%% Matching integers: fixed and variable sizes, signed/unsigned, big/little/
%% native, sizes that are not whole bytes, at odd bit offsets, bignums.

id(X) -> X.

main() ->
    Bin = id(<<16#F0, 16#0F, 16#AA, 16#55, 16#12, 16#34, 16#56, 16#78, 16#9A, 16#BC, 16#DE, 16#F0,
               16#FF, 16#80, 16#01, 16#FE, 16#ED, 16#CB>>),
    Sizes = [0, 1, 3, 7, 8, 9, 13, 16, 24, 31, 32, 33, 59, 60, 61, 64, 65, 71, 72, 100, 136],
    [erlang:display({S, Off, get(Bin, Off, S)}) || S <- Sizes, Off <- [0, 3, 8]],
    <<A:8, B:16, C:32, D/binary>> = Bin,
    erlang:display({A, B, C, D}),
    <<E:4, F:4, G:12/little, H:12/signed, I:8/native, _/bits>> = Bin,
    erlang:display({E, F, G, H, I}),
    erlang:display(lens(id(<<3, "abc", 2, "de", 0, 1, "z">>), [])),
    erlang:display(case id(<<255, 255>>) of <<Y0:16/signed>> -> Y0 end),
    erlang:display(case id(<<1:1, 0:63>>) of <<Y1:64/signed>> -> Y1 end),
    erlang:display(case id(<<1:1, 0:63>>) of <<Y2:64>> -> Y2 end),
    erlang:display(case id(<<1, 2>>) of <<Y3:24>> -> Y3; _ -> too_short end),
    ok.

get(Bin, Off, S) ->
    <<_:Off, U:S, _/bits>> = Bin,
    <<_:Off, Sg:S/signed, _/bits>> = Bin,
    <<_:Off, L:S/little, _/bits>> = Bin,
    <<_:Off, LS:S/little-signed, _/bits>> = Bin,
    <<_:Off, N:S/native, _/bits>> = Bin,
    {U, Sg, L, LS, N}.

lens(<<0, _/binary>>, Acc) -> lists:reverse(Acc);
lens(<<N, Str:N/binary, Rest/binary>>, Acc) -> lens(Rest, [Str | Acc]).
