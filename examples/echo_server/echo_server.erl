%% echo_server: the Erlang side of examples/echo_server (echo_server_host.cpp), an OTP
%% gen_server (gen_server comes from OTP's stdlib, loaded from the code path).
%%
%% Requests come as plain messages from a host mailbox, so they arrive in handle_info:
%%   {request, From, N, Payload}  ->  From ! {reply, N, transform(Payload)}
%%   stop                         ->  the server stops (reason normal)
%% and one synchronous call, served(Pid), answers how many requests the server has answered.
-module(echo_server).
-behaviour(gen_server).
-export([start/0, served/1, transform/1]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2]).

start() -> gen_server:start(?MODULE, [], []).

served(Pid) -> gen_server:call(Pid, served).

%% The reply's payload: the request's bytes reversed.
transform(Payload) when is_binary(Payload) ->
    list_to_binary(lists:reverse(binary_to_list(Payload))).

init([]) -> {ok, 0}.

handle_call(served, _From, Count) -> {reply, Count, Count}.

handle_cast(_Msg, Count) -> {noreply, Count}.

handle_info({request, From, N, Payload}, Count) ->
    From ! {reply, N, transform(Payload)},
    {noreply, Count + 1};
handle_info(stop, Count) ->
    {stop, normal, Count};
handle_info(_Other, Count) ->
    {noreply, Count}.
