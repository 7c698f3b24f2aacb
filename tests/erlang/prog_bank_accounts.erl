-module(prog_bank_accounts).
-export([main/0, id/1]).

%% A little bank: accounts are records kept in a list, operations are
%% tagged tuples, failures are thrown and turned into error results; the
%% journal of results is printed.

-record(account, {id, owner, balance = 0, history = []}).

id(X) -> X.

main() ->
    Ops = id([{open, 1, "ann"}, {open, 2, "bob"}, {deposit, 1, 100}, {deposit, 2, 50},
              {withdraw, 1, 30}, {withdraw, 2, 80}, {transfer, 1, 2, 60},
              {transfer, 2, 3, 1}, {open, 1, "dup"}, {deposit, 1, -5},
              {close, 2}, {deposit, 2, 1}, {bogus}, {balance, 1}]),
    {Bank, Journal} = run(Ops, [], []),
    [erlang:display(J) || J <- Journal],
    erlang:display(Bank),
    erlang:display(total(Bank)),
    ok.

run([], Bank, Journal) -> {Bank, lists:reverse(Journal)};
run([Op | Ops], Bank, Journal) ->
    try apply_op(Op, Bank) of
        {NewBank, Result} -> run(Ops, NewBank, [{Op, ok, Result} | Journal])
    catch
        throw:Reason -> run(Ops, Bank, [{Op, error, Reason} | Journal]);
        error:function_clause -> run(Ops, Bank, [{Op, error, unknown_op} | Journal])
    end.

apply_op({open, Id, Owner}, Bank) ->
    case find(Id, Bank) of
        false -> {[#account{id = Id, owner = Owner} | Bank], opened};
        _ -> throw({exists, Id})
    end;
apply_op({deposit, _, Amt}, _) when Amt =< 0 -> throw({bad_amount, Amt});
apply_op({deposit, Id, Amt}, Bank) ->
    A = get_acct(Id, Bank),
    {store(credit(A, Amt), Bank), A#account.balance + Amt};
apply_op({withdraw, Id, Amt}, Bank) ->
    A = get_acct(Id, Bank),
    {store(debit(A, Amt), Bank), A#account.balance - Amt};
apply_op({transfer, From, To, Amt}, Bank) ->
    A = get_acct(From, Bank),
    B = get_acct(To, Bank),
    Bank2 = store(debit(A, Amt), Bank),
    {store(credit(B, Amt), Bank2), transferred};
apply_op({close, Id}, Bank) ->
    #account{balance = Bal} = get_acct(Id, Bank),
    {[A || #account{id = I} = A <- Bank, I =/= Id], {paid_out, Bal}};
apply_op({balance, Id}, Bank) ->
    {Bank, (get_acct(Id, Bank))#account.balance}.

find(Id, Bank) -> lists:keyfind(Id, #account.id, Bank).

get_acct(Id, Bank) ->
    case find(Id, Bank) of
        false -> throw({no_account, Id});
        A -> A
    end.

store(#account{id = Id} = A, Bank) ->
    [A | [B || #account{id = I} = B <- Bank, I =/= Id]].

credit(#account{balance = B, history = H} = A, Amt) ->
    A#account{balance = B + Amt, history = [{in, Amt} | H]}.

debit(#account{balance = B}, Amt) when Amt > B -> throw({insufficient_funds, B, Amt});
debit(#account{balance = B, history = H} = A, Amt) ->
    A#account{balance = B - Amt, history = [{out, Amt} | H]}.

total(Bank) -> lists:sum([B || #account{balance = B} <- Bank]).
