-module(code_server_queries).
-export([main/0]).
%% What OTP's code module asks of the code server: ensure_loaded of loaded, loadable and
%% missing modules, is_loaded, which (through get_path), get_mode, all_loaded. Paths differ
%% between installations, so only their shape and base names are printed.

main() ->
    erlang:display(code:ensure_loaded(lists)),
    erlang:display(erlang:module_loaded(sofs)),
    erlang:display(code:ensure_loaded(sofs)),
    erlang:display(erlang:module_loaded(sofs)),
    erlang:display(code:ensure_loaded(sofs)),
    erlang:display(code:ensure_loaded(no_such_module_anywhere)),
    erlang:display(code:ensure_loaded(erlang)),
    erlang:display(code:is_loaded(no_such_module_anywhere)),
    erlang:display(code:is_loaded(erlang)),
    {file, File} = code:is_loaded(sofs),
    erlang:display(filename:basename(File)),
    erlang:display(filename:basename(code:which(sofs))),
    erlang:display(filename:basename(code:which(sets))),
    erlang:display(code:which(no_such_module_anywhere)),
    erlang:display(code:get_mode()),
    Path = code:get_path(),
    erlang:display(is_list(Path) andalso lists:all(fun io_lib:char_list/1, Path)),
    All = code:all_loaded(),
    erlang:display({lists:keymember(sofs, 1, All), lists:keymember(no_such_module_anywhere, 1, All)}),
    erlang:display(try code:ensure_loaded("lists") catch C:R -> {C, R} end),
    ok.
