-module(iolib_format).
-export([main/0, id/1]).
%% io_lib:format, run from OTP's own stdlib on top of beamrun's natives: most control
%% sequences, field widths, padding, ~p line breaking. (A bad format makes io_lib ask the code
%% server which modules are loaded: that needs processes, so it is not tested here yet.)
id(X) -> X.

f(Fmt, Args) -> lists:flatten(io_lib:format(Fmt, Args)).

main() ->
    erlang:display(f("~p ~w ~s ~.2f~n", [{a, [1, 2, 3]}, "str", "hello", 3.14159])),
    erlang:display(f("~10.3f|~-10s|~10s|", [id(2.5), "left", "right"])),
    erlang:display(f("~e ~.2e ~.3e", [id(12345.678), id(1.0e-10), id(-0.5)])),
    erlang:display(f("~b ~.16B ~.16b ~8.2.0B ~c~c ~i~~", [id(10), id(255), id(255), id(5), $h, $i, ignored])),
    erlang:display(f("~p", [lists:seq(1, 40)])),
    erlang:display(f("~p", [{record_like, "a string that is rather long", [nested, {tuple, 1}], #{k => v}}])),
    erlang:display(f("~P", [lists:seq(1, 20), 5])),
    erlang:display(f("~w ~p", [<<"bin">>, <<1, 2, 255>>])),
    erlang:display(f("~ts ~s", [<<"utf8 ", 206, 187>>, [$a, $b]])),
    erlang:display(f("~p ~p ~p", ['Quoted Atom', 'plain', '[]'])),
    erlang:display(f("~*.*f|~-*w|", [8, 2, id(1.0 / 3), 6, x])),
    erlang:display(lists:flatten(io_lib:fwrite("~s and ~s", ["one", "two"]))),
    erlang:display(io_lib:write({a, [1, 2], "x"})),
    erlang:display(lists:flatten(io_lib:write_string("quote\"me"))),
    ok.
