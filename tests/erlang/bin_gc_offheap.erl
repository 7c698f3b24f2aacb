-module(bin_gc_offheap).
-export([main/0, id/1]).

%% Many big (off-heap) binaries made and dropped while some are kept: the
%% kept ones must survive every collection intact, in lists, tuples and
%% sub-binaries that outlive the binary they came from.

id(X) -> X.

main() ->
    Kept = loop(2000, []),
    erlang:display({length(Kept), lists:sum([byte_size(B) || B <- Kept]), check(Kept, 2000)}),
    Subs = [begin B = make(N), <<_:10/binary, S:80/binary, _/binary>> = B, S end || N <- lists:seq(1, 500)],
    erlang:display({length(Subs), lists:all(fun(S) -> byte_size(S) =:= 80 end, Subs),
                    binary:first(hd(Subs)), binary:first(lists:last(Subs))}),
    Acc = grow(<<>>, 200),
    erlang:display({byte_size(Acc), binary:part(Acc, 0, 4), binary:part(Acc, byte_size(Acc) - 4, 4)}),
    ok.

make(N) -> binary:copy(<<(N rem 256)>>, 100 + N rem 50).

loop(0, Acc) -> Acc;
loop(N, Acc) ->
    Tmp = make(N + 7),
    _ = [binary:part(Tmp, I, 10) || I <- [0, 10, 20]],
    case N rem 10 of
        0 -> loop(N - 1, [make(N) | Acc]);
        _ -> loop(N - 1, Acc)
    end.

check([], _) -> true;
check([B | T], N) ->
    Expect = make(byte_size(B) - 100 + 0),
    _ = Expect,
    binary:first(B) =:= binary:last(B) andalso check(T, N).

grow(Acc, 0) -> Acc;
grow(Acc, N) ->
    _ = make(N),
    grow(<<Acc/binary, (make(N))/binary>>, N - 1).
