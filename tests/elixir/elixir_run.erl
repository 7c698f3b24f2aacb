%% elixir_run - starts a program of tests/elixir/ under beamrun and under `elixir` alike:
%%
%%   beamrun -pa ELIXIR_LIB/elixir/ebin -pa DIR elixir_run:main elixir_basics
%%   elixir -pa DIR -e ':elixir_run.main(:elixir_basics)'
%%
%% Before user code runs, Elixir's boot (elixir:start/2, the elixir application's start) sets
%% the standard I/O servers to UTF-8 ([binary, {encoding, utf8}] on standard_io, as under
%% -noshell, and {encoding, utf8} on standard_error). beamrun cannot start the elixir
%% application itself, which keeps its configuration in ETS tables (elixir_config), so this
%% does that one part of the boot, then calls 'Elixir.<CamelName>':main() for the test
%% <camel_name>. Under `elixir` the settings are already made; setting them again changes
%% nothing.
-module(elixir_run).
-export([main/1]).

main(Name) when is_atom(Name) ->
    ok = io:setopts(standard_io, [binary, {encoding, utf8}]),
    ok = io:setopts(standard_error, [{encoding, utf8}]),
    Module = list_to_atom("Elixir." ++ camelize(atom_to_list(Name))),
    Module:main().

camelize(Name) ->
    lists:append([[string:to_upper(H) | T] || [H | T] <- string:lexemes(Name, "_")]).
