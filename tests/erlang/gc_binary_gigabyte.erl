-module(gc_binary_gigabyte).
-export([main/0, id/1]).

%% Makes and drops 1 GB of binaries in 64 KB pieces (16,384 of them), each
%% kept alive for a while in a window of the last 8, so some die young and
%% some after promotion to the old generation. Their blobs must be freed as
%% the program goes: the resident memory stays far below 1 GB.

id(X) -> X.

main() ->
    {Sum, Window} = loop(id(16384), [], 0),
    erlang:display(Sum),
    erlang:display(length(Window)),
    erlang:display([binary:first(B) || B <- Window]),
    erlang:display(lists:sum([byte_size(B) || B <- Window])),
    ok.

loop(0, Window, Sum) -> {Sum, Window};
loop(N, Window, Sum) ->
    B = binary:copy(<<(N rem 251)>>, 65536),
    Window2 = lists:sublist([B | Window], 8),
    Sum2 = (Sum + binary:at(B, N rem 65536) + byte_size(B)) rem 1000000007,
    loop(N - 1, Window2, Sum2).
