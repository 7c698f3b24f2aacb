-module(exc_case_if_clause).
-export([main/0, id/1]).

%% case_clause carries the unmatched value; if_clause has no value;
%% try_clause is raised when no of-clause matches.

id(X) -> X.

main() ->
    erlang:display(run(case_atom, x)),
    erlang:display(run(case_tuple, {a, b, c})),
    erlang:display(run(case_atom, a)),
    erlang:display(run(if_neg, -1)),
    erlang:display(run(if_neg, 1)),
    erlang:display(run(try_of, 99)),
    erlang:display(run(try_of, 1)),
    ok.

st(St) -> test_support:st(?MODULE, St).

run(F, Arg) ->
    try op(F, id(Arg)) of
        V -> {ok, V}
    catch
        error:R:St -> {R, st(St)}
    end.

op(case_atom, X) ->
    R = case X of
            a -> got_a;
            b -> got_b
        end,
    {R};
op(case_tuple, X) ->
    case X of
        {_, _} -> pair
    end;
op(if_neg, X) ->
    R = if X > 0 -> positive end,
    {R};
op(try_of, X) ->
    R = try id(X) of
            1 -> one
        catch
            _:_ -> caught
        end,
    {R}.
