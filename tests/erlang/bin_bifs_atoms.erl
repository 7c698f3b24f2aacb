-module(bin_bifs_atoms).
-export([main/0, id/1]).

%% atom_to_binary/1,2, binary_to_atom/1,2, binary_to_existing_atom/1,2:
%% encodings latin1, utf8 and unicode, non-Latin-1 atoms, invalid UTF-8,
%% the 255-character limit (system_limit), and atoms that do not exist.

id(X) -> X.

main() ->
    Long = list_to_binary(lists:duplicate(255, $a)),
    TooLong = <<Long/binary, "a">>,
    LongE = list_to_binary(lists:duplicate(255, 16#e9)),
    Calls = [{atom_to_binary, [hello]}, {atom_to_binary, ['héllo']}, {atom_to_binary, ['héllo', latin1]},
             {atom_to_binary, ['héllo', utf8]}, {atom_to_binary, ['héllo', unicode]}, {atom_to_binary, ['€', utf8]},
             {atom_to_binary, ['€', latin1]}, {atom_to_binary, [hello, latin2]}, {atom_to_binary, ["hello"]},
             {atom_to_binary, [''], []}, {binary_to_atom, [<<"hello">>]}, {binary_to_atom, [<<"héllo"/utf8>>]},
             {binary_to_atom, [<<"héllo"/utf8>>, latin1]}, {binary_to_atom, [<<"h", 233, "llo">>, latin1]},
             {binary_to_atom, [<<"h", 233, "llo">>, utf8]}, {binary_to_atom, [<<>>, utf8]},
             {binary_to_atom, [<<1:3>>, utf8]}, {binary_to_atom, [<<"x">>, foo]}, {binary_to_atom, ["x", utf8]},
             {binary_to_atom, [<<16#ED, 16#A0, 16#80>>, utf8]}, {binary_to_atom, [Long, utf8]},
             {binary_to_atom, [TooLong, utf8]}, {binary_to_atom, [LongE, latin1]},
             {binary_to_atom, [<<LongE/binary, 1>>, latin1]},
             {binary_to_existing_atom, [<<"hello">>]}, {binary_to_existing_atom, [<<"no_such_atom_in_this_test_1">>]},
             {binary_to_existing_atom, [<<"héllo"/utf8>>, utf8]}, {binary_to_existing_atom, [<<"ok">>, latin1]},
             {binary_to_existing_atom, [<<"ok">>, bad]}],
    [erlang:display(run(F, A)) || {F, A} <- Calls],
    erlang:display([binary_to_atom(atom_to_binary(A, utf8), utf8) =:= A || A <- ['', a, 'A b', 'ü', '日本']]),
    ok.

%% Stack trace filter: keep only frames of this module and of erlang (the
%% callers of main/0 differ between erl and beamrun) and reduce file names
%% to their base name (erlc records the path as given on its command line).
st(St) -> test_support:st(?MODULE, St).


run(F, Args) ->
    try apply(erlang, F, id(Args)) of
        V -> {ok, V}
    catch
        error:R:St -> {R, st(St)}
    end.
