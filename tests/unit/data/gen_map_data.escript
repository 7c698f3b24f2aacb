#!/usr/bin/env escript
%% Records how the real erl prints maps of more than 32 keys, for beamrun's map unit tests.
%%
%%   cd tests/unit/data && escript gen_map_data.escript
%%
%% Writes map_cases.tsv, one map per line:
%%   ~w-text <TAB> hex(erlang:display) <TAB> hex(~p) <TAB> hex(~w) <TAB> ~w of maps:keys/1
%%       <TAB> ~w of the keys in maps:next order
%% The maps use no atoms, pids, refs or funs: those hash by numbers each VM picks itself.
%% erlang:display writes straight to stdout, so it runs in a child erl and is split on a
%% separator; its "\r\n" line ends are dropped.
-mode(compile).

main(_) ->
    rand:seed(exsss, {20240701, 3, 5}),
    Cases = fixed() ++ [random_map() || _ <- lists:seq(1, 30)],
    Displays = displays(Cases),
    Rows = [[w(M), $\t, hex(D), $\t, hex(io_lib:format("~p", [M])), $\t,
             hex(io_lib:format("~w", [M])), $\t, w(maps:keys(M)), $\t, w(walk(maps:iterator(M))), $\n]
            || {M, D} <- lists:zip(Cases, Displays)],
    ok = file:write_file("map_cases.tsv", Rows).

walk(I) ->
    case maps:next(I) of
        none -> [];
        {K, _, Next} -> [K | walk(Next)]
    end.

fixed() ->
    [maps:from_list([{I, I} || I <- lists:seq(1, N)]) || N <- [1, 32, 33, 40, 64, 100, 200]]
    ++ [maps:from_list([{I * 0.25, [I]} || I <- lists:seq(1, 50)]),
        maps:from_list([{{I, I + 1}, "v" ++ integer_to_list(I)} || I <- lists:seq(1, 70)]),
        maps:from_list([{integer_to_list(I), I} || I <- lists:seq(1, 80)]),
        maps:from_list([{I * 98765432109876543210, -I} || I <- lists:seq(1, 45)]),
        maps:from_list([{<<I, (I * 3):16>>, #{I => I}} || I <- lists:seq(1, 40)]),
        maps:from_list([{I, x} || I <- lists:seq(1, 31)] ++ [{59671, a}, {40660, b}, {22575, c}, {119693, d}]),
        maps:from_list([{I, maps:from_list([{J, J} || J <- lists:seq(1, 40)])} || I <- lists:seq(1, 3)]),
        #{outer => maps:from_list([{I, {I}} || I <- lists:seq(1, 35)])}].

random_map() ->
    N = case rand:uniform(3) of 1 -> rand:uniform(32); _ -> 32 + rand:uniform(100) end,
    maps:from_list([{random_key(2), random_value(2)} || _ <- lists:seq(1, N)]).

random_key(0) -> rand:uniform(1000) - 500;
random_key(D) ->
    case rand:uniform(7) of
        1 -> rand:uniform(100000) - 50000;
        2 -> rand:uniform(1000) / 8;
        3 -> {random_key(D - 1), random_key(D - 1)};
        4 -> [random_key(D - 1) || _ <- lists:seq(1, rand:uniform(3) - 1)];
        5 -> list_to_binary([rand:uniform(255) || _ <- lists:seq(1, rand:uniform(20) - 1)]);
        6 -> rand:uniform(1 bsl 80);
        7 -> rand:uniform(127)
    end.

random_value(0) -> rand:uniform(100);
random_value(D) ->
    case rand:uniform(5) of
        1 -> [random_value(D - 1), random_value(D - 1)];
        2 -> {random_value(D - 1)};
        3 -> "text";
        4 -> maps:from_list([{random_key(0), random_value(D - 1)} || _ <- lists:seq(1, rand:uniform(4))]);
        5 -> random_key(D)
    end.

w(T) -> unicode:characters_to_binary(io_lib:format("~w", [T])).
hex(IoData) -> [io_lib:format("~2.16.0b", [B]) || <<B>> <= iolist_to_binary(IoData)].

displays(Terms) ->
    Tmp = "/tmp/beamrun_display_maps.bin",
    ok = file:write_file(Tmp, term_to_binary(Terms)),
    Cmd = "erl -noshell -eval '{ok, B} = file:read_file(\"" ++ Tmp ++ "\"), "
        "[begin erlang:display(T), erlang:display(beamrun_sep) end || T <- binary_to_term(B)], "
        "halt().'",
    Out = list_to_binary(os:cmd(Cmd)),
    Parts = binary:split(Out, <<"beamrun_sep\r\n">>, [global]),
    [strip_crlf(P) || P <- lists:droplast(Parts)].

strip_crlf(B) ->
    N = byte_size(B) - 2,
    <<Body:N/binary, "\r\n">> = B,
    Body.
