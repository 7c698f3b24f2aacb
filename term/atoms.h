// atoms.h - the atom table of one VM, and the atoms the VM itself names.
//
// Thread safety: lookups by index are lock-free (names live in fixed, never-moving chunks and
// the published count is an atomic); interning takes `mutex_`. Atoms are never removed.
#pragma once
#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "term/term.h"

namespace beamrun {

// Atoms the VM refers to by name. Listed once; each gets a fixed index, so `atom::ok` is a
// compile-time constant Term. Entries: (C++ name, Erlang text).
#define BEAMRUN_FIXED_ATOMS(X)                                                         \
  X(false_, "false") X(true_, "true") X(ok, "ok") X(error, "error") X(exit, "exit")      \
  X(throw_, "throw") X(undefined, "undefined") X(badarg, "badarg")                      \
  X(badarith, "badarith") X(badmatch, "badmatch") X(case_clause, "case_clause")         \
  X(function_clause, "function_clause") X(if_clause, "if_clause") X(undef, "undef")     \
  X(badfun, "badfun") X(badarity, "badarity") X(try_clause, "try_clause")               \
  X(badrecord, "badrecord") X(badkey, "badkey") X(badmap, "badmap")                     \
  X(system_limit, "system_limit") X(nocatch, "nocatch") X(send, "send") X(timeout_value, "timeout_value") X(normal, "normal")             \
  X(kill, "kill") X(killed, "killed") X(noproc, "noproc") X(erlang, "erlang")           \
  X(file, "file") X(line, "line") X(error_info, "error_info") X(module, "module")       \
  X(erl_erts_errors, "erl_erts_errors") X(module_info, "module_info")                   \
  X(exports, "exports") X(attributes, "attributes") X(compile, "compile")               \
  X(md5, "md5") X(functions, "functions") X(nifs, "nifs") X(native, "native")           \
  X(apply, "apply") X(infinity, "infinity") X(nonode_nohost, "nonode@nohost")           \
  X(plus, "+") X(minus, "-") X(times, "*") X(slash, "/") X(div, "div") X(rem, "rem")    \
  X(band, "band") X(bor, "bor") X(bxor, "bxor") X(bnot, "bnot") X(bsl, "bsl")           \
  X(bsr, "bsr") X(not_, "not") X(and_, "and") X(or_, "or") X(xor_, "xor")               \
  X(eq, "==") X(ne, "/=") X(eeq, "=:=") X(ene, "=/=") X(lt, "<") X(le, "=<")            \
  X(gt, ">") X(ge, ">=") X(append, "++") X(subtract, "--") X(internal_error, "internal_error") \
  X(function, "function") X(arity, "arity") X(name, "name") X(env, "env") X(type, "type") \
  X(local, "local") X(external, "external") X(index, "index") X(uniq, "uniq")           \
  X(new_index, "new_index") X(new_uniq, "new_uniq") X(pid, "pid") X(all, "all")   \
  X(EXIT, "EXIT") X(erl_stdlib_errors, "erl_stdlib_errors") X(lists, "lists")            \
  X(beamrun_unsupported, "beamrun_unsupported") X(bignum, "bignum") X(nil_atom, "[]") \
  X(compact, "compact") X(short_, "short") X(decimals, "decimals") X(scientific, "scientific")

namespace atom {
enum FixedIndex : Uint {
#define BEAMRUN_ATOM_ENUM(id, text) id##_index,
  BEAMRUN_FIXED_ATOMS(BEAMRUN_ATOM_ENUM)
#undef BEAMRUN_ATOM_ENUM
  fixed_count
};
#define BEAMRUN_ATOM_CONST(id, text) constexpr Term id = make_atom(id##_index);
BEAMRUN_FIXED_ATOMS(BEAMRUN_ATOM_CONST)
#undef BEAMRUN_ATOM_CONST
}  // namespace atom

class AtomTable {
 public:
  AtomTable();
  AtomTable(const AtomTable&) = delete;
  AtomTable& operator=(const AtomTable&) = delete;

  // Returns the atom for `name`, creating it if needed. Atoms longer than 255 characters
  // are refused by callers that check (BEAM's system_limit); the table itself accepts them.
  // The VM's own names always get an atom (up to the table's hard size, 4M: then
  // std::length_error); atoms made from data go through try_intern.
  Term intern(std::string_view name);
  // The atom for `name`, or NON_VALUE when it is new and the table holds limit() atoms already
  // (list_to_atom and friends then raise system_limit, as ERTS at its +t limit).
  Term try_intern(std::string_view name);
  // At most this many atoms (ERTS's +t); the default is ERTS's 1,048,576.
  void set_limit(size_t n) { limit_ = n < MAX_CHUNKS * CHUNK ? n : MAX_CHUNKS * CHUNK; }
  size_t limit() const { return limit_; }
  // Returns the atom if it exists, else NON_VALUE.
  Term find(std::string_view name) const;
  // The text of an atom. The view stays valid for the table's lifetime.
  std::string_view name(Term atom) const;
  size_t size() const { return count_.load(std::memory_order_acquire); }

 private:
  static constexpr size_t CHUNK_BITS = 12;
  static constexpr size_t CHUNK = size_t(1) << CHUNK_BITS;
  static constexpr size_t MAX_CHUNKS = 1024;  // 4M atoms at most
  size_t limit_ = size_t(1) << 20;             // written before any thread interns

  mutable std::mutex mutex_;                                       // guards index_ and inserts
  std::unordered_map<std::string_view, Uint> index_;               // name -> atom index
  std::unique_ptr<std::unique_ptr<std::string[]>[]> chunks_;       // fixed chunk directory
  std::atomic<size_t> count_{0};                                   // published atom count
};

}  // namespace beamrun
