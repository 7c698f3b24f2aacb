-module(prog_term_printer).
-export([main/0, id/1]).

%% A hand-written term-to-string printer (like a tiny io_lib:write):
%% integers, atoms with quoting rules, strings, lists (proper and
%% improper), tuples; its output is displayed as a string.

id(X) -> X.

main() ->
    Terms = id([42, -7, ok, 'Quoted', 'with space', "text", [1, 2, 3], [a | b],
                {}, {a, {b, [c, "d"]}}, [], [[]], {"x", 'Y', -0}, [$a, 1000]]),
    [erlang:display(write(T)) || T <- Terms],
    erlang:display(write(Terms)),
    erlang:display(length(write(Terms))),
    ok.

write(I) when is_integer(I) -> integer_to_list(I);
write(A) when is_atom(A) -> write_atom(A);
write([]) -> "[]";
write(L) when is_list(L) ->
    case is_string(L) of
        true -> [$" | L] ++ [$"];
        false -> [$[ | write_list(L)]
    end;
write(T) when is_tuple(T) -> [${ | write_elems(tuple_to_list(T))] ++ [$}].

write_list([X]) -> write(X) ++ "]";
write_list([X | T]) when is_list(T) -> write(X) ++ [$, | write_list(T)];
write_list([X | T]) -> write(X) ++ [$| | write(T)] ++ "]".

write_elems([]) -> [];
write_elems([X]) -> write(X);
write_elems([X | T]) -> write(X) ++ [$, | write_elems(T)].

is_string([]) -> true;
is_string([C | T]) when is_integer(C), C >= 32, C =< 126 -> is_string(T);
is_string(_) -> false.

write_atom(A) ->
    S = atom_to_list(A),
    case plain(S) of
        true -> S;
        false -> [$' | S] ++ [$']
    end.

plain([C | T]) when C >= $a, C =< $z -> plain_rest(T);
plain(_) -> false.

plain_rest([]) -> true;
plain_rest([C | T]) when C >= $a, C =< $z; C >= $A, C =< $Z; C >= $0, C =< $9; C =:= $_; C =:= $@ ->
    plain_rest(T);
plain_rest(_) -> false.
