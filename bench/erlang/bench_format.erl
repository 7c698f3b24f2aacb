%% io_lib:format-heavy output: lines of mixed terms formatted with ~p, ~w, ~s, ~b, ~f and
%% field widths, turned into one binary as a writer would; the checksum is its size and hash.
-module(bench_format).
-export([main/0]).

-define(LINES, 5000).

line(I) ->
    Rec = {order, I, [I rem 7, I rem 11], #{id => I, tag => lists:nth(1 + I rem 3, [alpha, beta, gamma])}},
    io_lib:format("~6..0b ~-10s ~w ~p ~.3f ~8.16.0b~n",
                  [I, integer_to_list(I * 31), Rec, {I, "text", <<"bin">>}, I / 7, I * 2654435761 band 16#FFFFFFFF]).

lines(0, Acc) -> Acc;
lines(I, Acc) -> lines(I - 1, [line(I) | Acc]).

main() ->
    bench:run(fun() ->
        Bin = iolist_to_binary(lines(?LINES, [])),
        {byte_size(Bin), erlang:phash2(Bin)}
    end).
