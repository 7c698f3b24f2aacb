-module(io_format_errors).
-export([main/0]).
%% What io:format and io:put_chars raise for arguments the I/O server cannot print: the reason,
%% the call that failed (with its error_info) and the caller (its location depends on where
%% the test was compiled from, so it is left out).

id(X) -> X.

show(Tag, F) ->
    try F() of
        R -> io:format("~p: returned ~p~n", [Tag, R])
    catch
        C:R:St ->
            [Top, {Mod, Fun, Arity, _} | _] = St,
            io:format("~p: ~p:~p~n  ~p~n  ~p~n", [Tag, C, R, Top, {Mod, Fun, Arity}])
    end.

main() ->
    show(bad_control, fun() -> io:format(id("~d~n"), [a]) end),
    show(too_few_args, fun() -> io:format(id("~p ~p~n"), [a]) end),
    show(too_many_args, fun() -> io:format("~p~n", id([a, b])) end),
    show(not_a_format, fun() -> io:format(id(42), []) end),
    show(args_not_list, fun() -> io:format("~p", id(a)) end),
    show(unknown_control, fun() -> io:format(id("~q"), [1]) end),
    show(wide_char_s, fun() -> io:format("~s~n", [[8364]]) end),
    show(format1_bad, fun() -> io:format(id(foo)) end),
    show(fwrite_bad, fun() -> io:fwrite(id("~w ~w~n"), [x]) end),
    show(put_chars_atom, fun() -> io:put_chars(id([a])) end),
    show(put_chars_not_utf8, fun() -> io:put_chars(id(<<229>>)) end),
    show(put_chars_bits, fun() -> io:put_chars(id(<<1:1>>)) end),
    show(put_chars_negative, fun() -> io:put_chars(id([-1])) end),
    show(no_such_device, fun() -> io:format(id(no_such_device), "x~n", []) end),
    show(put_chars_no_device, fun() -> io:put_chars(id(no_such_device), "x") end),
    show(format3_bad, fun() -> io:format(user, id("~d"), [x]) end),
    show(write_ok, fun() -> io:write(id({ok, 1})) end),
    show(still_works, fun() -> io:format("still works ~p~n", [id(yes)]) end),
    ok.
