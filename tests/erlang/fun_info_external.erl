-module(fun_info_external).
-export([main/0, two/2]).
%% fun_info/1,2, fun_to_list/1 and erlang:make_fun/3 for external funs (fun M:F/A): module,
%% name, arity, env [] and type external; the local-only items are undefined.

two(A, B) -> {A, B}.

main() ->
    Fs = [fun lists:map/2, fun ?MODULE:two/2, fun erlang:'+'/2, erlang:make_fun(?MODULE, two, 2),
          erlang:make_fun(no_such_module, 'weird name', 0), erlang:make_fun('Ω', 'ψ', 255),
          erlang:make_fun(lists, reverse, 1)],
    lists:foreach(fun(F) ->
                          erlang:display(erlang:fun_info(F)),
                          erlang:display([erlang:fun_info(F, K) || K <- [pid, index, new_index, uniq,
                                                                         new_uniq, env, type]]),
                          erlang:display({F, erlang:fun_to_list(F)})
                  end, Fs),
    Two = erlang:make_fun(?MODULE, two, 2),
    erlang:display({Two(a, b), Two =:= fun ?MODULE:two/2, Two == fun ?MODULE:two/2}),
    Rev = erlang:make_fun(lists, reverse, 1),
    erlang:display(Rev([1, 2, 3])),
    erlang:display(t(fun() -> (erlang:make_fun(no_such_module, f, 0))() end)),
    Bad = [{1, f, 0}, {m, "f", 0}, {m, f, -1}, {m, f, 256}, {m, f, a}, {m, f, 1.0}],
    lists:foreach(fun({M, F, A}) -> erlang:display(t(fun() -> erlang:make_fun(M, F, A) end)) end, Bad),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
