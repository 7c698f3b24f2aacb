%% Helpers shared by differential test programs (compiled beside them, not a test itself).
%%
%% t(Module, F) runs F and returns {ok, Value} or {Class, Reason, Trace}, with pids, references
%% and funs replaced by placeholders (they differ between runs) and the trace cut to Module's
%% and erlang's frames (the callers of main/0 differ between erl and beamrun) with file names
%% reduced to their base name (erlc records the path as given on its command line).
%% flush() takes every message now in the mailbox, in order. wait_until(F, N) polls F every
%% millisecond, at most N times (ok or timeout). echo() is a process body that sends back
%% {echoed, T} for every {From, T} until stop; round_trip(Echo, T) sends T through it.
%% st(Modules, St) is that filter alone; Modules is one module or a list of them whose frames
%% are kept besides erlang's.
-module(test_support).
-export([t/2, san/1, st/2, flush/0, wait_until/2, echo/0, round_trip/2]).

t(Module, F) ->
    try F() of
        V -> {ok, san(V)}
    catch
        C:R:St -> {C, san(R), san(st(Module, St))}
    end.

san(P) when is_pid(P) -> case P =:= self() of true -> self; false -> pid end;
san(R) when is_reference(R) -> ref;
san(F) when is_function(F) -> 'fun';
san([H | T]) -> [san(H) | san(T)];
san(T) when is_tuple(T) -> list_to_tuple(san(tuple_to_list(T)));
san(M) when is_map(M) -> maps:from_list(san(maps:to_list(M)));
san(X) -> X.

st(Module, St) when is_atom(Module) -> st([Module], St);
st(Modules, St) -> [{M, F, A, loc(L)} || {M, F, A, L} <- St, M =:= erlang orelse lists:member(M, Modules)].

loc(L) -> [norm(I) || I <- L].

norm({file, P}) -> {file, base(P, P)};
norm(I) -> I.

base([], B) -> B;
base([$/ | T], _) -> base(T, T);
base([_ | T], B) -> base(T, B).

flush() ->
    receive M -> [M | flush()] after 0 -> [] end.

wait_until(_, 0) -> timeout;
wait_until(F, N) ->
    case F() of
        true -> ok;
        false -> receive after 1 -> wait_until(F, N - 1) end
    end.

echo() ->
    receive
        stop -> ok;
        {From, T} -> From ! {echoed, T}, echo()
    end.

round_trip(E, T) ->
    E ! {self(), T},
    receive {echoed, B} -> B end.
