// persistent_term.cpp - the persistent_term module: a VM-wide store of terms that are read
// often and written rarely. A stored term is copied once into storage of the store's own and
// handed out without copying, like a module literal (the process GC leaves it alone).
//
// Thread safety: `mutex_` guards the index. Replaced or erased values are kept until the VM
// ends: a process may still hold a reference to them (BEAM delays their release until no
// process can; beamrun keeps them, which costs memory only when values are replaced often).
#include "bifs/bif_util.h"
#include "loader/beam_file.h"
#include "vm/copy.h"
#include "vm/hash.h"
#include "vm/stacktrace.h"
#include "vm/term_order.h"

namespace beamrun {

namespace {

bool same(Term a, Term b) { return a == b || (!is_immed(a) && !is_immed(b) && eq_exact(a, b)); }

Term bif_get1(Process* p, Term* a) {
  Term v = p->vm().persistent_terms().get(a[0], p->vm().atoms());
  return v == NON_VALUE ? badarg(p) : v;
}
Term bif_get2(Process* p, Term* a) {
  Term v = p->vm().persistent_terms().get(a[0], p->vm().atoms());
  return v == NON_VALUE ? a[1] : v;
}
Term bif_put(Process* p, Term* a) {
  p->vm().persistent_terms().put(a[0], a[1], p->vm().atoms());
  return atom::ok;
}
Term bif_erase(Process* p, Term* a) { return make_bool(p->vm().persistent_terms().erase(a[0], p->vm().atoms())); }
Term bif_get0(Process* p, Term*) {
  std::vector<std::pair<Term, Term>> all = p->vm().persistent_terms().all();
  std::vector<Term> items;
  for (auto& [k, v] : all) items.push_back(make_tuple_n(p, {k, v}));
  return make_list_from(*p, items.data(), unsigned(items.size()));
}
Term bif_info(Process* p, Term*) {
  size_t n, words;
  p->vm().persistent_terms().info(&n, &words);
  Term count = p->vm().atoms().intern("count"), memory = p->vm().atoms().intern("memory");
  Term keys = make_tuple_n(p, {count, memory});
  Term* m = p->alloc(5);
  m[0] = make_header(4, Subtag::Map);
  m[1] = 2;
  m[2] = keys;
  m[3] = make_small(Sint(n));
  m[4] = make_small(Sint(words * sizeof(Term)));
  return make_boxed(m);
}

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

void register_persistent_term_bifs(VM& vm) {
  vm.register_bif("persistent_term", "get", 1, bif_get1);
  vm.register_bif("persistent_term", "get", 2, bif_get2);
  vm.register_bif("persistent_term", "get", 0, bif_get0);
  vm.register_bif("persistent_term", "put", 2, bif_put);
  vm.register_bif("persistent_term", "erase", 1, bif_erase);
  vm.register_bif("persistent_term", "info", 0, bif_info);
}

}  // namespace beamrun
