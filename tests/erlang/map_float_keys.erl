-module(map_float_keys).
-export([main/0, id/1]).

%% Integer and float keys are different keys (1 and 1.0), ordered integer first; 0.0 and -0.0
%% are the same key in OTP 25; floats in tries.

id(X) -> X.

main() ->
    M = #{1 => int, 1.0 => float, 2 => int2, 0.5 => half, -1 => neg, -1.0 => negf},
    erlang:display(M),
    erlang:display({maps:get(1, M), maps:get(1.0, M), maps:is_key(2.0, M)}),
    Z = #{0.0 => zero},
    erlang:display({maps:find(-0.0, Z), maps:find(0, Z), maps:put(-0.0, negzero, Z)}),
    erlang:display(maps:from_list([{0.0, a}, {-0.0, b}])),
    F = maps:from_list([{I / 8, I} || I <- lists:seq(-20, 20)]),
    erlang:display(map_size(F)),
    erlang:display(F),
    erlang:display(maps:get(-0.0, F)),
    Mixed = maps:from_list([{I, int} || I <- lists:seq(1, 20)] ++ [{float(I), float} || I <- lists:seq(1, 20)]),
    erlang:display(Mixed),
    erlang:display(maps:keys(Mixed)),
    erlang:display([maps:get(K, Mixed) || K <- [3, 3.0, 20, 20.0]]),
    erlang:display(maps:from_list([{1.0e300, big}, {1.0e-300, small}, {123456789.123, mid}])),
    %% 0.0 =:= -0.0, yet they print apart: which key stays when both meet.
    Fl = id(#{0.0 => a, x => 1}),
    H = maps:from_list([{0.0, a} | [{I, I} || I <- lists:seq(1, 40)]]),
    Nz = id(-0.0),
    erlang:display({Fl#{Nz => b, y => 2}, Fl#{Nz => b}, Fl#{Nz := b}, Fl#{Nz := b, x := 2}}),
    erlang:display({maps:update(Nz, c, Fl), maps:merge(Fl, #{Nz => m}), maps:merge(#{Nz => m}, Fl)}),
    Zero = fun(Mp) -> lists:keyfind(0.0, 1, maps:to_list(Mp)) end,
    erlang:display([Zero(maps:put(Nz, b, H)), Zero(H#{Nz => b, 1000 => x}), Zero(H#{Nz := b}),
                    Zero(maps:merge(H, #{Nz => m})), Zero(maps:merge(#{Nz => m}, H)),
                    Zero(maps:merge(H, maps:from_list([{Nz, m} | [{I, I} || I <- lists:seq(100, 140)]]))),
                    Zero(maps:from_list([{I, I} || I <- lists:seq(1, 40)] ++ [{0.0, a}, {Nz, b}]))]),
    erlang:display({maps:from_list([{0.0, a}, {Nz, b}, {0.0, c}]), maps:from_keys([0.0, Nz], v)}),
    erlang:display({#{0.0 => a, Nz => b}, #{Nz => b, 0.0 => a}}),
    ok.
