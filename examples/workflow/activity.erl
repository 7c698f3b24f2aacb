%% activity: one step of a workflow (workflow.erl), in a process of its own, linked to the
%% workflow. It sends {done, self(), Output, Summary} to the workflow and ends, or crashes.
%%
%% Steps:
%%   fetch         host:fetch(Url), a DirtyIo native (it sleeps, as I/O would): the bytes
%%   checksum      host:checksum(Bytes), a DirtyCpu native: Adler-32 of the bytes, checked
%%                 against the same sum computed here in Erlang
%%   {flaky, N}    crashes on its first N attempts (N = always: on every attempt), then
%%                 passes its input on; the summary is the attempt that succeeded
%%   hang          waits forever (until the host cancels the workflow)
-module(activity).
-export([run/4, name/1]).

name({Name, _}) -> Name;
name(Name) -> Name.

run(Workflow, Step, Input, Attempt) ->
    {Output, Summary} = step(Step, Input, Attempt),
    Workflow ! {done, self(), Output, Summary}.

step(fetch, Url, _Attempt) ->
    Bytes = host:fetch(Url),
    {Bytes, byte_size(Bytes)};
step(checksum, Bytes, _Attempt) ->
    Sum = host:checksum(Bytes),
    case adler32(Bytes) of
        Sum -> {Sum, Sum};
        Other -> erlang:error({checksum_mismatch, Sum, Other})
    end;
step({flaky, always}, _Input, Attempt) ->
    erlang:error({flaky_crash, Attempt});
step({flaky, N}, _Input, Attempt) when Attempt =< N ->
    erlang:error({flaky_crash, Attempt});
step({flaky, _}, Input, Attempt) ->
    {Input, Attempt};
step(hang, _Input, _Attempt) ->
    receive never_sent -> {never, never} end.

adler32(Bytes) -> adler32(Bytes, 1, 0).
adler32(<<B, Rest/binary>>, A, S) ->
    A1 = (A + B) rem 65521,
    adler32(Rest, A1, (S + A1) rem 65521);
adler32(<<>>, A, S) ->
    (S bsl 16) bor A.
