-module(record_badrecord).
-export([main/0, id/1]).

%% Accessing or updating a field of something that is not the expected
%% record raises {badrecord, Term} (OTP 25 form), with the current function
%% in the stack trace.

-record(user, {name, role = guest}).
-record(group, {name, members = []}).

id(X) -> X.

main() ->
    U = #user{name = id("eve")},
    G = #group{name = id("admins")},
    erlang:display(run(get_name, U)),
    erlang:display(run(get_name, G)),
    erlang:display(run(get_name, {user})),
    erlang:display(run(get_name, {user, "x", admin, extra})),
    erlang:display(run(get_name, notarecord)),
    erlang:display(run(promote, U)),
    erlang:display(run(promote, G)),
    erlang:display(run(promote, [user])),
    erlang:display(run(match_head, G)),
    erlang:display(run(match_head, U)),
    ok.

st(St) -> test_support:st(?MODULE, St).

run(F, Arg) ->
    try op(F, id(Arg)) of
        V -> {ok, V}
    catch
        C:R:St -> {C, R, st(St)}
    end.

op(get_name, R) -> R#user.name;
op(promote, R) -> R#user{role = admin};
op(match_head, R) -> role_of(R).

role_of(#user{role = Role}) -> Role.
