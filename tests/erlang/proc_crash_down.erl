-module(proc_crash_down).
-export([main/0, id/1, clause/1, deep/1, crash_in/1]).

%% A process that dies from an exception does not disturb its parent: the parent monitors
%% each child and prints the 'DOWN' reason, with stack traces cut to this module's and
%% erlang's frames: badarith, badmatch, function_clause, case_clause, if_clause, a badarg
%% from a BIF, undef, badarity (and spawn_monitor/1 refusing a fun of arity 1), error/1,2, an uncaught throw ({nocatch, V}), an error deep in
%% the stack, after blocks running while the child unwinds, and a try in the child that
%% catches (the child then ends normally). Crash reports go to the logger (stderr), not here.

id(X) -> X.

clause(a) -> 1.

deep(0) -> id(1) / id(0);
deep(N) -> 1 + deep(N - 1).

crash_in(F) -> {F(), never}.

down(Fun) ->
    {P, R} = spawn_monitor(Fun),
    receive
        {'DOWN', R, process, P, Reason} ->
            {is_process_alive(P), reason(Reason)}
    end.

reason({R, St}) when is_list(St) -> {san(R), san(st(St))};
reason(R) -> san(R).

main() ->
    Self = self(),
    Cases = [fun() -> id(1) + id(a) end,
             fun() -> {ok, _} = id({error, x}) end,
             fun() -> clause(id(b)) end,
             fun() -> case id(3) of 1 -> one; 2 -> two end end,
             fun() -> B = id(false), if B -> yes end end,
             fun() -> atom_to_list(id(1)) end,
             fun() -> element(id(5), {1, 2}) end,
             fun() -> erlang:error(custom_reason) end,
             fun() -> erlang:error(with_args, [1, two]) end,
             fun() -> throw(thrown_value) end,
             fun() -> deep(3) end,
             fun() -> try id(1) / id(0) after Self ! after_ran end end,
             fun() -> try id(1) / id(0) catch error:badarith -> Self ! caught_in_child end end,
             fun() -> lists:map(fun(X) -> X * 2 end, id([1, 2, x])) end,
             fun() -> binary_to_atom(id(<<255>>), utf8) end],
    lists:foreach(fun(F) -> erlang:display(down(F)) end, Cases),
    erlang:display(receive after_ran -> after_ran after 0 -> no_after end),
    erlang:display(receive caught_in_child -> caught_in_child after 0 -> not_caught end),
    %% undef: the stack trace names the missing function (not this module's).
    {P1, R1} = spawn_monitor(no_such_module_here, no_fun, [1, 2]),
    receive {'DOWN', R1, process, P1, U1} -> erlang:display(U1) end,
    {P2, R2} = spawn_monitor(?MODULE, no_such_function, []),
    receive {'DOWN', R2, process, P2, U2} -> erlang:display(U2) end,
    %% A fun of the wrong arity: spawn_opt/2 starts it and the child fails with badarity;
    %% spawn_monitor/1 refuses it with badarg.
    {P3, R3} = spawn_opt(fun(X) -> X end, [monitor]),
    receive {'DOWN', R3, process, P3, U3} -> erlang:display(san(U3)) end,
    erlang:display(try spawn_monitor(fun(X) -> X end) catch C5:E5:S5 -> {C5, E5, san(st(S5))} end),
    {P4, R4} = spawn_monitor(erlang, apply, [fun(X, Y) -> X + Y end, [1]]),
    receive {'DOWN', R4, process, P4, U4} -> erlang:display(san(U4)) end,
    %% The parent is fine.
    erlang:display({still_alive, is_process_alive(self()), process_info(self(), status)}),
    erlang:display(receive Extra -> {unexpected, Extra} after 0 -> mailbox_empty end),
    ok.

%% Pids, references and funs differ between runs: show them as placeholders.
san(X) -> test_support:san(X).

st(St) -> test_support:st(?MODULE, St).
