-module(proc_dict).
-export([main/0, id/1]).

%% The process dictionary: put/2 (returns the old value), get/1, get/0, get_keys/0,1,
%% erase/1, erase/0, keys and values of every type, a fresh process's empty dictionary,
%% each process having its own, process_info(_, dictionary) of another process, and the
%% dictionary surviving garbage collections. get/0, get_keys/0 and erase/0 list entries in
%% hash order, so they are sorted before printing.

id(X) -> X.

main() ->
    Self = self(),
    %% Run in a fresh process, so that nothing else has used the dictionary.
    spawn(fun() -> Self ! {done, run()} end),
    receive {done, R} -> erlang:display(R) end,
    ok.

run() ->
    erlang:display({get(), get_keys(), get(missing)}),
    erlang:display(put(a, 1)),
    erlang:display(put(a, 2)),
    erlang:display(get(a)),
    erlang:display(put({tuple, key}, [list, value])),
    erlang:display(put(<<"bin">>, #{map => value})),
    erlang:display(put(1.5, float_key)),
    erlang:display(put(self(), pid_key) =:= undefined),
    erlang:display(put([], nil_key)),
    erlang:display({get({tuple, key}), get(<<"bin">>), get(1.5), get(1), get(self()), get([])}),
    erlang:display(lists:sort(get_keys()) =:= lists:sort([a, {tuple, key}, <<"bin">>, 1.5, self(), []])),
    erlang:display(lists:sort(get()) =:= lists:sort([{a, 2}, {{tuple, key}, [list, value]},
                                                     {<<"bin">>, #{map => value}}, {1.5, float_key},
                                                     {self(), pid_key}, {[], nil_key}])),
    %% get_keys/1: the keys whose value is exactly the given term (=:=).
    put(x, same), put(y, same), put(z, other), put(w, 1), put(v, 1.0),
    erlang:display(lists:sort(get_keys(same))),
    erlang:display({get_keys(1), get_keys(1.0), get_keys(nothing)}),
    %% erase/1 returns the value or undefined.
    erlang:display({erase(a), erase(a), get(a)}),
    erlang:display(erase(self())),
    %% 1000 keys.
    [put({k, I}, I * I) || I <- lists:seq(1, 1000)],
    erlang:display(length(get_keys())),
    erlang:display(lists:sum([get({k, I}) || I <- lists:seq(1, 1000)])),
    [erase({k, I}) || I <- lists:seq(1, 1000, 2)],
    erlang:display({length(get_keys()), get({k, 1}), get({k, 2})}),
    %% The dictionary is a GC root: big values survive heavy allocation.
    put(big, lists:seq(1, 10000)),
    put(bin, binary:copy(<<"xyz">>, 1000)),
    churn(200),
    erlang:display({lists:sum(get(big)), byte_size(get(bin))}),
    %% Another process's dictionary, seen through process_info.
    Self = self(),
    P = spawn(fun() ->
                      put(color, blue), put(size, 3), put({nested, key}, [1, 2, 3]),
                      Self ! {ready, self()},
                      receive stop -> Self ! {child_get, get(color), get(parent_key)} end
              end),
    receive {ready, P} -> ok end,
    {dictionary, D} = process_info(P, dictionary),
    erlang:display(lists:sort(D)),
    P ! stop,
    receive {child_get, C, PK} -> erlang:display({C, PK}) end,
    %% A fresh process starts empty even though this one has entries.
    spawn(fun() -> Self ! {fresh, get(), get_keys()} end),
    receive {fresh, G, K} -> erlang:display({fresh, G, K}) end,
    %% erase/0 returns everything and empties the dictionary.
    put(last, one),
    All = erase(),
    erlang:display({length(All), lists:keyfind(last, 1, All), lists:keyfind(x, 1, All)}),
    erlang:display({get(), get_keys(), get(last)}),
    done.

churn(0) -> ok;
churn(N) ->
    _ = lists:reverse(lists:seq(1, 1000)),
    churn(N - 1).
