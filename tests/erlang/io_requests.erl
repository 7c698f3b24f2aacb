-module(io_requests).
-export([main/0]).
%% The I/O protocol spoken directly to the group leader and through io:request/requests:
%% put_chars in all its forms, getopts/setopts, geometry, lists of requests, unknown requests.

id(X) -> X.

req(Request) ->
    GL = group_leader(),
    Ref = make_ref(),
    GL ! {io_request, self(), Ref, Request},
    receive
        {io_reply, Ref, Reply} -> Reply
    after 5000 -> timeout
    end.

show(Request) ->
    Reply = req(Request),
    io:format("~p -> ~p~n", [Request, Reply]).

main() ->
    show({put_chars, unicode, "unicode chars\n"}),
    show({put_chars, unicode, <<"unicode binary\n">>}),
    show({put_chars, latin1, <<"latin1 binary\n">>}),
    show({put_chars, latin1, "latin1 list\n"}),
    show({put_chars, latin1, [8364]}),
    show({put_chars, unicode, [a]}),
    show({put_chars, unicode, io_lib, format, ["mfa ~p~n", [id(1)]]}),
    show({put_chars, unicode, io_lib, format, [bad]}),
    show({put_chars, unicode, erlang, list_to_binary, ["mfa binary\n"]}),
    show({put_chars, unicode, erlang, make_ref, []}),
    show({put_chars, unicode, no_such_module, f, []}),
    show({put_chars, "old style\n"}),
    show({put_chars, io_lib, format, ["old style mfa ~p~n", [x]]}),
    show({put_chars, foo, "x"}),
    show(getopts),
    show({setopts, [{encoding, foo}]}),
    show({setopts, [{echo, false}]}),
    show({setopts, [foo]}),
    show({setopts, foo}),
    show({setopts, []}),
    show({setopts, [binary]}),
    show(getopts),
    show({setopts, [{binary, false}]}),
    show({setopts, [unicode]}),
    show(getopts),
    show({setopts, [latin1, list]}),
    show(getopts),
    show({get_geometry, columns}),
    show({get_geometry, rows}),
    show({get_geometry, foo}),
    show({requests, [{put_chars, unicode, "r1\n"}, {put_chars, latin1, <<"r2\n">>}]}),
    show({requests, [{put_chars, unicode, "r1\n"}, {put_chars, unicode, [a]}, {put_chars, unicode, "r3\n"}]}),
    show({requests, [{put_chars, unicode, "r1\n"}, getopts]}),
    show({requests, []}),
    show({get_password, unicode}),
    show(foo),
    show({foo}),
    group_leader() ! not_a_request,
    group_leader() ! {io_request, not_a_pid, ref, getopts},
    io:format("~p~n", [io:request({put_chars, unicode, "io:request\n"})]),
    io:format("~p~n", [io:request(user, {put_chars, unicode, "io:request/2\n"})]),
    io:format("~p~n", [io:request({bogus})]),
    io:format("~p~n", [io:request(no_such_device, {put_chars, unicode, "x"})]),
    io:format("~p~n", [io:requests([{put_chars, unicode, "io:requests 1\n"}, {put_chars, unicode, "io:requests 2\n"}])]),
    io:format("~p~n", [io:requests(standard_io, [{put_chars, unicode, "io:requests/2\n"}])]),
    io:format("~p ~p~n", [io:columns(), io:rows()]),
    io:format("~p ~p~n", [io:columns(user), io:rows(standard_io)]),
    io:format("~p~n", [io:printable_range()]),
    io:format("~p~n", [io:getopts()]),
    io:format("~p~n", [io:getopts(user)]),
    io:format("~p~n", [io:setopts([{encoding, latin1}])]),
    %% What Elixir's boot asks of both servers: {encoding, utf8} is unicode; a bare utf8 is
    %% no option; standard_error takes encodings only.
    io:format("~p~n", [io:setopts(standard_io, [binary, {encoding, utf8}])]),
    io:format("~p~n", [io:getopts()]),
    io:format("~p~n", [io:setopts(standard_io, [utf8])]),
    io:format("~p~n", [io:setopts(standard_error, [{encoding, utf8}])]),
    io:format("~p~n", [io:getopts(standard_error)]),
    io:format("~p~n", [[io:setopts(standard_error, [O]) || O <- [binary, list, {binary, false}, latin1, unicode]]]),
    io:format("~p~n", [io:getopts(standard_error)]),
    io:setopts(standard_error, [{encoding, latin1}]),
    io:format("~p~n", [io:setopts(standard_io, [list, {encoding, latin1}])]),
    ok.
