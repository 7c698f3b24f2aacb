%% sbx_trusted.erl - trusted code beside the sandboxed sbx_plugin (tests/unit/test_sandbox.cpp):
%% what the sandbox refuses it still does, and it hands the plugin funs.
-module(sbx_trusted).
-export([getpid/0, pid_fun/0, pid_fun_bytes/0, seven_bytes/0, closure/0, plugin_loop/0, plugin_grow/0]).

getpid() -> os:getpid().
pid_fun() -> fun os:getpid/0.
pid_fun_bytes() -> term_to_binary(fun os:getpid/0).
seven_bytes() -> term_to_binary(7).
%% A closure made by trusted code runs trusted code, even when sandboxed code calls it.
closure() -> fun() -> os:getpid() end.
plugin_loop() -> fun() -> sbx_plugin:loop(0) end.
plugin_grow() -> fun() -> sbx_plugin:grow([]) end.
