%% beamrun_code.erl - the code server: the process registered as `code_server`, which OTP's
%% unmodified code module asks what it cannot answer itself (code_server:call/1's protocol:
%% {code_call, From, Request} -> From ! {code_server, Reply}). code:ensure_loaded/1 of a module
%% not yet loaded goes here, and Elixir asks it often (Code.ensure_loaded?/1, the evaluator's
%% checks of remote calls). vm/group_leader.cpp starts it with the I/O servers.
%%
%% beamrun loads modules itself on their first call (VM::ensure_loaded: the -pa entries, then
%% OTP's libraries), so the answers come from the VM through natives (bifs/beamrun_code.cpp):
%%   {ensure_loaded, M}  -> {module, M} | {error, nofile | badfile}
%%   {is_loaded, M}      -> {file, File} | {file, preloaded} | false
%%   get_path            -> [Dir]
%%   all_loaded          -> [{M, File | preloaded}]
%%   get_mode            -> interactive
%% Other requests (loading new versions, changing the path, purging) are not supported here:
%% like ERTS's code server for a request it does not know, the reply is `error`.
-module(beamrun_code).
-export([start/0]).

start() ->
    loop().

loop() ->
    receive
        {code_call, From, Request} when is_pid(From) ->
            From ! {code_server, request(Request)},
            loop();
        _Other ->
            loop()
    end.

request({ensure_loaded, M}) when is_atom(M) -> beamrun_code:ensure_loaded_native(M);
request({is_loaded, M}) when is_atom(M) -> beamrun_code:is_loaded_native(M);
request(get_path) -> beamrun_code:get_path_native();
request(all_loaded) -> beamrun_code:all_loaded_native();
request(get_mode) -> interactive;
request(_) -> error.
