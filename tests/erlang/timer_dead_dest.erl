-module(timer_dead_dest).
-export([main/0, id/1]).

%% Timers whose destination is dead or gone: send_after/start_timer to a dead pid still
%% return a reference and raise nothing, but no timer is kept (read_timer/cancel_timer give
%% false); timers to a process are cancelled when it dies; a process that exits with timers
%% pending (those to itself vanish, those to others still fire); timers to names nobody has
%% registered (kept, dropped when they fire); and a timer outliving a receive ... after.

id(X) -> X.

flush() -> test_support:flush().

kind(N) when is_integer(N) -> integer;
kind(false) -> false;
kind(Other) -> {other, Other}.

wait_until(F, N) -> test_support:wait_until(F, N).

wait_dead(P) ->
    case is_process_alive(P) of
        true -> receive after 1 -> wait_dead(P) end;
        false -> ok
    end.

main() ->
    Self = self(),
    Dead = spawn(fun() -> ok end),
    wait_dead(Dead),
    R1 = erlang:send_after(10, Dead, to_the_dead),
    R2 = erlang:start_timer(10, Dead, to_the_dead),
    erlang:display({is_reference(R1), is_reference(R2)}),
    %% A timer to a dead local process is not kept: read and cancel give false at once.
    erlang:display({erlang:read_timer(R1), erlang:cancel_timer(R2)}),
    R3 = erlang:send_after(10000, Dead, long_to_the_dead),
    erlang:display({erlang:read_timer(R3), erlang:cancel_timer(R3)}),
    %% The destination dies while its timers are pending: they are cancelled with it (read_timer
    %% turns false long before they would fire) and nothing arrives anywhere.
    P = spawn(fun() -> receive stop -> Self ! stopped end end),
    R4 = erlang:send_after(10000, P, too_late),
    R5 = erlang:start_timer(10000, P, too_late),
    erlang:display({kind(erlang:read_timer(R4)), kind(erlang:read_timer(R5))}),
    P ! stop,
    receive stopped -> ok end,
    wait_dead(P),
    erlang:display(wait_until(fun() -> erlang:read_timer(R4) =:= false andalso
                                           erlang:read_timer(R5) =:= false end, 2000)),
    erlang:display({erlang:cancel_timer(R4), erlang:cancel_timer(R5)}),
    %% A process with pending timers exits: the ones to itself go with it, the ones to us
    %% stay active and arrive.
    Q = spawn(fun() ->
                      Self ! {refs, erlang:send_after(20, self(), to_myself),
                              erlang:send_after(20, Self, from_dead_creator),
                              erlang:start_timer(20, Self, from_dead_creator_2),
                              erlang:send_after(10000, Self, long_from_dead_creator)}
              end),
    {refs, QR1, QR2, QR3, QR4} = receive {refs, _, _, _, _} = Refs -> Refs end,
    wait_dead(Q),
    erlang:display(wait_until(fun() -> erlang:read_timer(QR1) =:= false end, 2000)),
    erlang:display(kind(erlang:read_timer(QR4))),
    erlang:display(receive from_dead_creator -> from_dead_creator after 1000 -> missing end),
    erlang:display(receive {timeout, QR3, from_dead_creator_2} -> from_dead_creator_2 after 1000 -> missing end),
    erlang:display({erlang:read_timer(QR2), erlang:read_timer(QR3), kind(erlang:cancel_timer(QR4))}),
    %% Names nobody holds: the timers run (the name is looked up when they fire).
    RN = erlang:send_after(10000, timer_dead_dest_nobody, x),
    RN2 = erlang:start_timer(5, timer_dead_dest_nobody, x),
    erlang:display({is_reference(RN), is_reference(RN2), kind(erlang:read_timer(RN))}),
    receive after 30 -> ok end,
    erlang:display({kind(erlang:cancel_timer(RN)), erlang:read_timer(RN2), erlang:cancel_timer(RN2)}),
    %% A timer set before a receive ... after that times out still fires later.
    erlang:send_after(40, Self, outlives_receive),
    erlang:display(receive outlives_receive -> too_early after 5 -> timed_out end),
    erlang:display(receive outlives_receive -> arrived after 1000 -> missing end),
    erlang:display(flush()),
    ok.
