-module(tuple_arity_dispatch).
-export([main/0, id/1]).

%% case on tuples of different sizes (select_tuple_arity), combined with
%% matching the first element (select_val on atoms) - the shape erlc
%% emits for tagged-tuple protocols.

id(X) -> X.

main() ->
    Shapes = [{circle, 3}, {rect, 2, 5}, {triangle, 3, 4, 5}, {square, 4},
              {point}, {}, {rect, 0, 0}, {line, {0, 0}, {3, 4}},
              {circle, -1}, {polygon, [1, 2, 3]}, notatuple, [circle, 1],
              {a, b, c, d, e, f}],
    erlang:display([describe(S) || S <- id(Shapes)]),
    erlang:display([area(S) || S <- id(Shapes)]),
    erlang:display([size_class(S) || S <- id(Shapes)]),
    ok.

describe({}) -> empty;
describe({point}) -> point;
describe({circle, R}) when R > 0 -> {circle_r, R};
describe({circle, _}) -> bad_circle;
describe({square, S}) -> {square_side, S};
describe({rect, W, H}) -> {rect_dims, W, H};
describe({line, {X1, Y1}, {X2, Y2}}) -> {line_len2, (X2 - X1) * (X2 - X1) + (Y2 - Y1) * (Y2 - Y1)};
describe({triangle, A, B, C}) -> {tri_perimeter, A + B + C};
describe(T) when is_tuple(T) -> {unknown_tuple, tuple_size(T)};
describe(_) -> not_a_tuple.

area(S) ->
    case S of
        {circle, R} when R > 0 -> 3 * R * R;
        {square, A} -> A * A;
        {rect, W, H} -> W * H;
        {triangle, 3, 4, 5} -> 6;
        {_} -> 0;
        {_, _} -> unknown2;
        {_, _, _} -> unknown3;
        _ -> none
    end.

size_class(T) when is_tuple(T) ->
    case tuple_size(T) of
        0 -> zero;
        1 -> one;
        2 -> two;
        3 -> three;
        4 -> four;
        N -> {many, N}
    end;
size_class(_) -> no.
