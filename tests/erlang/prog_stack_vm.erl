-module(prog_stack_vm).
-export([main/0, id/1]).

%% A small stack machine with records for the machine state, a program
%% as a tuple (indexed by pc), jumps, calls, and errors reported as
%% exceptions. Runs a loop summing 1..1000 and a recursive factorial.

-record(vm, {pc = 1, stack = [], calls = [], steps = 0, out = []}).

id(X) -> X.

main() ->
    Sum = {{push, 0}, {push, 1000},            % acc n
           {label_loop},
           {dup}, {jz, 13},                   % if n == 0 goto end
           {dup}, {rot}, {add}, {swap},       % acc += n
           {push, 1}, {sub},                  % n -= 1
           {jmp, 4},
           {pop}, {print}, {halt}},
    erlang:display(run(id(Sum))),
    Fact = {{push, 10}, {call, 5}, {print}, {halt},
            %% fact: n -> n!
            {dup}, {jz, 13},
            {dup}, {push, 1}, {sub}, {call, 5}, {mul}, {ret},
            {pop}, {push, 1}, {ret}},
    erlang:display(run(id(Fact))),
    erlang:display(run(id({{push, 1}, {push, 0}, {divide}, {halt}}))),
    erlang:display(run(id({{add}, {halt}}))),
    erlang:display(run(id({{push, 1}, {jmp, 99}}))),
    erlang:display(run(id({{push, 1}, {frobnicate}, {halt}}))),
    ok.

run(Prog) ->
    try exec(Prog, #vm{}) of
        #vm{out = Out, steps = S} -> {ok, lists:reverse(Out), S}
    catch
        throw:{vm_error, Why, #vm{pc = Pc}} -> {error, Why, Pc}
    end.

exec(Prog, #vm{pc = Pc} = Vm) when Pc < 1; Pc > tuple_size(Prog) ->
    throw({vm_error, pc_out_of_range, Vm});
exec(Prog, #vm{pc = Pc, steps = S} = Vm0) ->
    Vm = Vm0#vm{steps = S + 1},
    case element(Pc, Prog) of
        {halt} -> Vm;
        Ins -> exec(Prog, step(Ins, Vm))
    end.

next(#vm{pc = Pc} = Vm) -> Vm#vm{pc = Pc + 1}.

step({push, N}, #vm{stack = St} = Vm) -> next(Vm#vm{stack = [N | St]});
step({pop}, #vm{stack = [_ | St]} = Vm) -> next(Vm#vm{stack = St});
step({dup}, #vm{stack = [A | St]} = Vm) -> next(Vm#vm{stack = [A, A | St]});
step({swap}, #vm{stack = [A, B | St]} = Vm) -> next(Vm#vm{stack = [B, A | St]});
step({rot}, #vm{stack = [A, B, C | St]} = Vm) -> next(Vm#vm{stack = [C, A, B | St]});
step({label_loop}, Vm) -> next(Vm);
step({add}, #vm{stack = [A, B | St]} = Vm) -> next(Vm#vm{stack = [B + A | St]});
step({sub}, #vm{stack = [A, B | St]} = Vm) -> next(Vm#vm{stack = [B - A | St]});
step({mul}, #vm{stack = [A, B | St]} = Vm) -> next(Vm#vm{stack = [B * A | St]});
step({divide}, #vm{stack = [0, _ | _]} = Vm) -> throw({vm_error, division_by_zero, Vm});
step({divide}, #vm{stack = [A, B | St]} = Vm) -> next(Vm#vm{stack = [B div A | St]});
step({jmp, T}, Vm) -> Vm#vm{pc = T};
step({jz, T}, #vm{stack = [0 | St]} = Vm) -> Vm#vm{pc = T, stack = St};
step({jz, _}, #vm{stack = [_ | St]} = Vm) -> next(Vm#vm{stack = St});
step({call, T}, #vm{pc = Pc, calls = Cs} = Vm) -> Vm#vm{pc = T, calls = [Pc + 1 | Cs]};
step({ret}, #vm{calls = [R | Cs]} = Vm) -> Vm#vm{pc = R, calls = Cs};
step({print}, #vm{stack = [A | St], out = Out} = Vm) -> next(Vm#vm{stack = St, out = [A | Out]});
step(Ins, Vm) when tuple_size(Ins) =:= 1 ->
    case lists:member(element(1, Ins), [add, sub, mul, divide, pop, dup, swap, rot, print, ret]) of
        true -> throw({vm_error, {stack_underflow, element(1, Ins)}, Vm});
        false -> throw({vm_error, {bad_instruction, Ins}, Vm})
    end.
