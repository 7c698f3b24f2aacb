%% sbx_plugin.erl - loaded sandboxed by tests/unit/test_sandbox.cpp (under
%% SandboxPolicy::untrusted()): each function tries one way out of the sandbox, or does
%% something the sandbox allows.
-module(sbx_plugin).
-export([static_os/0, static_halt/0, apply3/3, apply_var/2, apply_apply/0, make_fun_call/0,
         call_fun/1, apply_fun/1, spawn_os/0, spawn_mfa/2, spawn_fun/1, hof_gadget/0, hof_denied/0,
         allowed/1, self_call/1, forge/0, forge_tail/1, decode/1, apply_decode/1, caught/0, loop/1, grow/1, child_outcome/1, trusted_closure/1]).

static_os() -> os:cmd("echo hi").
static_halt() -> erlang:halt().
apply3(M, F, A) -> apply(M, F, A).
apply_var(M, F) -> M:F().
apply_apply() -> apply(erlang, apply, [id(os), id(getpid), []]).
make_fun_call() ->
    F = erlang:make_fun(id(os), id(getpid), 0),
    F().
call_fun(F) -> F().
apply_fun(F) -> apply(F, []).
spawn_os() -> spawn(os, cmd, ["echo hi"]).
spawn_mfa(M, F) -> spawn(M, F, []).
spawn_fun(F) -> spawn(F).
%% Trusted lists code would call these funs unchecked: making them is what is refused.
hof_gadget() -> lists:zipwith3(fun erlang:apply/3, [os], [getpid], [[]]).
hof_denied() -> lists:map(fun os:getenv/1, ["HOME"]).
%% binary_to_term can make any export fun: its result is checked, and apply of it refused.
forge() ->
    F = binary_to_term(<<131, 113, 119, 2, "os", 119, 6, "getpid", 97, 0>>),
    {made, F}.
forge_tail(B) -> binary_to_term(B).
decode(B) -> {decoded, binary_to_term(B)}.
apply_decode(B) -> apply(id(erlang), id(binary_to_term), [B]).
allowed(L) -> lists:reverse(L).
self_call(X) -> ?MODULE:allowed(X).
caught() ->
    try os:getpid() of
        _ -> reached
    catch
        error:Reason -> {caught, Reason}
    end.
loop(N) -> loop(N + 1).
grow(L) -> grow([N || N <- [1, 2, 3, 4]] ++ L).
%% Spawns F (a process that inherits the sandbox's limits) and returns its exit reason.
child_outcome(F) ->
    {Pid, Ref} = spawn_monitor(F),
    receive
        {'DOWN', Ref, process, Pid, Reason} -> Reason
    end.
trusted_closure(F) -> F().

id(X) -> X.
