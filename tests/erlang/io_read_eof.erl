-module(io_read_eof).
-export([main/0]).
%% Reading standard input when it is at its end (the tests run with stdin from /dev/null):
%% every read returns eof, after writing its prompt.

show(Tag, F) ->
    R = try F() catch C:E -> {C, E} end,
    io:format("~n~p: ~p~n", [Tag, R]).

main() ->
    show(get_line, fun() -> io:get_line("line> ") end),
    show(get_line_atom_prompt, fun() -> io:get_line(prompt) end),
    show(get_line_no_prompt, fun() -> io:get_line("") end),
    show(get_line_user, fun() -> io:get_line(user, "user> ") end),
    show(get_line_standard_io, fun() -> io:get_line(standard_io, "std> ") end),
    show(get_chars, fun() -> io:get_chars("chars> ", 10) end),
    show(get_chars_zero, fun() -> io:get_chars("", 0) end),
    show(read, fun() -> io:read("term> ") end),
    show(read3, fun() -> io:read(standard_io, "term3> ", 1) end),
    show(fread, fun() -> io:fread("fread> ", "~d ~a") end),
    show(scan_erl_exprs, fun() -> io:scan_erl_exprs("scan> ") end),
    show(scan_erl_form, fun() -> io:scan_erl_form("form> ") end),
    show(parse_erl_exprs, fun() -> io:parse_erl_exprs("exprs> ") end),
    show(parse_erl_form, fun() -> io:parse_erl_form("pform> ") end),
    show(format_prompt, fun() -> io:get_line({format, "~w-~s> ", [1, "x"]}) end),
    show(number_prompt, fun() -> io:get_line(42) end),
    show(get_until, fun() -> io:request({get_until, unicode, "until> ", io_lib, collect_line, []}) end),
    show(get_until_scan, fun() -> io:request({get_until, unicode, "", erl_scan, tokens, [1]}) end),
    show(get_line_request, fun() -> io:request({get_line, unicode, "req> "}) end),
    show(get_chars_request, fun() -> io:request({get_chars, unicode, "", 3}) end),
    show(old_get_line, fun() -> io:request({get_line, "old> "}) end),
    show(requests_with_read, fun() -> io:requests([{put_chars, unicode, "before read\n"}, {get_line, unicode, ""}]) end),
    show(standard_error_read, fun() -> io:get_line(standard_error, "") end),
    show(again, fun() -> io:get_line("again> ") end),
    io:nl(),
    ok.
