-module(system_queries).
-export([main/0, id/1]).
%% What a program may ask about its VM and its code: system_info items, function_exported,
%% module_loaded, is_builtin, and the environment through os:getenv/putenv/unsetenv.
id(X) -> X.

main() ->
    erlang:display([erlang:system_info(I) || I <- [wordsize, {wordsize, internal}, {wordsize, external}, machine]]),
    erlang:display(is_list(erlang:system_info(otp_release))),
    erlang:display(try erlang:system_info(id(no_such_item)) catch C:R -> {C, R} end),
    erlang:display(os:type()),
    erlang:display({erlang:function_exported(?MODULE, main, 0), erlang:function_exported(?MODULE, nope, 0),
                    erlang:function_exported(erlang, display, 1), erlang:function_exported(lists, reverse, 2)}),
    erlang:display({erlang:module_loaded(?MODULE), erlang:module_loaded(no_such_module_at_all)}),
    erlang:display({erlang:is_builtin(erlang, element, 2), erlang:is_builtin(lists, map, 2)}),
    erlang:display(os:getenv("BEAMRUN_TEST_SURELY_UNSET")),
    erlang:display(os:getenv("BEAMRUN_TEST_SURELY_UNSET", "fallback")),
    true = os:putenv("BEAMRUN_TEST_VAR", "value 1"),
    erlang:display(os:getenv("BEAMRUN_TEST_VAR")),
    erlang:display(lists:member("BEAMRUN_TEST_VAR=value 1", os:getenv())),
    true = os:unsetenv("BEAMRUN_TEST_VAR"),
    erlang:display(os:getenv("BEAMRUN_TEST_VAR")),
    erlang:display(try os:getenv(id(atom_name)) catch C2:R2 -> {C2, R2} end),
    erlang:display(is_list(os:getpid())),
    ok.
