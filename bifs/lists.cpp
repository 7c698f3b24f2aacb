// lists.cpp - the functions of the lists module that BEAM implements natively.
#include "bifs/bif_util.h"
#include "term/term_order.h"

namespace beamrun {

namespace {

bool exact_eq(Term a, Term b) { return a == b || (!is_immed(a) && !is_immed(b) && eq_exact(a, b)); }

// reverse(List, Tail): List reversed, in front of Tail.
Term bif_reverse2(Process* p, Term* a) {
  Sint n = list_length(a[0]);
  if (n < 0) return badarg(p);
  if (want_dirty(p, size_t(n) > DIRTY_LIST_LENGTH)) return go_dirty(p);
  Term acc = a[1];
  if (n == 0) return acc;
  Term* cells = p->alloc(2 * Uint(n));
  for (Term l = a[0]; is_list(l); l = cdr(l), cells += 2) acc = write_cons(cells, car(l), acc);
  return acc;
}

Term bif_member(Process* p, Term* a) {
  Term l = a[1];
  for (; is_list(l); l = cdr(l))
    if (exact_eq(car(l), a[0])) return atom::true_;
  return is_nil(l) ? atom::false_ : badarg(p);
}

// The first tuple in List whose Nth element equals Key (==), or NON_VALUE; *bad on bad args.
Term keyfind(Term key, Term n, Term list, bool* bad, const AtomTable& atoms) {
  *bad = false;
  if (!is_small(n) || small_value(n) < 1) { *bad = true; return NON_VALUE; }
  Uint pos = Uint(small_value(n));
  Term l = list;
  for (; is_list(l); l = cdr(l)) {
    Term t = car(l);
    if (is_tuple(t) && tuple_arity(t) >= pos) {
      Term e = tuple_element(t, pos);
      if (e == key || eq_arith(e, key, atoms)) return t;
    }
  }
  if (!is_nil(l)) *bad = true;
  return NON_VALUE;
}

Term bif_keyfind(Process* p, Term* a) {
  bool bad;
  Term t = keyfind(a[0], a[1], a[2], &bad, p->vm().atoms());
  if (bad) return badarg(p);
  return t == NON_VALUE ? atom::false_ : t;
}
Term bif_keymember(Process* p, Term* a) {
  bool bad;
  Term t = keyfind(a[0], a[1], a[2], &bad, p->vm().atoms());
  if (bad) return badarg(p);
  return make_bool(t != NON_VALUE);
}
Term bif_keysearch(Process* p, Term* a) {
  bool bad;
  Term t = keyfind(a[0], a[1], a[2], &bad, p->vm().atoms());
  if (bad) return badarg(p);
  if (t == NON_VALUE) return atom::false_;
  return make_tuple_n(p, {p->vm().atoms().intern("value"), t});
}

}  // namespace

void register_lists_bifs(Runtime& vm) {
  vm.register_bif("lists", "reverse", 2, bif_reverse2);
  vm.register_bif("lists", "member", 2, bif_member);
  vm.register_bif("lists", "keyfind", 3, bif_keyfind);
  vm.register_bif("lists", "keymember", 3, bif_keymember);
  vm.register_bif("lists", "keysearch", 3, bif_keysearch);
}

}  // namespace beamrun
