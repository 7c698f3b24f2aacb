-module(bin_construct_binaries).
-export([main/0, id/1]).

%% Binary and bitstring segments: whole values, explicit sizes, units,
%% bitstrings at odd offsets, strings, nested construction, results of
%% every size around the heap-binary limit (64 bytes).

id(X) -> X.

main() ->
    A = id(<<"hello">>),
    B = id(<<1:3>>),
    erlang:display(<<A/binary, " ", A/binary>>),
    erlang:display(<<A:3/binary, B/bits, A/binary>>),
    erlang:display(<<B/bits, B/bits, B/bits, B/bits>>),
    erlang:display(<<(id(<<1,2,3,4>>)):2/binary-unit:16>>),
    erlang:display(<<(id(<<1,2,3,4>>)):(id(5))/bits>>),
    erlang:display(<<"abc", "", "def">>),
    erlang:display(<<"abc"/utf8, "é"/utf8>>),
    erlang:display(<<"xyz"/utf16, "w"/utf32-little>>),
    erlang:display([byte_size(<<(binary:copy(<<7>>, N))/binary, (id(1))>>) || N <- [0, 62, 63, 64, 65, 200]]),
    Big = binary:copy(id(<<"0123456789">>), 20),
    erlang:display(<<Big/binary, Big/binary>> =:= binary:copy(<<"0123456789">>, 40)),
    erlang:display(<<1:1, Big/binary, 1:7>> =:= <<1:1, Big/binary, 1:7>>),
    <<_:3, Odd/bits>> = id(<<1,2,3,4,5,6,7,8,9,10>>),
    erlang:display(Odd),
    erlang:display(<<Odd/bits, Odd/bits>>),
    erlang:display(<<(id(<<>>))/binary, (id(<<>>))/bits>>),
    erlang:display(<< <<X, (X*2):4>> || X <- [1,2,3] >>),
    erlang:display(bit_size(<<(id(<<1:5>>))/bits, (id(<<1:1000>>))/bits>>)),
    ok.
