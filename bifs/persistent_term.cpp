// persistent_term.cpp - the persistent_term module's natives: a VM-wide store of terms that are
// read often and written rarely (the store: process/persistent_terms.cpp).
#include "bifs/bif_util.h"
#include "interp/stacktrace.h"
#include "loader/beam_file.h"
#include "term/copy.h"
#include "term/hash.h"
#include "term/term_order.h"

namespace beamrun {

namespace {

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

void register_persistent_term_bifs(Runtime& vm) {
  vm.register_bif("persistent_term", "get", 1, bif_get1);
  vm.register_bif("persistent_term", "get", 2, bif_get2);
  vm.register_bif("persistent_term", "get", 0, bif_get0);
  vm.register_bif("persistent_term", "put", 2, bif_put);
  vm.register_bif("persistent_term", "erase", 1, bif_erase);
  vm.register_bif("persistent_term", "info", 0, bif_info);
}

}  // namespace beamrun
