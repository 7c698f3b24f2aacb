-module(exit_normal_return).
-export([main/0, id/1]).

%% main/0 returning any value (here a big term, not ok) means status 0;
%% exceptions caught inside do not change that.

id(X) -> X.

main() ->
    erlang:display(element(1, catch error(id(caught_internally)))),
    erlang:display(try throw(id(x)) catch throw:x -> handled end),
    erlang:display(done),
    {return, value, lists:seq(1, id(10)), {nested, [tuple]}}.
