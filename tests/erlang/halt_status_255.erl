-module(halt_status_255).
-export([main/0, id/1]).

%% The largest portable exit status, 255, after printing a lot of lines
%% (all must be flushed before the exit).

id(X) -> X.

main() ->
    print(id(1), id(300)),
    erlang:halt(id(255)).

print(I, N) when I > N -> ok;
print(I, N) ->
    erlang:display({line, I, I * I}),
    print(I + 1, N).
