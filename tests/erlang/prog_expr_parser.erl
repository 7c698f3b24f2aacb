-module(prog_expr_parser).
-export([main/0, id/1]).

%% A tokenizer, recursive-descent parser and evaluator for integer
%% arithmetic with variables; errors are reported with throw.

id(X) -> X.

main() ->
    Env = id([{x, 10}, {y, -3}]),
    Inputs = id(["1 + 2 * 3", "(1 + 2) * 3", "x * x - y", "100 / 7 % 5",
                 "-(4 - 10) * 2", "2 * (3 + (4 - 1)) / 3", "z + 1", "1 +", "8 / (x - 10)",
                 "  42  ", "7 - 2 - 1"]),
    [erlang:display({S, run(S, Env)}) || S <- Inputs],
    ok.

run(S, Env) ->
    try
        Tokens = tokenize(S),
        {Ast, []} = parse_expr(Tokens),
        {ok, Ast, eval(Ast, Env)}
    catch
        throw:{error, Why} -> {error, Why};
        error:{badmatch, {_, Rest}} -> {error, {trailing, Rest}}
    end.

tokenize([]) -> [];
tokenize([C | T]) when C =:= $\s -> tokenize(T);
tokenize([C | _] = S) when C >= $0, C =< $9 ->
    {N, Rest} = int(S, 0),
    [{int, N} | tokenize(Rest)];
tokenize([C | T]) when C >= $a, C =< $z -> [{var, list_to_atom([C])} | tokenize(T)];
tokenize([C | T]) ->
    case C of
        $+ -> ['+' | tokenize(T)];
        $- -> ['-' | tokenize(T)];
        $* -> ['*' | tokenize(T)];
        $/ -> ['/' | tokenize(T)];
        $% -> ['%' | tokenize(T)];
        $( -> ['(' | tokenize(T)];
        $) -> [')' | tokenize(T)];
        _ -> throw({error, {bad_char, C}})
    end.

int([C | T], Acc) when C >= $0, C =< $9 -> int(T, Acc * 10 + (C - $0));
int(Rest, Acc) -> {Acc, Rest}.

%% expr := term (('+'|'-') term)*
parse_expr(Ts) ->
    {L, Rest} = parse_term(Ts),
    expr_tail(L, Rest).

expr_tail(L, ['+' | Ts]) -> {R, Rest} = parse_term(Ts), expr_tail({add, L, R}, Rest);
expr_tail(L, ['-' | Ts]) -> {R, Rest} = parse_term(Ts), expr_tail({sub, L, R}, Rest);
expr_tail(L, Ts) -> {L, Ts}.

%% term := factor (('*'|'/'|'%') factor)*
parse_term(Ts) ->
    {L, Rest} = parse_factor(Ts),
    term_tail(L, Rest).

term_tail(L, ['*' | Ts]) -> {R, Rest} = parse_factor(Ts), term_tail({mul, L, R}, Rest);
term_tail(L, ['/' | Ts]) -> {R, Rest} = parse_factor(Ts), term_tail({'div', L, R}, Rest);
term_tail(L, ['%' | Ts]) -> {R, Rest} = parse_factor(Ts), term_tail({'rem', L, R}, Rest);
term_tail(L, Ts) -> {L, Ts}.

parse_factor([{int, N} | Ts]) -> {{num, N}, Ts};
parse_factor([{var, V} | Ts]) -> {{var, V}, Ts};
parse_factor(['-' | Ts]) -> {E, Rest} = parse_factor(Ts), {{neg, E}, Rest};
parse_factor(['(' | Ts]) ->
    case parse_expr(Ts) of
        {E, [')' | Rest]} -> {E, Rest};
        {_, Rest} -> throw({error, {expected_rparen, Rest}})
    end;
parse_factor(Ts) -> throw({error, {unexpected, Ts}}).

eval({num, N}, _) -> N;
eval({var, V}, Env) ->
    case lists:keyfind(V, 1, Env) of
        {V, Val} -> Val;
        false -> throw({error, {unbound, V}})
    end;
eval({neg, E}, Env) -> -eval(E, Env);
eval({Op, A, B}, Env) ->
    X = eval(A, Env),
    Y = eval(B, Env),
    case Op of
        add -> X + Y;
        sub -> X - Y;
        mul -> X * Y;
        'div' when Y =:= 0 -> throw({error, division_by_zero});
        'div' -> X div Y;
        'rem' -> X rem Y
    end.
