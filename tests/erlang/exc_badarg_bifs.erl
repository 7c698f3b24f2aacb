-module(exc_badarg_bifs).
-export([main/0, id/1]).

%% badarg from many BIFs with wrong argument types; each result shows
%% the BIF frame (with its arguments and error_info) and the caller.

id(X) -> X.

main() ->
    Cases = [{atom_to_list, ["str"]}, {list_to_atom, [atom]}, {integer_to_list, [atom]},
             {list_to_integer, [[$1, a]]}, {tuple_to_list, [[]]}, {list_to_tuple, [{}]},
             {length, [{}]}, {hd, [{}]}, {tl, [atom]}, {tuple_size, [atom]},
             {element, [1, atom]}, {setelement, [1, [], x]}, {abs, ["1"]},
             {'and', [1, true]}, {'not', [1]}, {'++', [a, []]}, {'--', [[], a]},
             {atom_to_list, [ok]}, {length, ["abc"]}],
    [erlang:display(run(F, A)) || {F, A} <- id(Cases)],
    ok.

st(St) -> test_support:st(?MODULE, St).

run(F, Args) ->
    try apply(erlang, F, id(Args)) of
        V -> {ok, V}
    catch
        error:R:St -> {R, st(St)}
    end.
