-module(exit_uncaught_throw).
-export([main/0, id/1]).

%% A throw that escapes main/0: the output before it still counts and the
%% exit status is 1.

id(X) -> X.

main() ->
    erlang:display(before_throw),
    erlang:display(compute(id(10))),
    throw_from_deep(id(3)),
    erlang:display(never_printed).

compute(N) -> N * N.

throw_from_deep(0) -> throw(id({escaped, from_deep}));
throw_from_deep(N) ->
    erlang:display({descending, N}),
    [throw_from_deep(N - 1)].
