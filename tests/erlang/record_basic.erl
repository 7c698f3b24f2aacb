-module(record_basic).
-export([main/0, id/1]).

%% Records compile to tagged tuples: creation with defaults, field
%% access, update, record_info, #rec.field indexes, and matching.

-record(person, {name, age = 0, email = none, tags = []}).
-record(empty, {}).
-record(point, {x = 0, y = 0}).

id(X) -> X.

main() ->
    P = #person{name = id("Ada"), age = id(36)},
    erlang:display(P),
    erlang:display(P#person.name),
    erlang:display(P#person.email),
    P2 = P#person{email = id("ada@example.org"), tags = [id(math)]},
    erlang:display(P2),
    erlang:display(P),
    erlang:display(#empty{}),
    erlang:display(#point{}),
    erlang:display(#point{y = id(5)}),
    erlang:display(record_info(fields, person)),
    erlang:display(record_info(size, person)),
    erlang:display({#person.name, #person.age, #person.tags}),
    erlang:display(element(#person.age, P)),
    erlang:display(tuple_size(P)),
    erlang:display(is_record(P, person)),
    erlang:display(is_record(id({person, 1}), person)),
    erlang:display(is_record(id(P), point)),
    erlang:display(birthday(birthday(P))),
    erlang:display(move(#point{x = id(1), y = id(2)}, 10, -20)),
    erlang:display(P =:= {person, "Ada", 36, none, []}),
    People = [#person{name = N, age = A} || {N, A} <- id([{"Bob", 25}, {"Cy", 70}, {"Di", 41}])],
    erlang:display(oldest(People)),
    erlang:display([Name || #person{name = Name, age = Age} <- People, Age > 30]),
    ok.

birthday(#person{age = A} = P) -> P#person{age = A + 1}.

move(#point{x = X, y = Y} = P, DX, DY) -> P#point{x = X + DX, y = Y + DY}.

oldest([H | T]) -> oldest(T, H).

oldest([], Best) -> Best#person.name;
oldest([#person{age = A} = P | T], #person{age = B}) when A > B -> oldest(T, P);
oldest([_ | T], Best) -> oldest(T, Best).
