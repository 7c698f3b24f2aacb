// beamrun_code.cpp - the natives of beamrun_code, the code server written in Erlang
// (vm/preloaded/beamrun_code.erl), answering from the VM's own module table and code path.
//
//   beamrun_code:ensure_loaded_native(M) -> {module, M} | {error, nofile} | {error, badfile}
//       Loads M as a first call would (VM::ensure_loaded); nofile when no code path entry holds
//       M.beam, badfile when it does not load (the reason goes to stderr, as ERTS's loader
//       reports it).
//   beamrun_code:is_loaded_native(M) -> {file, File} | {file, preloaded} | false
//   beamrun_code:get_path_native() -> [Dir]          the code path, searched in this order
//   beamrun_code:all_loaded_native() -> [{M, File | preloaded}]
//   code:ensure_modules_loaded(Ms) -> ok | {error, [{M, nofile | badfile}]}  (replaces code.erl's)
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "bifs/bif_util.h"
#include "interp/stacktrace.h"
#include "loader/module.h"
#include "term/term_order.h"

namespace beamrun {

namespace {

// What code:is_loaded/1 says of a loaded module's origin: its file, or `preloaded` for the
// modules beamrun embeds (vm/preloaded/) and for erlang, which is native.
Term origin(Process* p, const Module* m) {
  if (m == nullptr || m->path.rfind("preloaded:", 0) == 0) return atom_of(p, "preloaded");
  return utf8_to_charlist(p, m->path);
}

// Loads module m as a first call would: `module`, or why not in code's words (`nofile` when
// no code path entry holds m.beam, `badfile` when it does not load; the reason goes to
// stderr, as ERTS's loader reports it).
Term load_module(Process* p, Term m) {
  Runtime& vm = p->vm();
  std::string error;
  if (m == atom::erlang || vm.ensure_loaded(m, &error)) return atom::module;
  if (vm.find_in_path(m).empty()) return atom_of(p, "nofile");
  p->vm().write_output(2, "beamrun: " + error + "\n");
  return atom_of(p, "badfile");
}

Term bif_ensure_loaded(Process* p, Term* a) {
  if (!is_atom(a[0])) return badarg(p);
  Term r = load_module(p, a[0]);
  return r == atom::module ? make_tuple_n(p, {atom::module, a[0]}) : make_tuple_n(p, {atom::error, r});
}

// code:ensure_modules_loaded/1, natively: code.erl's version prepares and finishes loading
// through erl_prim_loader:get_modules, which this code server does not offer, and
// io_lib:format's error path calls it (found by the fuzzer: a failing format raised the
// wrong error). As code.erl: each module once, in term order; failures listed in that order.
Term bif_code_ensure_modules_loaded(Process* p, Term* a) {
  std::vector<Term> mods;
  Term l = a[0];
  for (; is_list(l); l = cdr(l)) {
    if (!is_atom(car(l))) return p->raise(ExcKind::Error, atom::function_clause);
    mods.push_back(car(l));
  }
  if (!is_nil(l)) return p->raise(ExcKind::Error, atom::function_clause);
  const AtomTable& atoms = p->vm().atoms();
  std::sort(mods.begin(), mods.end(), [&](Term x, Term y) { return compare_terms(x, y, atoms, true) < 0; });
  mods.erase(std::unique(mods.begin(), mods.end()), mods.end());
  std::vector<Term> failed;
  for (Term m : mods) {
    Term r = load_module(p, m);
    if (r != atom::module) failed.push_back(make_tuple_n(p, {m, r}));
  }
  if (failed.empty()) return atom::ok;
  return make_tuple_n(p, {atom::error, make_list_from(*p, failed.data(), unsigned(failed.size()))});
}

Term bif_is_loaded(Process* p, Term* a) {
  if (!is_atom(a[0])) return badarg(p);
  if (a[0] == atom::erlang) return make_tuple_n(p, {atom::file, atom_of(p, "preloaded")});
  const Module* m = p->vm().find_module(a[0]);
  if (m == nullptr) return atom::false_;
  return make_tuple_n(p, {atom::file, origin(p, m)});
}

Term bif_get_path(Process* p, Term*) {
  std::vector<std::string> dirs = p->vm().code_path();
  std::vector<Term> items;
  for (const std::string& d : dirs) items.push_back(utf8_to_charlist(p, d));
  return make_list_from(*p, items.data(), unsigned(items.size()));
}

Term bif_all_loaded(Process* p, Term*) {
  std::vector<Term> items;
  items.push_back(make_tuple_n(p, {atom::erlang, atom_of(p, "preloaded")}));
  for (const Module* m : p->vm().loaded_modules()) items.push_back(make_tuple_n(p, {m->name, origin(p, m)}));
  return make_list_from(*p, items.data(), unsigned(items.size()));
}

}  // namespace

void register_beamrun_code_bifs(Runtime& vm) {
  vm.register_bif("beamrun_code", "ensure_loaded_native", 1, bif_ensure_loaded);
  vm.register_bif("beamrun_code", "is_loaded_native", 1, bif_is_loaded);
  vm.register_bif("beamrun_code", "get_path_native", 0, bif_get_path);
  vm.register_bif("beamrun_code", "all_loaded_native", 0, bif_all_loaded);
  vm.register_bif("code", "ensure_modules_loaded", 1, bif_code_ensure_modules_loaded);
}

}  // namespace beamrun
