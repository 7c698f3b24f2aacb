-module(bin_compare_order).
-export([main/0, id/1]).

%% Term order and equality for binaries and bitstrings of every
%% representation: byte by byte, then by length; bitstrings against
%% binaries; binaries against other types; as map keys and in sorting.

id(X) -> X.

main() ->
    Big1 = binary:copy(id(<<"a">>), 100),
    Big2 = <<Big1/binary, "b">>,
    <<_:4, Sub/bits>> = id(<<16#F1, 16#23, 16#45>>),
    Bins = [<<>>, <<0>>, <<1>>, <<1, 0>>, <<1:1>>, <<0:1>>, <<1:7>>, <<2:7>>, <<255>>, <<"abc">>,
            <<"abd">>, <<"ab">>, Big1, Big2, Sub, <<16#12, 16#34, 5:4>>, binary:part(Big1, 0, 99)],
    erlang:display(lists:sort(Bins)),
    erlang:display([{X, Y, X < Y, X == Y, X =:= Y} || X <- [<<1:1>>, <<128>>, <<"abc">>], Y <- [<<1:1>>, <<128>>, <<"abcd">>]]),
    erlang:display({Sub =:= <<16#12, 16#34, 5:4>>, Big1 < Big2, binary:part(Big2, 0, 100) =:= Big1}),
    erlang:display(lists:sort([<<"b">>, 1, a, {x}, [1], "s", #{}, <<"a">>, 2.0, make_ref_free])),
    M = #{<<"key">> => 1, Big1 => 2, Sub => 3},
    erlang:display({maps:get(binary:copy(<<"key">>), M), maps:get(binary:copy(Big1), M),
                    maps:get(<<16#12, 16#34, 5:4>>, M)}),
    erlang:display([X || X <- Bins, X > <<1>>, X < <<"abc">>]),
    ok.
