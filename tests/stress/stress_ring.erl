-module(stress_ring).
-export([main/0]).
%% A million messages around a ring of 1000 processes (1000 laps).
main() ->
    Procs = 1000, Laps = 1000,
    Self = self(),
    First = lists:foldl(fun(_, Next) -> spawn(fun() -> relay(Next) end) end, Self, lists:seq(1, Procs - 1)),
    First ! {token, Laps * Procs - 1},
    Result = loop(First),
    io:format("token came back after ~p hops~n", [Result]),
    io:format("ok~n").
relay(Next) ->
    receive {token, 0} -> Next ! {done, 0};
            {token, N} -> Next ! {token, N - 1}, relay(Next);
            {done, _} = D -> Next ! D
    end.
loop(First) ->
    receive {token, 0} -> First ! {done, 0}, wait_done(), 1000 * 1000;
            {token, N} -> First ! {token, N - 1}, loop(First);
            {done, _} -> 1000 * 1000
    end.
wait_done() -> receive {done, _} -> ok end.
