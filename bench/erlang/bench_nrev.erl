%% List building and naive reversal (the classic nrev): allocation and GC of short-lived lists.
-module(bench_nrev).
-export([main/0]).
app([], L) -> L;
app([H | T], L) -> [H | app(T, L)].
nrev([]) -> [];
nrev([H | T]) -> app(nrev(T), [H]).
loop(0, _, Acc) -> Acc;
loop(N, L, Acc) -> loop(N - 1, L, Acc + hd(nrev(L))).
main() -> bench:run(fun() -> loop(1500, lists:seq(1, 400), 0) end).
