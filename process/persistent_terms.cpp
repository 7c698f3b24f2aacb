// persistent_terms.cpp - the persistent_term store (its natives: bifs/persistent_term.cpp). A
// stored term is copied once into storage of the store's own and handed out without copying,
// like a module literal (the process GC leaves it alone).
//
// Thread safety: `mutex_` guards the index. Replaced or erased values are kept until the VM
// ends: a process may still hold a reference to them (BEAM delays their release until no
// process can; beamrun keeps them, which costs memory only when values are replaced often).
#include "process/runtime.h"

#include "loader/beam_file.h"
#include "term/copy.h"
#include "term/hash.h"
#include "term/term_order.h"

namespace beamrun {

namespace {

bool same(Term a, Term b) { return a == b || (!is_immed(a) && !is_immed(b) && eq_exact(a, b)); }

}  // namespace

Term PersistentTerms::get(Term key, const AtomTable& atoms) {
  uint32_t h = term_hash2(key, atoms);
  std::lock_guard<std::mutex> lock(mutex_);
  auto range = index_.equal_range(h);
  for (auto it = range.first; it != range.second; ++it)
    if (same(it->second.first, key)) return it->second.second;
  return NON_VALUE;
}

void PersistentTerms::put(Term key, Term value, const AtomTable& atoms) {
  uint32_t h = term_hash2(key, atoms);
  std::lock_guard<std::mutex> lock(mutex_);
  auto range = index_.equal_range(h);
  for (auto it = range.first; it != range.second; ++it)
    if (same(it->second.first, key)) {
      if (!same(it->second.second, value)) it->second.second = copy_term_standalone(value, *storage_);
      return;
    }
  Term k = copy_term_standalone(key, *storage_);
  index_.emplace(h, std::make_pair(k, copy_term_standalone(value, *storage_)));
}

bool PersistentTerms::erase(Term key, const AtomTable& atoms) {
  uint32_t h = term_hash2(key, atoms);
  std::lock_guard<std::mutex> lock(mutex_);
  auto range = index_.equal_range(h);
  for (auto it = range.first; it != range.second; ++it)
    if (same(it->second.first, key)) {
      index_.erase(it);
      return true;
    }
  return false;
}

std::vector<std::pair<Term, Term>> PersistentTerms::all() {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<std::pair<Term, Term>> out;
  for (auto& [h, kv] : index_) out.push_back(kv);
  return out;
}

void PersistentTerms::info(size_t* count, size_t* words) {
  std::lock_guard<std::mutex> lock(mutex_);
  *count = index_.size();
  *words = storage_->total_words();
}

PersistentTerms::PersistentTerms() : storage_(std::make_unique<LiteralArea>()) {}
PersistentTerms::~PersistentTerms() = default;

}  // namespace beamrun
