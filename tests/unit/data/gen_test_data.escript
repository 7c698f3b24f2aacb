#!/usr/bin/env escript
%% Records what the real erl prints and how it orders terms, for beamrun's unit tests.
%%
%%   cd tests/unit/data && escript gen_test_data.escript
%%
%% Writes (all hex fields are the exact bytes erl produced):
%%   printer_cases.tsv  ~w-text <TAB> hex(erlang:display) <TAB> hex(~p) <TAB> hex(~w) <TAB>
%%                      hex(~p starting at column 25: io_lib_pretty:print(T, 25, 80, -1))
%%                      for each expression of printer_cases.txt, then 300 random terms
%%   floats.tsv         hex(IEEE bits) <TAB> display text <TAB> float_to_list(F, [short])
%%   order_cases.tsv    A <TAB> B <TAB> sign(A vs B, ==/<) <TAB> sign(A vs B, exact order)
%%                      (exact order = map key order: maps:keys(#{A=>_, B=>_}))
%%   parser_cases.tsv   source <TAB> hex(~w of erl_parse:parse_term(source)), or "error"
%%   special_cases.tsv  name <TAB> hex(display) <TAB> hex(~p) <TAB> hex(~w) [<TAB> fun info]
%%                      for pids, ports, refs and funs, which have no literal syntax; the test
%%                      builds the same terms by name
%% erlang:display writes straight to stdout, so it runs in a child erl and is split on a
%% separator; its "\r\n" line ends are dropped.
-mode(compile).

main(_) ->
    rand:seed(exsss, {20240601, 7, 13}),
    Cases = [eval(L) || L <- read_lines("printer_cases.txt")]
        ++ [random_term(4) || _ <- lists:seq(1, 300)],
    Displays = displays(Cases),
    Rows = [[w(T), $\t, hex(D), $\t, hex(io_lib:format("~p", [T])), $\t,
             hex(io_lib:format("~w", [T])), $\t,
             hex(io_lib_pretty:print(T, 25, 80, -1)), $\n]
            || {T, D} <- lists:zip(Cases, Displays)],
    ok = file:write_file("printer_cases.tsv", Rows),
    Floats = special_floats() ++ [random_float() || _ <- lists:seq(1, 3000)],
    FDisplays = displays(Floats),
    FRows = [[hex(<<F/float>>), $\t, D, $\t, float_to_list(F, [short]), $\n]
             || {F, D} <- lists:zip(Floats, FDisplays)],
    ok = file:write_file("floats.tsv", FRows),
    Pairs = [{order_term(3), order_term(3)} || _ <- lists:seq(1, 3000)]
        ++ [{A, B} || A <- order_atoms(), B <- order_atoms()],
    ORows = [[w(A), $\t, w(B), $\t, integer_to_list(arith(A, B)), $\t,
              integer_to_list(exact(A, B)), $\n] || {A, B} <- Pairs],
    ok = file:write_file("order_cases.tsv", ORows),
    Specials = specials(),
    SDisplays = displays([T || {_, T} <- Specials]),
    SRows = [[Name, $\t, hex(D), $\t, hex(io_lib:format("~p", [T])), $\t,
              hex(io_lib:format("~w", [T])), fun_info(T), $\n]
             || {{Name, T}, D} <- lists:zip(Specials, SDisplays)],
    ok = file:write_file("special_cases.tsv", SRows),
    PRows = [[unicode:characters_to_binary(Src), $\t, parse_literal(Src), $\n]
             || Src <- read_lines("parser_cases.txt")],
    ok = file:write_file("parser_cases.tsv", PRows).

parse_literal(Src) ->
    case erl_scan:string(Src ++ " .") of
        {ok, Toks, _} ->
            case erl_parse:parse_term(Toks) of
                {ok, T} -> hex(io_lib:format("~w", [T]));
                _ -> "error"
            end;
        _ -> "error"
    end.

specials() ->
    P = list_to_pid("<0.5.0>"),
    Port = list_to_port("#Port<0.7>"),
    R1 = list_to_ref("#Ref<0.1.2.3>"),
    R2 = list_to_ref("#Ref<0.2485855121.3926130689.26718>"),
    E1 = fun lists:map/2,
    E2 = fun 'A b':'and'/0,
    E3 = fun erlang:'+'/2,
    F = fun() -> ok end,
    [{"pid", P}, {"port", Port}, {"ref1", R1}, {"ref2", R2}, {"export1", E1},
     {"export2", E2}, {"export3", E3}, {"closure", F},
     {"tuple", {P, Port, R1, R2, E1, E2, E3, [P, Port]}},
     {"list", [P, Port, R1, R2, E1, E2, E3, F, P, Port, R1, R2, E1, E2, E3, F]}].

fun_info(F) when is_function(F) ->
    case erlang:fun_info(F, type) of
        {type, local} ->
            {module, M} = erlang:fun_info(F, module),
            {index, I} = erlang:fun_info(F, index),
            {uniq, U} = erlang:fun_info(F, uniq),
            io_lib:format("\t~s.~w.~w", [M, I, U]);
        _ -> ""
    end;
fun_info(_) -> "".

read_lines(File) ->
    {ok, Bin} = file:read_file(File),
    [unicode:characters_to_list(L) || L <- binary:split(Bin, <<"\n">>, [global]),
                          L =/= <<>>, binary:first(L) =/= $%].

eval(Src) ->
    {ok, Toks, _} = erl_scan:string(Src ++ "."),
    {ok, [Expr]} = erl_parse:parse_exprs(Toks),
    {value, V, _} = erl_eval:expr(Expr, erl_eval:new_bindings()),
    V.

%% The ~w text as UTF-8 (atoms may hold Latin-1 letters), which beamrun's parser reads.
w(T) -> unicode:characters_to_binary(io_lib:format("~w", [T])).
hex(IoData) -> [io_lib:format("~2.16.0b", [B]) || <<B>> <= iolist_to_binary(IoData)].

displays(Terms) ->
    Tmp = "/tmp/beamrun_display_terms.bin",
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

%% --- floats ---
special_floats() ->
    [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 100.0, 1000.0, 7.0e3, 1.0e15, 1.0e16, 1.0e17,
     1.0e21, 1.0e22, 1.0e23, 5.0e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
     9007199254740992.0, 9007199254740993.0, 4503599627370496.5, 123456789012345678.0,
     0.0001, 0.00012, 0.001234, 1.0e-5, 2.5e-5, 123456.789, 0.3333333333333333,
     12345678901234567.0, 1234567890123456.0, 1.0e9, 1.25e8, 2.0e7, 9999999.0]
    ++ [math:pow(10, E) || E <- lists:seq(-20, 25)]
    ++ [float(1 bsl E) || E <- lists:seq(48, 60)]
    ++ [float(1 bsl E) + 1.0 || E <- lists:seq(48, 55)]
    ++ [float(N) * math:pow(10, E) || N <- [1, 12, 123, 1234, 12345, 987654321], E <- [1, 2, 3]].

random_float() ->
    case rand:uniform(3) of
        1 ->  % any finite bit pattern
            <<F/float>> = <<(rand:uniform(16#7FEFFFFFFFFFFFFF)):64>>,
            case rand:uniform(2) of 1 -> F; 2 -> -F end;
        2 ->  % a short decimal
            rand:uniform(100000) * math:pow(10, rand:uniform(40) - 25);
        3 ->  % a value near an integer
            float(rand:uniform(1 bsl 55)) / (1 bsl rand:uniform(8))
    end.

%% --- random terms for the printer ---
atoms() -> [ok, error, undefined, 'Quoted', 'with space', a@b, 'and', tag, very_long_atom_name_here, '', é].

random_term(0) -> random_leaf();
random_term(D) ->
    case rand:uniform(12) of
        N when N =< 4 -> random_leaf();
        5 -> [random_term(D - 1) || _ <- lists:seq(1, rand:uniform(12) - 1)];
        6 -> list_to_tuple([random_term(D - 1) || _ <- lists:seq(1, rand:uniform(8) - 1)]);
        7 -> list_to_tuple([pick(atoms()) | [random_term(D - 1) || _ <- lists:seq(1, rand:uniform(6))]]);
        8 -> maps:from_list([{random_leaf(), random_term(D - 1)} || _ <- lists:seq(1, rand:uniform(6) - 1)]);
        9 -> [$a + rand:uniform(25) || _ <- lists:seq(1, rand:uniform(60))];
        10 -> list_to_binary([rand:uniform(256) - 1 || _ <- lists:seq(1, rand:uniform(50))]);
        11 -> list_to_binary([$a + rand:uniform(25) || _ <- lists:seq(1, rand:uniform(60))]);
        12 -> [random_term(D - 1) || _ <- lists:seq(1, rand:uniform(5))] ++ random_leaf()
    end.

random_leaf() ->
    case rand:uniform(9) of
        1 -> rand:uniform(1000);
        2 -> -rand:uniform(1 bsl 40);
        3 -> rand:uniform(1 bsl 90);
        4 -> rand:uniform(1000) / 8;
        5 -> pick(atoms());
        6 -> [];
        7 -> pick([{}, #{}, <<>>]);
        8 -> pick(["", "str", "a\nb"]);
        9 -> rand:uniform(100)
    end.

pick(L) -> lists:nth(rand:uniform(length(L)), L).

%% --- order ---
order_atoms() ->
    [1, 1.0, -1, 0, 0.0, -0.0, 2, 2.5, 1 bsl 60, -(1 bsl 60), 1 bsl 64, float(1 bsl 64),
     (1 bsl 64) + 1, 9007199254740993, 9007199254740992.0, 1.0e300, 1 bsl 1100, -(1 bsl 1100),
     a, b, aa, 'B', '', 'é', {}, {1}, {1.0}, {a, b}, #{}, #{1 => a}, #{1.0 => a}, #{a => 1},
     #{a => 1.0}, #{b => 0}, [], [1], [1.0], [1 | 2], [1 | 2.0], "abc", "abd", <<>>, <<0>>,
     <<1>>, <<1, 2>>, <<"abc">>].

order_term(0) -> pick(order_atoms());
order_term(D) ->
    case rand:uniform(6) of
        N when N =< 3 -> order_term(0);
        4 -> [order_term(D - 1) || _ <- lists:seq(1, rand:uniform(3))];
        5 -> list_to_tuple([order_term(D - 1) || _ <- lists:seq(1, rand:uniform(3))]);
        6 -> maps:from_list([{order_term(D - 1), order_term(D - 1)} || _ <- lists:seq(1, rand:uniform(3))])
    end.

arith(A, B) when A == B -> 0;
arith(A, B) when A < B -> -1;
arith(_, _) -> 1.

exact(A, B) when A =:= B -> 0;
exact(A, B) ->
    [First | _] = maps:keys(#{A => 1, B => 2}),
    case First =:= A of true -> -1; false -> 1 end.
