-module(bin_construct_utf).
-export([main/0, id/1]).

%% utf8/utf16/utf32 segments (big and little endian) for code points across
%% every encoding length, and the sizes the encodings take.

id(X) -> X.

main() ->
    Cps = [0, $a, 16#7F, 16#80, 16#7FF, 16#800, 16#D7FF, 16#E000, 16#FFFD, 16#FFFF,
           16#10000, 16#1F600, 16#10FFFF],
    [erlang:display({C, <<(id(C))/utf8>>, <<(id(C))/utf16>>, <<(id(C))/utf16-little>>,
                     <<(id(C))/utf32>>, <<(id(C))/utf32-little>>}) || C <- Cps],
    erlang:display(<<1:1, (id(16#1F600))/utf8, 1:7>>),
    erlang:display([byte_size(<<(id(C))/utf8>>) || C <- Cps]),
    erlang:display(<< <<C/utf8>> || C <- "héllo wörld ☃" >>),
    erlang:display(<< <<C/utf16>> || C <- [16#1F600, $x] >>),
    ok.
