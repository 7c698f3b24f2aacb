%% A process started by spawn/3 and friends begins at M:F itself: the stack traces of its
%% crashes hold no erlang:apply frame (BEAM starts it at the function, as beamrun now does).
%% Crash reports go to the logger (stderr), not here. (No frame of this module's own: its file
%% path in the trace would depend on where it was compiled.)
-module(spawn_mfa_trace).
-export([main/0]).

down({P, R}) ->
    receive {'DOWN', R, process, P, Why} -> erlang:display(Why) end.

main() ->
    process_flag(trap_exit, true),
    down(spawn_monitor(erlang, '+', [1, a])),
    down(spawn_monitor(?MODULE, no_such_function, [1, 2])),
    down(spawn_opt(lists, nth, [5, [a]], [monitor])),
    down(spawn_monitor(erlang, element, [3, {x}])),
    P = spawn_link(erlang, atom_to_list, [1]),
    receive {'EXIT', P, Why} -> erlang:display(Why) end.
