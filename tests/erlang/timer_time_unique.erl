-module(timer_time_unique).
-export([main/0, id/1]).

%% erlang:unique_integer/0,1 and the clocks. Values differ per run, so only properties are
%% printed: unique_integer() values are distinct; [monotonic] ones strictly increase (also
%% across processes, when the second process asks after the first); [positive] ones are
%% above zero; monotonic_time/0,1 never decreases; system_time, timestamp, os:timestamp
%% shapes; convert_time_unit round trips; time_offset relation.

id(X) -> X.

increasing([A, B | T]) when A < B -> increasing([B | T]);
increasing([_, _ | _]) -> false;
increasing(_) -> true.

non_decreasing([A, B | T]) when A =< B -> non_decreasing([B | T]);
non_decreasing([_, _ | _]) -> false;
non_decreasing(_) -> true.

main() ->
    Self = self(),
    U = [erlang:unique_integer() || _ <- lists:seq(1, 10000)],
    erlang:display({lists:all(fun is_integer/1, U), length(lists:usort(U))}),
    M = [erlang:unique_integer([monotonic]) || _ <- lists:seq(1, 10000)],
    erlang:display(increasing(M)),
    P = [erlang:unique_integer([positive]) || _ <- lists:seq(1, 10000)],
    erlang:display({lists:all(fun(X) -> X > 0 end, P), length(lists:usort(P))}),
    MP = [erlang:unique_integer([monotonic, positive]) || _ <- lists:seq(1, 10000)],
    erlang:display({increasing(MP), hd(MP) > 0}),
    erlang:display(erlang:unique_integer([positive, monotonic]) > lists:last(MP)),
    erlang:display(is_integer(erlang:unique_integer([]))),
    %% Monotonic across processes: a child asked after us gets a bigger one, and we get a
    %% bigger one after hearing back.
    A = erlang:unique_integer([monotonic]),
    spawn(fun() -> Self ! {child_unique, erlang:unique_integer([monotonic])} end),
    B = receive {child_unique, CB} -> CB end,
    C = erlang:unique_integer([monotonic]),
    erlang:display({A < B, B < C}),
    %% Unique among many processes.
    [spawn(fun() -> Self ! {many, [erlang:unique_integer() || _ <- lists:seq(1, 100)]} end)
     || _ <- lists:seq(1, 50)],
    All = lists:append([receive {many, L} -> L end || _ <- lists:seq(1, 50)]),
    erlang:display(length(lists:usort(All))),
    %% Clocks.
    T = [erlang:monotonic_time() || _ <- lists:seq(1, 10000)],
    erlang:display(non_decreasing(T)),
    TU = [erlang:monotonic_time(U1) || U1 <- [second, millisecond, microsecond, nanosecond, native]],
    erlang:display(lists:all(fun is_integer/1, TU)),
    Ms = [begin receive after 1 -> ok end, erlang:monotonic_time(millisecond) end || _ <- lists:seq(1, 5)],
    erlang:display({increasing(Ms), lists:last(Ms) - hd(Ms) >= 4}),
    N1 = erlang:monotonic_time(nanosecond), N2 = erlang:monotonic_time(nanosecond),
    erlang:display(N2 >= N1),
    ST = erlang:system_time(millisecond),
    erlang:display({ST > 1700000000000, is_integer(erlang:system_time())}),
    %% system_time = monotonic_time + time_offset (in native units, up to the time between calls).
    Mo = erlang:monotonic_time(), Off = erlang:time_offset(), Sy = erlang:system_time(),
    erlang:display(abs(Sy - (Mo + Off)) < erlang:convert_time_unit(1, second, native)),
    {MS, S, US} = erlang:timestamp(),
    erlang:display({is_integer(MS), S >= 0, S < 1000000, US >= 0, US < 1000000}),
    {MS2, S2, US2} = os:timestamp(),
    erlang:display({is_integer(MS2), S2 < 1000000, US2 < 1000000}),
    %% convert_time_unit: floor rounding, round trips through finer units.
    erlang:display([erlang:convert_time_unit(X, second, millisecond) || X <- [0, 1, -1, 1 bsl 40]]),
    erlang:display([erlang:convert_time_unit(X, millisecond, second) || X <- [999, 1000, -1, -1000, -1001]]),
    erlang:display([erlang:convert_time_unit(erlang:convert_time_unit(X, second, native), native, second)
                    || X <- [0, 5, -5, 123456]]),
    erlang:display(erlang:convert_time_unit(1, second, native) >= 1000),
    Bad = [fun() -> erlang:unique_integer(id([bad])) end,
           fun() -> erlang:unique_integer(id(monotonic)) end,
           fun() -> erlang:unique_integer(id([monotonic | positive])) end,
           fun() -> erlang:monotonic_time(id(minutes)) end,
           fun() -> erlang:system_time(id(1.0)) end],
    lists:foreach(fun(F) -> erlang:display(try F() of V -> {ok, V} catch C1:E1 -> {C1, E1} end) end, Bad),
    ok.
