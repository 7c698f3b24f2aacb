%% beamrun_io.erl - the standard I/O servers, as ERTS's `user` and `standard_error` are:
%% processes that speak the Erlang I/O protocol. `user` is every process's group leader
%% (VM::standard_group_leader spawns both, see vm/group_leader.cpp), so io:format and friends
%% from OTP's unmodified io module end here.
%%
%%   {io_request, From, ReplyAs, Request}  ->  {io_reply, ReplyAs, Reply}
%%
%% Output: put_chars in both encodings and both forms (characters, or {M, F, A} applied here),
%% written by the native put_chars_native/4 (bifs/beamrun_io.cpp) in one write. Input (user
%% only): get_line, get_chars and get_until read standard input through read_native/0, which
%% blocks on a dirty IO thread; the characters read but not yet consumed stay in the state.
%% Options: binary/list and the device encoding, which is latin1 as erl -noshell's user has it
%% (OTP 25): characters above 255 are then written as \x{H}.
%%
%% Replies follow erl's user: {error, put_chars} for output that fails, {error, enotsup} for
%% options and geometry it does not have, {error, {request, R}} for requests it does not know.
-module(beamrun_io).
-export([start/1]).

-record(st, {fd,                 % 1: standard output (user), 2: standard error
             enc = latin1,       % the device encoding
             binary = false,     % reads return binaries
             buf = [],           % characters read from stdin, not consumed yet
             partial = <<>>}).   % bytes of an incomplete UTF-8 sequence at the end of input

start(Fd) ->
    loop(#st{fd = Fd}).

loop(St) ->
    receive
        {io_request, From, ReplyAs, Request} when is_pid(From) ->
            {Reply, St1} = request(Request, St),
            From ! {io_reply, ReplyAs, Reply},
            loop(St1);
        _Other ->
            loop(St)
    end.

%% --- requests --------------------------------------------------------------------------------

request({put_chars, Enc, Chars}, St) when Enc =:= unicode; Enc =:= latin1 ->
    {put_chars(Enc, Chars, St), St};
request({put_chars, Enc, M, F, A}, St) when Enc =:= unicode; Enc =:= latin1 ->
    Reply = try apply(M, F, A) of
                Chars -> put_chars(Enc, Chars, St)
            catch
                _:_ -> {error, put_chars}
            end,
    {Reply, St};
request({put_chars, Chars}, St) ->
    request({put_chars, latin1, Chars}, St);
request({put_chars, M, F, A}, St) ->
    request({put_chars, latin1, M, F, A}, St);
request({get_line, Enc, Prompt} = R, St) when Enc =:= unicode; Enc =:= latin1 ->
    input(R, Prompt, St, fun(S) -> get_line(Enc, S) end);
request({get_line, Prompt}, St) ->
    request({get_line, latin1, Prompt}, St);
request({get_chars, Enc, Prompt, N} = R, St)
  when (Enc =:= unicode orelse Enc =:= latin1), is_integer(N), N >= 0 ->
    input(R, Prompt, St, fun(S) -> get_chars(Enc, N, S) end);
request({get_chars, Prompt, N}, St) ->
    request({get_chars, latin1, Prompt, N}, St);
request({get_until, Enc, Prompt, M, F, As} = R, St)
  when (Enc =:= unicode orelse Enc =:= latin1), is_atom(M), is_atom(F), is_list(As) ->
    input(R, Prompt, St, fun(S) -> get_until(M, F, As, S) end);
request({get_until, Prompt, M, F, As}, St) ->
    request({get_until, latin1, Prompt, M, F, As}, St);
request({setopts, Opts}, St) when is_list(Opts) ->
    setopts(Opts, St);
request(getopts, #st{fd = 2} = St) ->
    {[{encoding, St#st.enc}], St};
request(getopts, St) ->
    {[{binary, St#st.binary}, {encoding, St#st.enc}], St};
request({get_geometry, G}, St) when G =:= columns; G =:= rows ->
    {{error, enotsup}, St};
request({requests, Requests}, St) when is_list(Requests) ->
    requests(Requests, ok, St);
request(Request, St) ->
    {{error, {request, Request}}, St}.

%% A list of requests runs in order up to the first error; the reply is the last one's.
requests([], Reply, St) ->
    {Reply, St};
requests([R | Rs], _, St) ->
    case request(R, St) of
        {{error, _} = Error, St1} -> {Error, St1};
        {Reply, St1} -> requests(Rs, Reply, St1)
    end.

setopts(Opts, St) ->
    try lists:foldl(fun option/2, St, Opts) of
        St1 -> {ok, St1}
    catch
        throw:enotsup -> {{error, enotsup}, St}
    end.

%% As erl's servers: {encoding, utf8} is unicode (Elixir's boot sets it so on both), a bare
%% utf8 is not an option, and standard_error, which reads nothing, has no binary/list mode.
option({encoding, utf8}, St) -> St#st{enc = unicode};
option({encoding, E}, St) when E =:= unicode; E =:= latin1 -> St#st{enc = E};
option(E, St) when E =:= unicode; E =:= latin1 -> St#st{enc = E};
option(_, #st{fd = 2}) -> throw(enotsup);
option(binary, St) -> St#st{binary = true};
option(list, St) -> St#st{binary = false};
option({binary, B}, St) when is_boolean(B) -> St#st{binary = B};
option(_, _) -> throw(enotsup).

%% --- output ----------------------------------------------------------------------------------

put_chars(Enc, Chars, #st{fd = Fd, enc = DevEnc}) ->
    case beamrun_io:put_chars_native(Fd, Enc, Chars, DevEnc) of
        ok -> ok;
        error -> {error, put_chars}
    end.

%% --- input -----------------------------------------------------------------------------------

%% Writes the prompt, then reads. standard_error reads nothing.
input(Request, _Prompt, #st{fd = 2} = St, _Read) ->
    {{error, {request, Request}}, St};
input(_Request, Prompt, St, Read) ->
    prompt(Prompt, St),
    Read(St).

prompt(Prompt, #st{enc = Enc} = St) ->
    try io_lib:format_prompt(Prompt, Enc) of
        [] -> ok;
        Chars -> put_chars(unicode, Chars, St)
    catch
        _:_ -> ok
    end.

%% A line: the characters up to and including the next newline, or what is left at the end of
%% input; eof when nothing is.
get_line(Enc, #st{buf = Buf} = St) ->
    case split_line(Buf, []) of
        {Line, Rest} ->
            {result(Enc, Line, St), St#st{buf = Rest}};
        none ->
            case read_chunk(St) of
                {ok, Chars, St1} -> get_line(Enc, St1#st{buf = Buf ++ Chars});
                eof when Buf =:= [] -> {eof, St};
                eof -> {result(Enc, Buf, St), St#st{buf = []}}
            end
    end.

split_line([$\n | Rest], Acc) -> {lists:reverse(Acc, [$\n]), Rest};
split_line([C | Rest], Acc) -> split_line(Rest, [C | Acc]);
split_line([], _) -> none.

%% N characters, or fewer when the input ends first; eof when none are left.
get_chars(Enc, N, #st{buf = Buf} = St) ->
    case length(Buf) >= N andalso Buf =/= [] of
        true ->
            {Chars, Rest} = lists:split(N, Buf),
            {result(Enc, Chars, St), St#st{buf = Rest}};
        false ->
            case read_chunk(St) of
                {ok, Chars, St1} -> get_chars(Enc, N, St1#st{buf = Buf ++ Chars});
                eof when Buf =:= [] -> {eof, St};
                eof -> {result(Enc, Buf, St), St#st{buf = []}}
            end
    end.

%% M:F(Continuation, Data, As...) is fed characters until it is done; it is given eof when the
%% input ends. Its result is the reply, its rest stays for the next request. At the end of
%% input, with nothing left over, the reply is eof without asking M:F.
get_until(M, F, As, #st{buf = []} = St) ->
    case read_chunk(St) of
        {ok, Chars, St1} -> until(M, F, As, [], Chars, St1);
        eof -> {eof, St}
    end;
get_until(M, F, As, #st{buf = Buf} = St) ->
    until(M, F, As, [], Buf, St#st{buf = []}).

until(M, F, As, Cont, Data, St) ->
    try apply(M, F, [Cont, Data | As]) of
        {done, Result, Rest} ->
            {Result, St#st{buf = rest_chars(Rest)}};
        {more, _} when Data =:= eof ->
            {eof, St};
        {more, Cont1} ->
            case read_chunk(St) of
                {ok, Chars, St1} -> until(M, F, As, Cont1, Chars, St1);
                eof -> until(M, F, As, Cont1, eof, St)
            end;
        Other ->
            {{error, {get_until, Other}}, St}
    catch
        Class:Reason ->
            {{error, {Class, Reason}}, St}
    end.

rest_chars(Rest) when is_list(Rest) -> Rest;
rest_chars(Rest) when is_binary(Rest) -> unicode:characters_to_list(Rest);
rest_chars(_) -> [].

%% Characters read as the reply wants them: a list, or in binary mode a binary in the
%% request's encoding.
result(latin1, Chars, St) ->
    case is_latin1(Chars) of
        true when St#st.binary -> list_to_binary(Chars);
        true -> Chars;
        false -> {error, {no_translation, unicode, latin1}}
    end;
result(unicode, Chars, #st{binary = true}) ->
    unicode:characters_to_binary(Chars);
result(unicode, Chars, _) ->
    Chars.

is_latin1(Chars) ->
    lists:all(fun(C) -> C =< 255 end, Chars).

%% The next piece of standard input as characters of the device encoding, or eof. While the
%% read waits, output requests from other processes are still served.
read_chunk(#st{partial = Partial} = St) ->
    case beamrun_io:read_native() of
        timeout ->
            serve_output(St),
            read_chunk(St);
        eof when Partial =:= <<>> ->
            eof;
        eof ->
            {ok, binary_to_list(Partial), St#st{partial = <<>>}};
        Bytes when is_binary(Bytes) ->
            decode(<<Partial/binary, Bytes/binary>>, St)
    end.

decode(Bytes, #st{enc = latin1} = St) ->
    {ok, binary_to_list(Bytes), St#st{partial = <<>>}};
decode(Bytes, St) ->
    case unicode:characters_to_list(Bytes, unicode) of
        Chars when is_list(Chars) ->
            {ok, Chars, St#st{partial = <<>>}};
        {incomplete, Chars, Rest} ->
            {ok, Chars, St#st{partial = Rest}};
        {error, Chars, Rest} ->
            %% Bytes that are not UTF-8 are taken as Latin-1 characters.
            {ok, Chars ++ binary_to_list(Rest), St#st{partial = <<>>}}
    end.

serve_output(St) ->
    receive
        {io_request, From, ReplyAs, Request}
          when is_pid(From), is_tuple(Request), element(1, Request) =:= put_chars ->
            {Reply, _} = request(Request, St),
            From ! {io_reply, ReplyAs, Reply},
            serve_output(St)
    after 0 ->
            ok
    end.
