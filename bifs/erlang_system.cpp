// erlang_system.cpp - what the VM says about itself and its code: system_info (the items that
// make sense before processes and schedulers exist), module_loaded, function_exported,
// is_builtin, loaded, pre_loaded.
#include <filesystem>

#include "bifs/bif_util.h"
#include "vm/stacktrace.h"

namespace beamrun {

namespace {

namespace fs = std::filesystem;

// The OTP release and ERTS version of the installation whose libraries beamrun runs:
// compatibility facts that library code checks. Read from the OTP root's directory names.
std::string otp_release(const std::string& root) {
  std::error_code ec;
  std::string best;
  for (const auto& e : fs::directory_iterator(fs::path(root) / "releases", ec))
    if (e.is_directory() && std::isdigit(static_cast<unsigned char>(e.path().filename().string()[0])))
      best = std::max(best, e.path().filename().string());
  return best;
}
std::string erts_version(const std::string& root) {
  std::error_code ec;
  std::string best;
  for (const auto& dir : {fs::path(root), fs::path(root) / "lib"})
    for (const auto& e : fs::directory_iterator(dir, ec)) {
      std::string n = e.path().filename().string();
      if (n.rfind("erts-", 0) == 0) best = std::max(best, n.substr(5));
    }
  return best;
}

Term bif_system_info(Process* p, Term* a) {
  VM& vm = p->vm();
  AtomTable& at = vm.atoms();
  Term item = a[0];
  if (is_tuple(item) && tuple_arity(item) == 2 && tuple_element(item, 1) == at.intern("wordsize")) {
    Term k = tuple_element(item, 2);
    if (k == at.intern("internal") || k == at.intern("external")) return make_small(8);
    return badarg(p);
  }
  if (!is_atom(item)) return badarg(p);
  std::string_view n = at.name(item);
  if (n == "otp_release") return utf8_to_charlist(p, otp_release(vm.otp_root()));
  if (n == "version") return utf8_to_charlist(p, erts_version(vm.otp_root()));
  if (n == "wordsize") return make_small(8);
  if (n == "machine") return utf8_to_charlist(p, "BEAM");
  if (n == "os_type") return make_tuple_n(p, {at.intern("unix"), at.intern("linux")});
  if (n == "system_architecture") return utf8_to_charlist(p, "x86_64-pc-linux-gnu");
  if (n == "atom_count") return make_small(Sint(at.size()));
  if (n == "atom_limit") return make_small(4 * 1024 * 1024);
  if (n == "emu_flavor") return at.intern("emu");
  if (n == "emu_type") return at.intern("opt");
  if (n == "hipe_architecture") return atom::undefined;
  return badarg(p);
}

Term bif_module_loaded(Process* p, Term* a) {
  if (!is_atom(a[0])) return badarg(p);
  return make_bool(a[0] == atom::erlang || p->vm().find_module(a[0]) != nullptr);
}

Term bif_function_exported(Process* p, Term* a) {
  if (!is_atom(a[0]) || !is_atom(a[1]) || !is_small(a[2]) || small_value(a[2]) < 0) return badarg(p);
  Export* e = p->vm().exports().find(a[0], a[1], uint32_t(small_value(a[2])));
  return make_bool(e && (e->bif || e->address.load(std::memory_order_acquire)));
}

Term bif_is_builtin(Process* p, Term* a) {
  if (!is_atom(a[0]) || !is_atom(a[1]) || !is_small(a[2]) || small_value(a[2]) < 0) return badarg(p);
  return make_bool(p->vm().find_bif(a[0], a[1], uint32_t(small_value(a[2]))) != nullptr);
}

Term bif_loaded(Process* p, Term*) {
  std::vector<Term> names{atom::erlang};
  for (const Module* m : p->vm().loaded_modules()) names.push_back(m->name);
  return make_list_from(*p, names.data(), unsigned(names.size()));
}

Term bif_pre_loaded(Process* p, Term*) { return make_list_from(*p, &atom::erlang, 1); }

}  // namespace

void register_erlang_system_bifs(VM& vm) {
  vm.register_bif("erlang", "system_info", 1, bif_system_info);
  vm.register_bif("erlang", "module_loaded", 1, bif_module_loaded);
  vm.register_bif("erlang", "function_exported", 3, bif_function_exported);
  vm.register_bif("erlang", "is_builtin", 3, bif_is_builtin);
  vm.register_bif("erlang", "loaded", 0, bif_loaded);
  vm.register_bif("erlang", "pre_loaded", 0, bif_pre_loaded);
}

}  // namespace beamrun
