// process_dict.cpp - the process dictionary's table.
#include "vm/process_dict.h"

#include "vm/hash.h"
#include "vm/term_order.h"

namespace beamrun {

namespace {

inline Term key_of(Term kv) { return tuple_element(kv, 1); }

inline bool same_key(Term a, Term b) { return a == b || (!is_immed(a) && !is_immed(b) && eq_exact(a, b)); }

}  // namespace

// The slot holding `key` (*found true), or the slot to insert it into (the first tombstone on
// the probe path, else the empty slot ending it).
size_t ProcessDict::probe(Term key, const AtomTable& atoms, bool* found) const {
  size_t mask = slots_.size() - 1;
  size_t i = term_hash2(key, atoms) & mask;
  size_t insert_at = SIZE_MAX;
  for (;;) {
    Term t = slots_[i];
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

void ProcessDict::grow(const AtomTable& atoms) {
  std::vector<Term> old;
  old.swap(slots_);
  size_t n = 8;
  while (n < 4 * (count_ + 1)) n *= 2;
  slots_.assign(n, EMPTY);
  count_ = used_ = 0;
  for (Term t : old)
    if (t != EMPTY && t != TOMBSTONE) put(t, atoms);
}

Term ProcessDict::find(Term key, const AtomTable& atoms) const {
  if (count_ == 0) return NON_VALUE;
  bool found;
  size_t i = probe(key, atoms, &found);
  return found ? slots_[i] : NON_VALUE;
}

Term ProcessDict::put(Term kv, const AtomTable& atoms) {
  if (2 * (used_ + 1) > slots_.size()) grow(atoms);
  bool found;
  size_t i = probe(key_of(kv), atoms, &found);
  Term old = found ? slots_[i] : NON_VALUE;
  if (!found) {
    if (slots_[i] == EMPTY) ++used_;
    ++count_;
  }
  slots_[i] = kv;
  return old;
}

Term ProcessDict::erase(Term key, const AtomTable& atoms) {
  if (count_ == 0) return NON_VALUE;
  bool found;
  size_t i = probe(key, atoms, &found);
  if (!found) return NON_VALUE;
  Term old = slots_[i];
  slots_[i] = TOMBSTONE;
  --count_;
  return old;
}

}  // namespace beamrun
