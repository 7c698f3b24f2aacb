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

%% Stack trace filter: keep only frames of this module and of erlang (the
%% callers of main/0 differ between erl and beamrun) and reduce file names
%% to their base name (erlc records the path as given on its command line).
st(St) -> [{M, F, A, loc(L)} || {M, F, A, L} <- St, M =:= ?MODULE orelse M =:= erlang].

loc(L) -> [norm(I) || I <- L].

norm({file, P}) -> {file, base(P, P)};
norm(I) -> I.

base([], B) -> B;
base([$/ | T], _) -> base(T, T);
base([_ | T], B) -> base(T, B).

run(F, Args) ->
    try apply(erlang, F, id(Args)) of
        V -> {ok, V}
    catch
        error:R:St -> {R, st(St)}
    end.
