// process_dict.cpp - the process dictionary's table.
#include "process/process_dict.h"

#include <new>

#include "base/block_alloc.h"
#include "term/hash.h"
#include "term/term_order.h"

namespace beamrun {

namespace {

inline Term key_of(Term kv) { return tuple_element(kv, 1); }

inline bool same_key(Term a, Term b) { return a == b || (!is_immed(a) && !is_immed(b) && eq_exact(a, b)); }

}  // namespace

// The slot holding `key` (*found true), or the slot to insert it into (the first tombstone on
// the probe path, else the empty slot ending it). The table exists.
size_t ProcessDict::probe(Term key, const AtomTable& atoms, bool* found) const {
  size_t mask = table_->capacity - 1;
  size_t i = term_hash2(key, atoms) & mask;
  size_t insert_at = SIZE_MAX;
  for (;;) {
    Term t = table_->slots[i];
    if (t == EMPTY) {
      *found = false;
      return insert_at != SIZE_MAX ? insert_at : i;
    }
    if (t == TOMBSTONE) {
      if (insert_at == SIZE_MAX) insert_at = i;
    } else if (same_key(key_of(t), key)) {
      *found = true;
      return i;
    }
    i = (i + 1) & mask;
  }
}

void ProcessDict::release() {
  block_free(table_);
  table_ = nullptr;
}

void ProcessDict::grow(const AtomTable& atoms) {
  Table* old = table_;
  size_t n = 8;
  while (n < 4 * (size() + 1)) n *= 2;
  void* mem = block_malloc(sizeof(Table) + n * sizeof(Term));
  if (mem == nullptr) throw std::bad_alloc();
  table_ = static_cast<Table*>(mem);
  table_->capacity = n;
  table_->count = table_->used = 0;
  for (size_t i = 0; i < n; ++i) table_->slots[i] = EMPTY;
  if (old != nullptr) {
    for (size_t i = 0; i < old->capacity; ++i)
      if (Term t = old->slots[i]; t != EMPTY && t != TOMBSTONE) put(t, atoms);
    block_free(old);
  }
}

Term ProcessDict::find(Term key, const AtomTable& atoms) const {
  if (size() == 0) return NON_VALUE;
  bool found;
  size_t i = probe(key, atoms, &found);
  return found ? table_->slots[i] : NON_VALUE;
}

Term ProcessDict::put(Term kv, const AtomTable& atoms) {
  if (table_ == nullptr || 2 * (table_->used + 1) > table_->capacity) grow(atoms);
  bool found;
  size_t i = probe(key_of(kv), atoms, &found);
  Term old = found ? table_->slots[i] : NON_VALUE;
  if (!found) {
    if (table_->slots[i] == EMPTY) ++table_->used;
    ++table_->count;
  }
  table_->slots[i] = kv;
  return old;
}

Term ProcessDict::erase(Term key, const AtomTable& atoms) {
  if (size() == 0) return NON_VALUE;
  bool found;
  size_t i = probe(key, atoms, &found);
  if (!found) return NON_VALUE;
  Term old = table_->slots[i];
  table_->slots[i] = TOMBSTONE;
  --table_->count;
  return old;
}

}  // namespace beamrun
