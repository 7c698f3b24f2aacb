%% workflow: one process per request, run by the host program workflow_host.cpp.
%%
%% run(Host, Req, Steps) runs Steps in order, each in its own linked activity process
%% (activity.erl), feeding each step the previous step's output. It reports every event to the
%% host mailbox Host:
%%   {started, Req, self()}
%%   {activity, Req, Step, Attempt, ActivityPid}   an activity started
%%   {step, Req, Step, Attempt, Summary}           an activity finished; Summary is small
%%   {restart, Req, Step, Attempt, Reason}         an activity crashed and is started again
%%   {completed, Req, Results}                     every step finished
%%   {failed, Req, Step, Reason}                   a step crashed more than ?MAX_RESTARTS times
%%   {cancelled, Req, Step, Reason}                an exit signal from outside (the host's
%%                                                 exit(Pid, cancel)) stopped the workflow
%% The workflow traps exits, so a crashing activity reaches it as {'EXIT', Act, Reason}; an exit
%% signal from anyone else is a cancellation: the workflow reports it and exits with the same
%% reason, and the exit signal takes the running activity down with it (they are linked).
-module(workflow).
-export([run/3]).

-define(MAX_RESTARTS, 3).

run(Host, Req, Steps) ->
    process_flag(trap_exit, true),
    Host ! {started, Req, self()},
    Url = <<"https://example.invalid/orders/", (integer_to_binary(Req))/binary>>,
    run_steps(Host, Req, Steps, Url, []).

run_steps(Host, Req, [], _Input, Results) ->
    Host ! {completed, Req, lists:reverse(Results)},
    {completed, Req};
run_steps(Host, Req, [Step | Rest], Input, Results) ->
    {ok, Output, Summary} = run_step(Host, Req, Step, Input, 1),
    run_steps(Host, Req, Rest, Output, [{activity:name(Step), Summary} | Results]).

run_step(Host, Req, Step, Input, Attempt) ->
    Name = activity:name(Step),
    Act = spawn_link(activity, run, [self(), Step, Input, Attempt]),
    Host ! {activity, Req, Name, Attempt, Act},
    receive
        {done, Act, Output, Summary} ->
            %% The activity exits normally right after; take that signal out of the way.
            receive {'EXIT', Act, normal} -> ok end,
            Host ! {step, Req, Name, Attempt, Summary},
            {ok, Output, Summary};
        {'EXIT', Act, Crash} when Attempt =< ?MAX_RESTARTS ->
            Host ! {restart, Req, Name, Attempt, short(Crash)},
            run_step(Host, Req, Step, Input, Attempt + 1);
        {'EXIT', Act, Crash} ->
            Reason = {restart_limit, ?MAX_RESTARTS, short(Crash)},
            Host ! {failed, Req, Name, Reason},
            exit(Reason);
        {'EXIT', _From, Reason} ->
            Host ! {cancelled, Req, Name, Reason},
            exit(Reason)
    end.

%% An error's exit reason is {Reason, Stacktrace}: the host needs only Reason.
short({Reason, Stack}) when is_list(Stack) -> Reason;
short(Reason) -> Reason.
