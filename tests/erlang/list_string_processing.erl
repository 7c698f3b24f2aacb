-module(list_string_processing).
-export([main/0, id/1]).

%% Typical string code on lists of characters: case conversion, splitting,
%% joining, trimming, searching, integer formatting by hand.

id(X) -> X.

main() ->
    S = id("  The quick brown fox jumps over the lazy dog  "),
    erlang:display(trim(S)),
    erlang:display(upper(trim(S))),
    erlang:display(words(S)),
    erlang:display(length(words(S))),
    erlang:display(join(lists:reverse(words(S)), ", ")),
    erlang:display(capitalize_all(words(S))),
    erlang:display(find(id("fox"), S, 1)),
    erlang:display(find(id("cat"), S, 1)),
    erlang:display(replace_char(id("a-b-c-d"), $-, $+)),
    erlang:display(fmt_int(id(-1234567))),
    erlang:display(fmt_int(id(0))),
    erlang:display(count_vowels(S)),
    erlang:display(split(id("key=value=more"), $=)),
    erlang:display(split(id("novalue"), $=)),
    erlang:display(char_freq(id("mississippi"))),
    erlang:display(caesar(id("Hello, World!"), 3)),
    erlang:display(caesar(caesar(id("Round Trip"), 7), 19)),
    ok.

trim(S) -> lists:reverse(drop_sp(lists:reverse(drop_sp(S)))).

drop_sp([$\s | T]) -> drop_sp(T);
drop_sp(S) -> S.

upper([C | T]) when C >= $a, C =< $z -> [C - 32 | upper(T)];
upper([C | T]) -> [C | upper(T)];
upper([]) -> [].

words(S) -> words(S, [], []).

words([], [], Acc) -> lists:reverse(Acc);
words([], W, Acc) -> lists:reverse([lists:reverse(W) | Acc]);
words([$\s | T], [], Acc) -> words(T, [], Acc);
words([$\s | T], W, Acc) -> words(T, [], [lists:reverse(W) | Acc]);
words([C | T], W, Acc) -> words(T, [C | W], Acc).

join([], _) -> [];
join([W], _) -> W;
join([W | T], Sep) -> W ++ Sep ++ join(T, Sep).

capitalize_all(Ws) -> [capitalize(W) || W <- Ws].

capitalize([C | T]) when C >= $a, C =< $z -> [C - 32 | T];
capitalize(W) -> W.

find(_, [], _) -> nomatch;
find(Pat, [_ | T] = S, Pos) ->
    case prefix(Pat, S) of
        true -> {at, Pos};
        false -> find(Pat, T, Pos + 1)
    end.

prefix([], _) -> true;
prefix([C | P], [C | S]) -> prefix(P, S);
prefix(_, _) -> false.

replace_char([], _, _) -> [];
replace_char([From | T], From, To) -> [To | replace_char(T, From, To)];
replace_char([C | T], From, To) -> [C | replace_char(T, From, To)].

fmt_int(0) -> "0";
fmt_int(N) when N < 0 -> [$- | fmt_int(-N)];
fmt_int(N) -> fmt_pos(N, []).

fmt_pos(0, Acc) -> Acc;
fmt_pos(N, Acc) -> fmt_pos(N div 10, [$0 + N rem 10 | Acc]).

count_vowels(S) -> length([C || C <- S, lists:member(C, "aeiouAEIOU")]).

split(S, Sep) -> split(S, Sep, []).

split([], _, Acc) -> {lists:reverse(Acc)};
split([Sep | T], Sep, Acc) -> {lists:reverse(Acc), T};
split([C | T], Sep, Acc) -> split(T, Sep, [C | Acc]).

char_freq(S) -> char_freq(lists:sort(S), []).

char_freq([], Acc) -> lists:reverse(Acc);
char_freq([C | T], [{C, N} | Acc]) -> char_freq(T, [{C, N + 1} | Acc]);
char_freq([C | T], Acc) -> char_freq(T, [{C, 1} | Acc]).

caesar(S, K) -> [shift(C, K) || C <- S].

shift(C, K) when C >= $a, C =< $z -> $a + (C - $a + K) rem 26;
shift(C, K) when C >= $A, C =< $Z -> $A + (C - $A + K) rem 26;
shift(C, _) -> C.
