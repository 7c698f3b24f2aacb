-module(exit_uncaught_badmatch).
-export([main/0, id/1]).

%% A badmatch deep in a non-tail recursion escapes main/0: status 1.

-record(acct, {id, balance = 0}).

id(X) -> X.

main() ->
    A = #acct{id = id(1), balance = id(100)},
    erlang:display(A),
    A2 = withdraw(A, id(30)),
    erlang:display(A2),
    A3 = withdraw(A2, id(500)),
    erlang:display({never_printed, A3}).

withdraw(#acct{balance = B} = A, Amount) ->
    {ok, NewB} = check(B - Amount),
    A#acct{balance = NewB}.

check(N) when N >= 0 -> {ok, N};
check(N) -> {error, {overdrawn, N}}.
