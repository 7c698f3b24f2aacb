-module(num_bignum_shifts).
-export([main/0]).

%% bsl and bsr: shifts across limbs, negative shifts, huge shifts (right: 0 or -1; left:
%% system_limit unless the value is 0), and the largest integer BEAM allows (33554368 bits).

id(X) -> X.

t(F) -> try F() catch C:R:S -> {C, R, hd(S)} end.

main() ->
    Vs = [id(V) || V <- [1, -1, 5, -5, (1 bsl 64) + 3, -(1 bsl 64) - 3, (1 bsl 100) - 1]],
    Ss = [0, 1, 3, 59, 60, 63, 64, 65, 127, 128, -1, -3, -63, -64, -65, -128, -200],
    [erlang:display({V, S, V bsl id(S), V bsr id(S)}) || V <- Vs, S <- Ss],
    Big = id(1 bsl 100000),
    erlang:display({Big bsr 99990, (Big - 1) bsr 99995, -Big bsr 99999, (-Big - 1) bsr 100000}),
    erlang:display([id(V) bsr 100000 || V <- Vs]),
    erlang:display([id(V) bsr (1 bsl 64) || V <- Vs]),
    erlang:display([id(V) bsl -(1 bsl 64) || V <- Vs]),
    erlang:display(id(0) bsl (1 bsl 64)),
    erlang:display(t(fun() -> id(1) bsl id(1 bsl 64) end)),
    erlang:display(t(fun() -> id(-1) bsr id(-(1 bsl 64)) end)),
    erlang:display(t(fun() -> id(1) bsl id(1 bsl 40) end)),
    erlang:display(t(fun() -> id(1) bsl id(1.0) end)),
    %% The largest integer, and one bit more.
    Max = id(1) bsl id(33554367),
    erlang:display(Max > 0),
    erlang:display(try id(1) bsl id(33554368) catch error:R1 -> R1 end),
    erlang:display(try Max * 2 catch error:R2 -> R2 end),
    erlang:display(try Max + Max catch error:R3 -> R3 end),
    erlang:display(try -Max - Max catch error:R4 -> R4 end),
    erlang:display(try (bnot Max) < 0 catch error:R5 -> R5 end),
    erlang:display((Max - 1 + Max) > Max),
    erlang:display(Max bsr 33554360),
    ok.
