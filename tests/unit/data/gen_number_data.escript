#!/usr/bin/env escript
%% Records what the real erl computes for integers and float text, for test_bignum.cpp and
%% test_float_text.cpp.
%%
%%   cd tests/unit/data && escript gen_number_data.escript
%%
%% Integers are written as erlang:integer_to_list(X, 16) (upper case, "-" for negatives). A
%% result longer than 200 characters is written as a digest "#Length:Sum" of that text, where
%% Sum is the sum over its characters C (1-based position I) of C * (I rem 9973 + 1), modulo
%% 1000000007: the tests compute the same digest of their own text.
%%
%% Writes:
%%   bignum_cases.tsv   Op <TAB> A <TAB> B <TAB> Result <TAB> small|big|error
%%                      Op is an operator (+ - * div rem band bor bxor bsl bsr) with B, or
%%                      bnot / neg / abs with B = "" ; Result is the error reason on error.
%%   bignum_text.tsv    A <TAB> Base <TAB> integer_to_list(A, Base) (or its digest)
%%   bignum_big.tsv     A <TAB> 35 digests of integer_to_list(A, Base), Base = 2..36, for
%%                      numbers of thousands of digits
%%   bignum_float.tsv   A <TAB> hex(IEEE bits of float(A)), or "badarg"
%%   float_trunc.tsv    hex(IEEE bits of F) <TAB> trunc <TAB> round <TAB> ceil <TAB> floor
%%   float_text.tsv     hex(IEEE bits) <TAB> Options (~w) <TAB> float_to_list(F, Options)
%%                      or "badarg"
%%   float_parse.tsv    hex(text) <TAB> hex(IEEE bits of list_to_float(text)) or "badarg"
-mode(compile).

main(_) ->
    rand:seed(exsss, {20240607, 3, 5}),
    ok = file:write_file("bignum_cases.tsv", int_cases()),
    ok = file:write_file("bignum_text.tsv", text_cases()),
    ok = file:write_file("bignum_big.tsv", big_text_cases()),
    ok = file:write_file("bignum_float.tsv", float_of_int_cases()),
    ok = file:write_file("float_trunc.tsv", trunc_cases()),
    ok = file:write_file("float_text.tsv", float_text_cases()),
    ok = file:write_file("float_parse.tsv", parse_cases()).

%% --- integers ---

-define(SMALL_MIN, -(1 bsl 59)).
-define(SMALL_MAX, (1 bsl 59) - 1).

boundary() ->
    [0, 1, -1, 2, -3, ?SMALL_MAX, ?SMALL_MIN, ?SMALL_MAX + 1, ?SMALL_MIN - 1,
     1 bsl 62, (1 bsl 63) - 1, 1 bsl 63, -(1 bsl 63), (1 bsl 64) - 1, 1 bsl 64,
     (1 bsl 64) + 1, -(1 bsl 64), -(1 bsl 64) + 1, -(1 bsl 64) - 1, (1 bsl 128) - 1,
     1 bsl 128, -(1 bsl 128), (1 bsl 192) - (1 bsl 64), -((1 bsl 192) + 1),
     pow(3, 100), -pow(7, 60)].

random_ints() ->
    [begin
         V = rand:uniform(1 bsl rand:uniform(200)),
         case rand:uniform(2) of 1 -> V; 2 -> -V end
     end || _ <- lists:seq(1, 5)].

pow(_, 0) -> 1;
pow(B, N) -> B * pow(B, N - 1).

int_cases() ->
    Vs = boundary() ++ random_ints(),
    Binary = [{Op, A, B} || Op <- ['+', '-', '*', 'div', 'rem', 'band', 'bor', 'bxor'],
                            A <- Vs, B <- Vs],
    Shifts = [{Op, A, S} || Op <- ['bsl', 'bsr'], A <- Vs,
                            S <- [0, 1, 3, 59, 60, 63, 64, 65, 127, 128, 129, 1000, -1, -63,
                                  -64, -65, -128, -1000, 100000, -100000]],
    Huge = [{Op, A, S} || Op <- ['bsl', 'bsr'], A <- [0, 1, -1, 5, -(1 bsl 64)],
                          S <- [1 bsl 64, -(1 bsl 64), 1 bsl 40, -(1 bsl 40)]],
    % BEAM's largest integer has 33554368 bits (2^19 - 1 limbs); only failures are recorded
    % here, the texts of the largest successes would take erl minutes.
    Limit = [{'bsl', 1, 33554368}, {'bsl', -1, 33554368}, {'bsl', 3, 33554367},
             {'bsl', 1 bsl 64, 33554367 - 63}],
    Unary = [{Op, A, none} || Op <- ['bnot', neg, abs], A <- Vs],
    [row(C) || C <- Binary ++ Shifts ++ Huge ++ Limit ++ Unary].

row({Op, A, B}) ->
    R = try {ok, eval(Op, A, B)} catch error:E -> {error, E} end,
    {Text, Kind} = case R of
                       {ok, V} when V >= ?SMALL_MIN, V =< ?SMALL_MAX -> {int(V), "small"};
                       {ok, V} -> {int(V), "big"};
                       {error, E2} -> {atom_to_list(E2), "error"}
                   end,
    BText = case B of none -> ""; _ -> int(B) end,
    [atom_to_list(Op), $\t, int(A), $\t, BText, $\t, Text, $\t, Kind, $\n].

eval('bnot', A, none) -> bnot A;
eval(neg, A, none) -> -A;
eval(abs, A, none) -> abs(A);
eval(Op, A, B) -> erlang:Op(A, B).

%% An integer's hex text, or its digest when long.
int(V) -> text(integer_to_list(V, 16)).

text(S) when length(S) =< 200 -> S;
text(S) -> digest(S).

digest(S) ->
    {Sum, _} = lists:foldl(fun(C, {Acc, I}) -> {(Acc + C * (I rem 9973 + 1)) rem 1000000007, I + 1} end,
                           {0, 1}, S),
    "#" ++ integer_to_list(length(S)) ++ ":" ++ integer_to_list(Sum).

%% Conversions to text in every base: the numbers go in hex, the texts as digests when long.
text_cases() ->
    Small = boundary() ++ [35, -36, 1295, -1296],
    [[integer_to_list(A, 16), $\t, integer_to_list(Base), $\t,
      text(integer_to_list(A, Base)), $\n]
     || A <- Small, Base <- lists:seq(2, 36)].

%% Numbers of thousands of digits: the hex text, then the digests of the texts in bases 2..36.
big_text_cases() ->
    Big = [pow(7, 5000), -(pow(3, 6000) + 1), (1 bsl 10000) - 1, -(1 bsl 12345),
           pow(10, 3000), pow(10, 3000) - 1, pow(3, 200000)],
    [[integer_to_list(A, 16),
      [[$\t, digest(integer_to_list(A, Base))] || Base <- lists:seq(2, 36)], $\n] || A <- Big].

float_of_int_cases() ->
    Vs = boundary() ++ random_ints()
        ++ [(1 bsl 117) + (1 bsl 64) + 1, (1 bsl 53) + 1, (1 bsl 54) + 3, (1 bsl 64) - 1,
            -((1 bsl 117) + (1 bsl 64) + 1), (1 bsl 1023), (1 bsl 1024) - (1 bsl 971),
            (1 bsl 1024) - (1 bsl 970), (1 bsl 1024) - 1, 1 bsl 1024, -(1 bsl 1100),
            pow(10, 308), pow(10, 309)]
        ++ [rand:uniform(1 bsl 1000) || _ <- lists:seq(1, 30)],
    [[integer_to_list(A, 16), $\t,
      try <<Bits:64>> = <<(float(A))/float>>, hex64(Bits) catch error:badarg -> "badarg" end,
      $\n] || A <- Vs].

trunc_cases() ->
    Fs = [0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994,
          -0.49999999999999994, 4503599627370497.0, 9007199254740993.0, 1.0e19, -1.0e19,
          9.2e18, -9.2e18, 9.3e18, 1.8446744073709552e19, 1.0e20, -1.0e20, 1.0e300,
          -1.0e300, 1.7976931348623157e308, -1.7976931348623157e308, 5.0e-324]
        ++ [random_float() || _ <- lists:seq(1, 200)],
    [[hex64(bits(F)), $\t, int(trunc(F)), $\t, int(round(F)), $\t, int(ceil(F)), $\t,
      int(floor(F)), $\n] || F <- Fs].

%% --- float text ---

bits(F) -> <<B:64>> = <<F/float>>, B.
hex64(B) -> io_lib:format("~16.16.0b", [B]).

random_float() ->
    F = case rand:uniform(8) of
            1 -> any_float();
            2 -> rand:uniform(100000000) / math:pow(10, rand:uniform(12));
            3 -> (rand:uniform(1000) * 10 + 5) / math:pow(10, rand:uniform(8));
            4 -> math:pow(2, -rand:uniform(60)) * rand:uniform(100000);
            5 -> rand:uniform(1 bsl 53) / math:pow(2, rand:uniform(60));
            6 -> rand:uniform() * math:pow(10, rand:uniform(40) - 20);
            7 -> float((1 bsl 53) - rand:uniform(1000)) + (rand:uniform(4) - 1) / 4;
            8 -> (rand:uniform(1 bsl 40) + 0.5) / math:pow(10, rand:uniform(15))
        end,
    case rand:uniform(2) of 1 -> F; 2 -> -F end.

any_float() ->
    case <<(rand:uniform(1 bsl 64) - 1):64>> of
        <<F/float>> -> F;
        _ -> any_float()  % NaN or infinity: not an Erlang float
    end.

special_floats() ->
    [0.0, -0.0, 0.5, 0.125, 0.375, 2.5, -2.5, 1.005, 0.145, 1.0e15 + 0.3, 1.0e16, 1.0e20,
     1.0e300, 5.0e-324, 4503599627370494.5, 2251799813685248.5, 0.49999999999999994,
     9007199254740990.0, 9007199254740994.0, 0.75849204999999997, 0.9999, 9.999,
     1.7976931348623157e308, 123456789.123456789, 100.0, 9.5367431640625e-07, -0.4].

float_options() ->
    [[], [short], [compact], [{decimals, 0}], [{decimals, 0}, compact], [{decimals, 2}],
     [{decimals, 2}, compact], [{decimals, 18}], [{decimals, 19}], [{decimals, 20}, compact],
     [{decimals, 253}], [{decimals, 254}], [{decimals, -1}], [{scientific, 0}],
     [{scientific, 3}], [{scientific, -1}], [{scientific, 249}], [{scientific, 250}],
     [{decimals, 2}, {scientific, 3}], [{scientific, 3}, {decimals, 2}], [short, {decimals, 2}],
     [{decimals, 2}, short], [{decimals, (1 bsl 32) + 3}], [{scientific, (1 bsl 31)}],
     [{decimals, (1 bsl 31)}]].

float_text_cases() ->
    Fixed = [{F, O} || F <- special_floats(), O <- float_options()],
    Random = [{random_float(), random_options()} || _ <- lists:seq(1, 4000)],
    [[hex64(bits(F)), $\t, io_lib:format("~w", [O]), $\t,
      try float_to_list(F, O) catch error:badarg -> "badarg" end, $\n]
     || {F, O} <- Fixed ++ Random].

random_options() ->
    Compact = [compact || rand:uniform(2) =:= 1],
    case rand:uniform(10) of
        1 -> [{scientific, rand:uniform(280) - 15}];
        2 -> [{decimals, rand:uniform(260) - 1}] ++ Compact;
        3 -> [short];
        _ -> [{decimals, rand:uniform(20) - 1}] ++ Compact
    end.

parse_cases() ->
    Fixed = ["1.0", "1", "1e5", "1.0e5", ".5", "0.5", "+1.5", "-1.5", "1.", "1.5e", "1.5e+3",
             "1.5E3", "1.5e-3", " 1.5", "1.5 ", "1_000.5", "1.0e400", "1.0e-400", "-1.0e-400",
             "inf", "nan", "1.5x", "00001.5", "-0.0", "", "1.5e+", "1.5e3.0", "1.5e03",
             "1,5", "1,5e3", "1,5,3", "1.5,3", "+.5", "-.5", "1.e5", "1.5" ++ [0],
             "1.5" ++ [0] ++ "xyz", [0], "2.4703282292062328e-324", "2.4703282292062327e-324",
             "1.7976931348623158e308", "1.7976931348623159e308",
             "1.0e0000000000000000000000000001", "1.0e-1000000000000000000000",
             "1.0e1000000000000000000000", "0.000000000000000000000000000000001e40",
             "1." ++ lists:duplicate(1000, $0) ++ "1", lists:duplicate(400, $1) ++ ".0",
             "0." ++ lists:duplicate(400, $0) ++ "1e400", "--1.0", "1.0e--1"],
    Random = [random_text() || _ <- lists:seq(1, 3000)],
    [[hexs(S), $\t,
      try hex64(bits(list_to_float(S))) catch error:badarg -> "badarg" end, $\n]
     || S <- Fixed ++ Random].

hexs(S) -> [io_lib:format("~2.16.0b", [C]) || C <- S].

random_text() ->
    Pick = fun(L) -> lists:nth(rand:uniform(length(L)), L) end,
    lists:append([Pick(["", "", "+", "-", "--"]), digits(), Pick([".", ".", ".", "", ","]),
                  digits(),
                  case rand:uniform(3) of
                      1 -> "";
                      _ -> Pick(["e", "E", "x"]) ++ Pick(["", "+", "-", "+-"]) ++ digits()
                  end,
                  Pick(["", "", "", "", " ", [0], [0, $x], "a"])]).

digits() ->
    case rand:uniform(10) of
        1 -> "";
        2 -> lists:duplicate(rand:uniform(30), $0) ++ integer_to_list(rand:uniform(1000));
        3 -> integer_to_list(rand:uniform(1 bsl 70));
        _ -> integer_to_list(rand:uniform(1000))
    end.
