%% erlang:md5/1 over binaries, sub-binaries at odd bit offsets, iolists, and its badargs
%% (found by the differential fuzzer: it was undefined).
-module(bin_md5).
-export([main/0]).

id(X) -> X.

t(F) -> try F() catch C:R -> {C, R} end.

main() ->
    Big = list_to_binary(lists:seq(0, 255)),
    <<_:3, Odd:80/binary, _/bits>> = id(Big),
    [erlang:display(t(fun() -> erlang:md5(id(D)) end))
     || D <- [<<>>, <<"abc">>, Big, binary:copy(Big, 3), Odd, [], [$a, [<<"b">>, $c] | <<"d">>],
              [Big, 1, Big], <<1:3>>, [<<1:3>>], [256], a, [a], [-1]]],
    ok.
