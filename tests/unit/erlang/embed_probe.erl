%% embed_probe: what the embedding API's tests (tests/unit/test_embed.cpp) run in the VM.
-module(embed_probe).
-export([echo/1, fail/1, reply_to/2, loop/0, call_native/2, static_native/1, crash_after/1,
         trap_and_ignore/0, hold/0, timer_to_name/0, say/1, watch/1, wait_forever/0,
         link_and_crash/1, sum/1]).

echo(X) -> X.

fail(error) -> erlang:error(boom);
fail(throw) -> throw(ball);
fail(exit) -> exit(bye).

reply_to(Pid, Msg) -> Pid ! {reply, self(), Msg}, ok.

loop() ->
    receive
        {ping, From, N} -> From ! {pong, N}, loop();
        stop -> stopped
    end.

%% A call the loader cannot see: resolved when it runs.
call_native(F, Args) -> apply(host, F, Args).
%% A static call to a native that may be registered after this module is loaded.
static_native(X) -> host:double(X).

crash_after(Ms) -> receive after Ms -> erlang:error(crashed) end.

trap_and_ignore() -> process_flag(trap_exit, true), ignore_loop().
ignore_loop() -> receive _ -> ignore_loop() end.

hold() ->
    B = binary:copy(<<1>>, 100000),
    receive stop -> byte_size(B) end.

timer_to_name() ->
    register(embed_timer_target, self()),
    erlang:send_after(100000000, embed_timer_target, late),
    receive stop -> ok end.

say(Text) -> io:format("~s~n", [Text]).

watch(Pid) ->
    Ref = monitor(process, Pid),
    receive {'DOWN', Ref, process, Pid, R} -> {down, R} end.

wait_forever() -> receive never -> ok end.

link_and_crash(Pid) -> link(Pid), erlang:error(on_purpose).

sum(L) -> lists:sum(L).
