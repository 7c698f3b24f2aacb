// process_dict.h - the process dictionary (put/get/erase/get_keys).
//
// An open-addressing hash table of {Key, Value} tuples on the process heap, probed linearly
// by the key's phash2. The tuples are garbage-collection roots (for_each_root). Order of
// get/0 and get_keys/0 is the table's, which, as in BEAM, callers must not rely on.
//
// Thread safety: owned by the process; touched by the thread running it (or one holding its
// run lock, for process_info).
#pragma once
#include <cstdint>
#include <vector>

#include "vm/term.h"

namespace beamrun {

class AtomTable;

class ProcessDict {
 public:
  size_t size() const { return count_; }
  // The {K, V} tuple of `key`, or NON_VALUE.
  Term find(Term key, const AtomTable& atoms) const;
  // Stores the {K, V} tuple `kv` (replacing the tuple of an equal key); returns the old tuple
  // or NON_VALUE.
  Term put(Term kv, const AtomTable& atoms);
  // Removes `key`; returns its old tuple or NON_VALUE.
  Term erase(Term key, const AtomTable& atoms);
  void clear() { slots_.clear(); count_ = 0; used_ = 0; }
  template <class F>
  void for_each(F&& f) const {
    for (Term t : slots_)
      if (t != EMPTY && t != TOMBSTONE) f(t);
  }
  // The collector moves the tuples: it updates them in place.
  template <class F>
  void for_each_root(F&& f) {
    for (Term& t : slots_)
      if (t != EMPTY && t != TOMBSTONE) f(t);
  }
  size_t table_words() const { return slots_.size(); }

 private:
  static constexpr Term EMPTY = NON_VALUE;
  static constexpr Term TOMBSTONE = NIL;  // never a {K, V} tuple
  size_t probe(Term key, const AtomTable& atoms, bool* found) const;
  void grow(const AtomTable& atoms);

  std::vector<Term> slots_;  // size a power of two, or empty
  size_t count_ = 0;         // live tuples
  size_t used_ = 0;          // live tuples and tombstones
};

}  // namespace beamrun
