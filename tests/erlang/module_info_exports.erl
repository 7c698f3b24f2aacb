-module(module_info_exports).
-export([main/0, id/1, alpha/0, beta/2, gamma/1]).
-export([zeta/0]).

%% module_info/1 for exports and module, called locally, through ?MODULE
%% and through an apply with a computed module name.

id(X) -> X.

alpha() -> a.
beta(X, Y) -> {X, Y}.
gamma(X) -> X.
zeta() -> z.

main() ->
    erlang:display(module_info(module)),
    erlang:display(?MODULE:module_info(module)),
    Exports = module_info(exports),
    erlang:display(Exports),
    erlang:display(lists:sort(Exports)),
    erlang:display(length(Exports)),
    erlang:display(lists:member({main, 0}, Exports)),
    erlang:display(lists:member({helper, 0}, Exports)),
    erlang:display(lists:keyfind(beta, 1, Exports)),
    M = list_to_atom(id("module_info_exports")),
    erlang:display(M:module_info(exports) =:= Exports),
    erlang:display(apply(M, module_info, [module])),
    erlang:display(helper()),
    ok.

helper() -> {alpha(), beta(1, 2), gamma(3), zeta()}.
