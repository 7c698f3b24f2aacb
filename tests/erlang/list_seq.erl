-module(list_seq).
-export([main/0, id/1]).

%% lists:seq/2,3 including empty and descending ranges; bad ranges raise
%% function_clause from inside lists (only class and reason are printed).

id(X) -> X.

main() ->
    erlang:display(lists:seq(id(1), id(10))),
    erlang:display(lists:seq(id(1), id(1))),
    erlang:display(lists:seq(id(1), id(0))),
    erlang:display(lists:seq(id(-3), id(3))),
    erlang:display(lists:seq(id(1), id(10), id(3))),
    erlang:display(lists:seq(id(10), id(1), id(-3))),
    erlang:display(lists:seq(id(5), id(1), id(-1))),
    erlang:display(lists:seq(id(1), id(5), id(10))),
    erlang:display(lists:seq(id(0), id(-1), id(1))),
    erlang:display(lists:seq(id(7), id(7), id(0))),
    erlang:display(length(lists:seq(id(1), id(123456)))),
    erlang:display(lists:sum(lists:seq(id(1), id(10000)))),
    erlang:display(try_seq(id(5), id(1))),
    erlang:display(try_seq(id(a), id(3))),
    erlang:display(try_seq3(id(1), id(5), id(0))),
    erlang:display(try_seq3(id(1), id(5), id(-1))),
    erlang:display(my_seq(id(3), id(8))),
    ok.

try_seq(A, B) ->
    try lists:seq(A, B) of
        L -> {ok, L}
    catch
        C:R -> {C, R}
    end.

try_seq3(A, B, S) ->
    try lists:seq(A, B, S) of
        L -> {ok, L}
    catch
        C:R -> {C, R}
    end.

my_seq(A, B) when A > B -> [];
my_seq(A, B) -> [A | my_seq(A + 1, B)].
