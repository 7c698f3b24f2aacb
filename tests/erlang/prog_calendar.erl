-module(prog_calendar).
-export([main/0, id/1]).

%% Date arithmetic with integers only: day of week (Zeller), days in
%% month, day number within the year, days between dates, adding days.

id(X) -> X.

main() ->
    Dates = id([{2000, 1, 1}, {1970, 1, 1}, {2024, 2, 29}, {1999, 12, 31}, {2023, 7, 4}, {1900, 3, 1}]),
    erlang:display([{D, weekday(D)} || D <- Dates]),
    erlang:display([days_in_month(Y, M) || {Y, M} <- id([{2023, 2}, {2024, 2}, {1900, 2}, {2000, 2}, {2023, 4}, {2023, 12}])]),
    erlang:display([day_of_year(D) || D <- Dates]),
    erlang:display(days_between(id({1970, 1, 1}), id({2000, 1, 1}))),
    erlang:display(days_between(id({2024, 3, 1}), id({2024, 2, 1}))),
    erlang:display(add_days(id({2023, 12, 25}), id(10))),
    erlang:display(add_days(id({2024, 2, 28}), id(1))),
    erlang:display(add_days(id({2023, 2, 28}), id(1))),
    erlang:display(add_days(id({2000, 1, 1}), id(10000))),
    erlang:display(month_name(id(9))),
    ok.

leap(Y) -> (Y rem 4 =:= 0 andalso Y rem 100 =/= 0) orelse Y rem 400 =:= 0.

days_in_month(Y, 2) -> case leap(Y) of true -> 29; false -> 28 end;
days_in_month(_, M) when M =:= 4; M =:= 6; M =:= 9; M =:= 11 -> 30;
days_in_month(_, _) -> 31.

weekday({Y, M, D}) ->
    {Y2, M2} = if M < 3 -> {Y - 1, M + 12}; true -> {Y, M} end,
    K = Y2 rem 100,
    J = Y2 div 100,
    H = (D + (13 * (M2 + 1)) div 5 + K + K div 4 + J div 4 + 5 * J) rem 7,
    element(H + 1, {saturday, sunday, monday, tuesday, wednesday, thursday, friday}).

day_of_year({Y, M, D}) ->
    lists:sum([days_in_month(Y, Mi) || Mi <- lists:seq(1, M - 1)]) + D.

days_from_epoch({Y, _, _} = Date) ->
    lists:sum([case leap(Yi) of true -> 366; false -> 365 end || Yi <- lists:seq(1900, Y - 1)])
        + day_of_year(Date).

days_between(A, B) -> days_from_epoch(B) - days_from_epoch(A).

add_days(Date, 0) -> Date;
add_days({Y, M, D}, N) ->
    Dim = days_in_month(Y, M),
    if
        D + N =< Dim -> {Y, M, D + N};
        M =:= 12 -> add_days({Y + 1, 1, 1}, N - (Dim - D) - 1);
        true -> add_days({Y, M + 1, 1}, N - (Dim - D) - 1)
    end.

month_name(M) ->
    lists:nth(M, ["January", "February", "March", "April", "May", "June", "July",
                  "August", "September", "October", "November", "December"]).
