-module(case_atom_dispatch).
-export([main/0, id/1]).

%% case and function heads over many atoms: erlc emits select_val jump
%% tables/binary searches on atoms. Atoms are looked up in an order
%% different from the source order, plus atoms that match nothing.

id(X) -> X.

main() ->
    Days = id([sunday, monday, tuesday, wednesday, thursday, friday, saturday, funday, 'Monday', []]),
    erlang:display([day_num(D) || D <- Days]),
    erlang:display([weekend(D) || D <- Days]),
    erlang:display([opcode(Op) || Op <- id([halt, push, pop, add, sub, mul, jmp, jz, call, ret, nop, bogus])]),
    erlang:display(run_vm(id([{push, 6}, {push, 70}, mul, {push, 2}, sub, dup, add, print]), [], [])),
    erlang:display([color(C) || C <- id([red, green, blue, cyan, magenta, yellow, black, white])]),
    erlang:display([planet_order(P) || P <- id([neptune, mercury, earth, pluto, mars, venus, jupiter, saturn, uranus])]),
    ok.

day_num(monday) -> 1;
day_num(tuesday) -> 2;
day_num(wednesday) -> 3;
day_num(thursday) -> 4;
day_num(friday) -> 5;
day_num(saturday) -> 6;
day_num(sunday) -> 7;
day_num(_) -> 0.

weekend(D) ->
    case D of
        saturday -> true;
        sunday -> true;
        monday -> false;
        tuesday -> false;
        wednesday -> false;
        thursday -> false;
        friday -> false;
        _ -> not_a_day
    end.

opcode(Op) ->
    case Op of
        nop -> 0; push -> 1; pop -> 2; add -> 3; sub -> 4; mul -> 5;
        jmp -> 6; jz -> 7; call -> 8; ret -> 9; halt -> 255;
        _ -> -1
    end.

run_vm([], Stack, Out) -> {lists:reverse(Out), Stack};
run_vm([Ins | Rest], Stack, Out) ->
    case {Ins, Stack} of
        {{push, N}, S} -> run_vm(Rest, [N | S], Out);
        {add, [A, B | S]} -> run_vm(Rest, [B + A | S], Out);
        {sub, [A, B | S]} -> run_vm(Rest, [B - A | S], Out);
        {mul, [A, B | S]} -> run_vm(Rest, [B * A | S], Out);
        {dup, [A | S]} -> run_vm(Rest, [A, A | S], Out);
        {print, [A | _] = S} -> run_vm(Rest, S, [A | Out])
    end.

color(red) -> {255, 0, 0};
color(green) -> {0, 255, 0};
color(blue) -> {0, 0, 255};
color(cyan) -> {0, 255, 255};
color(magenta) -> {255, 0, 255};
color(yellow) -> {255, 255, 0};
color(black) -> {0, 0, 0};
color(white) -> {255, 255, 255}.

planet_order(mercury) -> 1;
planet_order(venus) -> 2;
planet_order(earth) -> 3;
planet_order(mars) -> 4;
planet_order(jupiter) -> 5;
planet_order(saturn) -> 6;
planet_order(uranus) -> 7;
planet_order(neptune) -> 8;
planet_order(Other) -> {not_a_planet, Other}.
