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

#include "term/term.h"

namespace beamrun {

class AtomTable;

class ProcessDict {
 public:
  ProcessDict() = default;
  ~ProcessDict() { release(); }
  ProcessDict(const ProcessDict&) = delete;
  ProcessDict& operator=(const ProcessDict&) = delete;

  size_t size() const { return table_ ? table_->count : 0; }
  // The {K, V} tuple of `key`, or NON_VALUE.
  Term find(Term key, const AtomTable& atoms) const;
  // Stores the {K, V} tuple `kv` (replacing the tuple of an equal key); returns the old tuple
  // or NON_VALUE.
  Term put(Term kv, const AtomTable& atoms);
  // Removes `key`; returns its old tuple or NON_VALUE.
  Term erase(Term key, const AtomTable& atoms);
  void clear() { release(); }
  template <class F>
  void for_each(F&& f) const {
    if (table_)
      for (size_t i = 0; i < table_->capacity; ++i)
        if (Term t = table_->slots[i]; t != EMPTY && t != TOMBSTONE) f(t);
  }
  // The collector moves the tuples: it updates them in place.
  template <class F>
  void for_each_root(F&& f) {
    if (table_)
      for (size_t i = 0; i < table_->capacity; ++i)
        if (Term& t = table_->slots[i]; t != EMPTY && t != TOMBSTONE) f(t);
  }
  // Bytes of the table's block (process_info(memory)); 0 for an empty dictionary.
  size_t bytes() const { return table_ ? sizeof(Table) + table_->capacity * sizeof(Term) : 0; }

 private:
  static constexpr Term EMPTY = NON_VALUE;
  static constexpr Term TOMBSTONE = NIL;  // never a {K, V} tuple
  // One block: the counts, then `capacity` slots (a power of two). Made by the first put, so
  // that a process that never uses its dictionary pays one null pointer for it.
  struct Table {
    size_t capacity;
    size_t count;  // live tuples
    size_t used;   // live tuples and tombstones
    Term slots[];
  };
  size_t probe(Term key, const AtomTable& atoms, bool* found) const;
  void grow(const AtomTable& atoms);
  void release();

  Table* table_ = nullptr;
};

}  // namespace beamrun
