%% Runs a batch of generated modules in one erl node and records what each prints
%% (tools/fuzz-diff.sh). Runs under the real erl.
%%
%%   fuzz_run:main([OutDir, Timeout | Modules])
%%
%% Each Module:main() runs in a fresh process whose group leader is a collector speaking the
%% I/O protocol: it formats put_chars requests as erl's `user` under -noshell would (latin1
%% device: characters above 255 become \x{H}) and keeps the text. The text goes to
%% OutDir/Module.out and the exit status beamrun must match to OutDir/Module.status: 0 when
%% main/0 returns, 1 when it raises, `timeout` when it runs past Timeout seconds.
-module(fuzz_run).
-export([main/1]).

main([OutDir, TimeoutS | Mods]) ->
    Timeout = list_to_integer(TimeoutS) * 1000,
    lists:foreach(fun(M) -> run(OutDir, list_to_atom(M), Timeout) end, Mods),
    erlang:halt(0).

run(OutDir, Mod, Timeout) ->
    Self = self(),
    Collector = spawn(fun() -> collect([]) end),
    {Pid, Ref} = spawn_monitor(fun() ->
                                       group_leader(Collector, self()),
                                       S = try Mod:main() of _ -> 0 catch _:_ -> 1 end,
                                       exit({fz_done, S})
                               end),
    Status = receive
                 {'DOWN', Ref, process, Pid, {fz_done, S}} -> S;
                 {'DOWN', Ref, process, Pid, _} -> 1
             after Timeout ->
                     exit(Pid, kill),
                     timeout
             end,
    Collector ! {get, Self},
    Text = receive {text, T} -> T end,
    Base = filename:join(OutDir, atom_to_list(Mod)),
    ok = file:write_file(Base ++ ".out", Text),
    ok = file:write_file(Base ++ ".status", io_lib:format("~p~n", [Status])).

collect(Acc) ->
    receive
        {io_request, From, ReplyAs, Req} ->
            {Reply, Acc1} = request(Req, Acc),
            From ! {io_reply, ReplyAs, Reply},
            collect(Acc1);
        {get, To} ->
            To ! {text, lists:reverse(Acc)}
    end.

request({put_chars, Enc, Chars}, Acc) ->
    put(Enc, Chars, Acc);
request({put_chars, Enc, M, F, A}, Acc) ->
    try apply(M, F, A) of
        Chars -> put(Enc, Chars, Acc)
    catch
        _:_ -> {{error, {F, A}}, Acc}
    end;
request({put_chars, Chars}, Acc) ->
    put(latin1, Chars, Acc);
request({put_chars, M, F, A}, Acc) ->
    request({put_chars, latin1, M, F, A}, Acc);
request({requests, Reqs}, Acc) ->
    lists:foldl(fun(R, {_, A}) -> request(R, A) end, {ok, Acc}, Reqs);
request(_, Acc) ->
    {{error, enotsup}, Acc}.

put(Enc, Chars, Acc) ->
    case unicode:characters_to_list(Chars, Enc) of
        L when is_list(L) -> {ok, [latin1_text(L) | Acc]};
        _ -> {{error, badarg}, Acc}
    end.

latin1_text(L) ->
    list_to_binary([if C < 256 -> C; true -> io_lib:format("\\x{~.16B}", [C]) end || C <- L]).
