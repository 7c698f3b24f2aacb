-module(etf_pids_ports_refs).
-export([main/0]).
%% Local pids, ports and references: NEW_PID_EXT, NEW_PORT_EXT and NEWER_REFERENCE_EXT on
%% node nonode@nohost with creation 0 (erl -noshell without distribution); the old forms
%% decode too; pids/ports/refs of other nodes, or out of range, are badarg here.
%% list_to_pid/port/ref and pid/port/ref_to_list round trip.

main() ->
    Pids = [list_to_pid("<0.0.0>"), list_to_pid("<0.5.0>"), list_to_pid("<0.32767.0>"),
            list_to_pid("<0.1.8191>"), list_to_pid("<0.77.3>")],
    lists:foreach(fun(P) ->
                          B = term_to_binary(P),
                          erlang:display({pid_to_list(P), B, binary_to_term(B) =:= P,
                                          erlang:phash2(P), erlang:phash(P, 1000)})
                  end, Pids),
    Ports = [list_to_port("#Port<0.0>"), list_to_port("#Port<0.7>"), list_to_port("#Port<0.268435455>")],
    lists:foreach(fun(P) ->
                          B = term_to_binary(P),
                          erlang:display({P, port_to_list(P), B, binary_to_term(B) =:= P,
                                          erlang:phash2(P), erlang:phash(P, 1000)})
                  end, Ports),
    Refs = [list_to_ref("#Ref<0.0.0.0>"), list_to_ref("#Ref<0.1.2.3>"),
            list_to_ref("#Ref<0.4294967295.1.262143>"), list_to_ref("#Ref<0.123.0.45>")],
    lists:foreach(fun(R) ->
                          B = term_to_binary(R),
                          erlang:display({R, ref_to_list(R), B, binary_to_term(B) =:= R,
                                          erlang:phash2(R), erlang:phash(R, 1000)})
                  end, Refs),
    %% Old and short forms.
    erlang:display(pid_to_list(binary_to_term(<<131, 103, 100, 0, 13, "nonode@nohost", 0, 0, 0, 9, 0, 0, 0, 2, 0>>))),
    erlang:display(binary_to_term(<<131, 102, 100, 0, 13, "nonode@nohost", 0, 0, 0, 9, 0>>)),
    erlang:display(binary_to_term(<<131, 120, 100, 0, 13, "nonode@nohost", 0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0, 0>>)),
    erlang:display(binary_to_term(<<131, 101, 100, 0, 13, "nonode@nohost", 0, 0, 0, 1, 0>>)),
    erlang:display(binary_to_term(<<131, 114, 0, 2, 100, 0, 13, "nonode@nohost", 0, 0, 0, 0, 1, 0, 0, 0, 2>>)),
    erlang:display(binary_to_term(<<131, 90, 0, 1, 100, 0, 13, "nonode@nohost", 0, 0, 0, 0, 0, 0, 0, 1>>)),
    Bad = [<<131, 88, 100, 0, 13, "nonode@nohost", 0, 0, 128, 0, 0, 0, 0, 0, 0, 0, 0, 0>>,
           <<131, 88, 100, 0, 13, "nonode@nohost", 0, 0, 0, 1, 0, 0, 32, 0, 0, 0, 0, 0>>,
           <<131, 89, 100, 0, 13, "nonode@nohost", 255, 255, 255, 255, 0, 0, 0, 0>>,
           <<131, 90, 0, 0, 100, 0, 13, "nonode@nohost", 0, 0, 0, 0>>,
           <<131, 90, 0, 1, 100, 0, 13, "nonode@nohost", 0, 0, 0, 0, 0, 4, 0, 0>>,
           <<131, 88, 97, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0>>,
           <<131, 88, 100, 0, 13, "nonode@nohost", 0, 0, 0, 1>>],
    lists:foreach(fun(B) -> erlang:display(t(fun() -> binary_to_term(B) end)) end, Bad),
    %% Text forms: leading zeros are fine; anything else is badarg.
    erlang:display(list_to_pid("<0.01.00>")),
    BadText = [fun() -> list_to_pid("<0.32768.0>") end, fun() -> list_to_pid("<0.1.8192>") end,
               fun() -> list_to_pid("<0.1>") end, fun() -> list_to_pid("<0.1.0> ") end,
               fun() -> list_to_pid("< 0.1.0>") end, fun() -> list_to_pid("<0..0>") end,
               fun() -> list_to_pid(foo) end, fun() -> list_to_port("#Port<0.268435456>") end,
               fun() -> list_to_port("#Port<0>") end, fun() -> list_to_ref("#Ref<0.1.2>") end,
               fun() -> list_to_ref("#Ref<0.1.2.3.4>") end, fun() -> list_to_ref("#Ref<0.0.0.262144>") end,
               fun() -> pid_to_list(foo) end, fun() -> port_to_list(1) end, fun() -> ref_to_list(<<>>) end],
    lists:foreach(fun(F) -> erlang:display(t(F)) end, BadText),
    %% make_ref/0: fresh, distinct references that print as #Ref<0.A.B.C> and round trip.
    R1 = make_ref(),
    R2 = make_ref(),
    erlang:display({is_reference(R1), R1 =:= R2, R1 == R1, binary_to_term(term_to_binary(R1)) =:= R1}),
    S = ref_to_list(R1),
    erlang:display({lists:prefix("#Ref<0.", S), lists:last(S), length(string:tokens(S, ".")),
                    list_to_ref(S) =:= R1}),
    erlang:display(length(lists:usort([make_ref() || _ <- lists:seq(1, 1000)]))),
    erlang:display(byte_size(term_to_binary(R1))),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
