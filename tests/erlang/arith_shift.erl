-module(arith_shift).
-export([main/0, id/1]).

%% bsl/bsr: negative shift counts reverse the direction, bsr of negative
%% numbers rounds towards minus infinity, huge counts give 0 or -1.

id(X) -> X.

main() ->
    %% Negative counts reverse the direction. Huge counts appear only in the
    %% direction that shrinks the value (results must stay below 2^59).
    Left = [{1, 10}, {1, 58}, {-1, 58}, {3, 57}, {5, 0}, {0, 100},
            {5, -1}, {8, -2}, {-8, -2}, {-5, -1}, {1, -1}, {1, -1000},
            {-1, -1000}, {123, -64}, {-123, -64}, {7, 3}, {-7, 3}, {-1, -59}],
    Right = [{1024, 10}, {1, 58}, {-1, 58}, {5, 0}, {0, 100}, {5, -1}, {8, -2},
             {-8, -2}, {-5, -1}, {1, -1}, {1, -58}, {-1, -58}, {1000, 1000},
             {-1000, 1000}, {123, 64}, {-123, 64}, {7, 3}, {-7, 3}, {-9, 2}],
    shl(id(Left)),
    shr(id(Right)),
    N = id(-5),
    erlang:display({N bsr 1, N bsr 2, N bsr 3, N bsr 63, N bsr 64}),
    P = id(5),
    erlang:display({P bsr 1, P bsr 2, P bsr 3, P bsr 63, P bsr 64}),
    erlang:display({P bsl 2, N bsl 2, P bsl -2, N bsl -2}),
    erlang:display(pow2_list(id(0), id(58), [])),
    erlang:display(shift_back(id(576460752303423487))),
    erlang:display(shift_back(id(-576460752303423487))),
    ok.

shl([]) -> ok;
shl([{X, S} | T]) ->
    erlang:display({X, 'bsl', S, X bsl S}),
    shl(T).

shr([]) -> ok;
shr([{X, S} | T]) ->
    erlang:display({X, 'bsr', S, X bsr S}),
    shr(T).

pow2_list(I, Max, Acc) when I > Max -> lists:reverse(Acc);
pow2_list(I, Max, Acc) when I rem 10 =:= 0 -> pow2_list(I + 1, Max, [1 bsl I | Acc]);
pow2_list(I, Max, Acc) -> pow2_list(I + 1, Max, Acc).

shift_back(0) -> [];
shift_back(-1) -> [-1];
shift_back(X) -> [X | shift_back(X bsr 7)].
