// erl_prim_loader.cpp - the part of ERTS's preloaded erl_prim_loader that library code calls
// directly: list_dir/1, which code:which/1 uses to look for Module.beam along the code path.
//
//   erl_prim_loader:list_dir(Dir) -> {ok, [Filename]} | error
//       The names in Dir (a string), in the directory's own order as ERTS's efile gives them;
//       error when Dir cannot be read. Loading itself needs no prim loader: the VM reads .beam
//       files (VM::ensure_loaded).
#include <dirent.h>

#include <string>
#include <vector>

#include "bifs/bif_util.h"
#include "interp/stacktrace.h"

namespace beamrun {

namespace {

// The bytes of a flat string of characters below 256 (a file name), or false.
bool flat_string(Term t, std::string* out) {
  for (; is_list(t); t = cdr(t)) {
    Term c = car(t);
    if (!is_small(c) || small_value(c) < 0 || small_value(c) > 255) return false;
    out->push_back(char(small_value(c)));
  }
  return t == NIL;
}

Term bif_list_dir(Process* p, Term* a) {
  std::string dir;
  if (!flat_string(a[0], &dir)) return atom::error;
  DIR* d = opendir(dir.empty() ? "." : dir.c_str());
  if (d == nullptr) return atom::error;
  std::vector<std::string> names;
  while (struct dirent* e = readdir(d)) {
    std::string n = e->d_name;
    if (n != "." && n != "..") names.push_back(n);
  }
  closedir(d);
  std::vector<Term> items;
  for (const std::string& n : names) items.push_back(utf8_to_charlist(p, n));
  return make_tuple_n(p, {atom::ok, make_list_from(*p, items.data(), unsigned(items.size()))});
}

}  // namespace

void register_erl_prim_loader_bifs(Runtime& vm) {
  vm.register_bif("erl_prim_loader", "list_dir", 1, bif_list_dir);
}

}  // namespace beamrun
