-module(bool_ops).
-export([main/0, id/1]).

%% and/or/xor/not evaluate both sides and need booleans (badarg
%% otherwise); andalso/orelse short-circuit and their right operand may
%% be any term when in tail position.

id(X) -> X.

main() ->
    Bools = [true, false],
    erlang:display([{A, B, A and B, A or B, A xor B} || A <- id(Bools), B <- id(Bools)]),
    erlang:display([not B || B <- id(Bools)]),
    erlang:display(id(true) andalso id(5)),
    erlang:display(id(false) andalso id(5)),
    erlang:display(id(false) orelse id(five)),
    erlang:display(id(true) orelse id(five)),
    erlang:display(id(false) andalso error(never_evaluated)),
    erlang:display(id(true) orelse error(never_evaluated)),
    erlang:display(try id(1) and id(true) catch error:R1 -> R1 end),
    erlang:display(try not id(0) catch error:R2 -> R2 end),
    erlang:display(try id(maybe) orelse id(true) catch error:R3 -> R3 end),
    erlang:display(try id(true) xor id([]) catch error:R4 -> R4 end),
    erlang:display(all(id([true, true, true]))),
    erlang:display(all(id([true, false, true]))),
    erlang:display(any(id([false, false, true]))),
    erlang:display(any(id([]))),
    erlang:display(implies(id(true), id(false))),
    erlang:display(implies(id(false), id(false))),
    erlang:display(count_true(id([true, false, true, true]), 0)),
    erlang:display(safe_div(id(10), id(0))),
    erlang:display(safe_div(id(10), id(3))),
    ok.

all([]) -> true;
all([H | T]) -> H andalso all(T).

any([]) -> false;
any([H | T]) -> H orelse any(T).

implies(A, B) -> not A or B.

count_true([], N) -> N;
count_true([B | T], N) ->
    count_true(T, N + case B of true -> 1; false -> 0 end).

safe_div(A, B) -> B =/= 0 andalso A div B.
