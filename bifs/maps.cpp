// maps.cpp - the native functions of the maps module, the map BIFs of erlang, and
// erts_internal:map_next/3, on which maps:to_list, maps:iterator/next and every fold of OTP's
// maps.erl stand. The rest of maps.erl (fold, map, filter, get/3, update_with...) is OTP's own
// code, loaded from its stdlib.
//
// Errors as BEAM raises them: {badmap, M} when the map argument is not a map, {badkey, K} for
// a missing key where one is required, badarg for malformed lists; the failing function's frame
// carries error_info (erl_erts_errors for erlang, erl_stdlib_errors for maps).
#include <vector>

#include "bifs/bif_util.h"
#include "term/map.h"

namespace beamrun {

namespace {

Term badmap(Process* p, Term m) { return p->bif_error(make_tuple_n(p, {atom::badmap, m})); }
Term badkey(Process* p, Term k) { return p->bif_error(make_tuple_n(p, {atom::badkey, k})); }

// ---- erlang ------------------------------------------------------------------------------

Term bif_map_size(Process* p, Term* a) {
  if (!is_map(a[0])) return badmap(p, a[0]);
  return make_small(Sint(map_size(a[0])));
}

// map_get/2 and maps:get/2.
Term bif_map_get(Process* p, Term* a) {
  if (!is_map(a[1])) return badmap(p, a[1]);
  Term v = map_get(a[1], a[0]);
  return v == NON_VALUE ? badkey(p, a[0]) : v;
}

// is_map_key/2 and maps:is_key/2.
Term bif_is_map_key(Process* p, Term* a) {
  if (!is_map(a[1])) return badmap(p, a[1]);
  return make_bool(map_get(a[1], a[0]) != NON_VALUE);
}

// ---- maps --------------------------------------------------------------------------------

Term bif_find(Process* p, Term* a) {
  if (!is_map(a[1])) return badmap(p, a[1]);
  Term v = map_get(a[1], a[0]);
  return v == NON_VALUE ? atom::error : make_tuple_n(p, {atom::ok, v});
}

Term bif_from_list(Process* p, Term* a) {
  std::vector<Term> ks, vs;
  Term l = a[0];
  for (; is_list(l); l = cdr(l)) {
    Term kv = car(l);
    if (!is_tuple(kv) || tuple_arity(kv) != 2) return badarg(p);
    ks.push_back(tuple_element(kv, 1));
    vs.push_back(tuple_element(kv, 2));
  }
  if (!is_nil(l)) return badarg(p);
  return map_from_pairs(*p, ks.data(), vs.data(), ks.size(), p->vm().atoms());
}

Term bif_from_keys(Process* p, Term* a) {
  Sint n = list_length(a[0]);
  if (n < 0) return badarg(p);
  std::vector<Term> ks, vs(size_t(n), a[1]);
  ks.reserve(size_t(n));
  for (Term l = a[0]; is_list(l); l = cdr(l)) ks.push_back(car(l));
  return map_from_pairs(*p, ks.data(), vs.data(), ks.size(), p->vm().atoms());
}

Term bif_keys(Process* p, Term* a) {
  if (!is_map(a[0])) return badmap(p, a[0]);
  return map_to_list(*p, a[0], MapPart::Keys);
}

Term bif_values(Process* p, Term* a) {
  if (!is_map(a[0])) return badmap(p, a[0]);
  return map_to_list(*p, a[0], MapPart::Values);
}

Term bif_merge(Process* p, Term* a) {
  if (!is_map(a[0])) return badmap(p, a[0]);
  if (!is_map(a[1])) return badmap(p, a[1]);
  return map_merge(*p, a[0], a[1], p->vm().atoms());
}

Term bif_put(Process* p, Term* a) {
  if (!is_map(a[2])) return badmap(p, a[2]);
  return map_put(*p, a[2], a[0], a[1], p->vm().atoms());
}

Term bif_update(Process* p, Term* a) {
  if (!is_map(a[2])) return badmap(p, a[2]);
  Term missing = NON_VALUE;
  Term r = map_update_many(*p, a[2], &a[0], &a[1], 1, &missing);
  return r == NON_VALUE ? badkey(p, a[0]) : r;
}

Term bif_remove(Process* p, Term* a) {
  if (!is_map(a[1])) return badmap(p, a[1]);
  return map_remove(*p, a[1], a[0], p->vm().atoms());
}

Term bif_take(Process* p, Term* a) {
  if (!is_map(a[1])) return badmap(p, a[1]);
  Term value = NON_VALUE;
  Term rest = map_remove(*p, a[1], a[0], p->vm().atoms(), &value);
  return value == NON_VALUE ? atom::error : make_tuple_n(p, {value, rest});
}

// ---- erts_internal:map_next(Path, Map, iterator | Acc) ---------------------------------------
//
// Iterator mode returns up to a chunk of pairs as {K1, V1, {K2, V2, ... Rest}} where Rest is
// none at the end or [NextPath | Map]. Accumulator mode conses {K, V} tuples in walk order onto
// Acc (a flat map's sorted pairs are put in front whole) and returns the result, or
// [NextPath, Map | Result] when more remain. BEAM's first chunk is 32 pairs; later ones are as
// long as its reductions allow, so those sizes are beamrun's own.
constexpr size_t FIRST_CHUNK = 32;
constexpr size_t LATER_CHUNK = 1024;

Term bif_map_next(Process* p, Term* a) {
  Term path = a[0], map = a[1], acc = a[2];
  Term iterator_atom = p->vm().atoms().intern("iterator");
  bool iterator = acc == iterator_atom;
  if (!is_map(map) || !is_small(path) || small_value(path) < 0) return badarg(p);
  if (!iterator && !is_list(acc) && !is_nil(acc)) return badarg(p);
  Uint start = Uint(small_value(path));
  std::vector<Term> kv;
  Uint next = 0;
  bool done = false;
  size_t limit = start == 0 ? FIRST_CHUNK : LATER_CHUNK;
  bool ok = map_walk_from(map, start, limit, &next, &done, [&](Term k, Term v) {
    kv.push_back(k);
    kv.push_back(v);
  });
  if (!ok) return badarg(p);
  size_t n = kv.size() / 2;
  if (iterator) {
    Term rest = p->vm().atoms().intern("none");
    if (!done) rest = write_cons(p->alloc(2), make_small(Sint(next)), map);
    Term* w = p->alloc(4 * n);
    for (size_t i = n; i-- > 0;) {
      Term* t = w + 4 * i;
      t[0] = make_tuple_header(3);
      t[1] = kv[2 * i];
      t[2] = kv[2 * i + 1];
      t[3] = rest;
      rest = make_boxed(t);
    }
    return rest;
  }
  Term* w = p->alloc(5 * n);
  for (size_t j = 0; j < n; ++j) {
    // A flat map goes in sorted, last pair consed first; a hash map's chunk in walk order.
    size_t i = is_flatmap(map) ? n - 1 - j : j;
    Term* cell = w + 5 * j;
    cell[2] = make_tuple_header(2);
    cell[3] = kv[2 * i];
    cell[4] = kv[2 * i + 1];
    acc = write_cons(cell, make_boxed(cell + 2), acc);
  }
  if (done) return acc;
  Term* c = p->alloc(4);
  return write_cons(c, make_small(Sint(next)), write_cons(c + 2, map, acc));
}

}  // namespace

void register_maps_bifs(Runtime& vm) {
  vm.register_bif("erlang", "map_size", 1, bif_map_size);
  vm.register_bif("erlang", "map_get", 2, bif_map_get);
  vm.register_bif("erlang", "is_map_key", 2, bif_is_map_key);
  struct Entry { const char* name; uint32_t arity; BifFn fn; };
  static const Entry entries[] = {
      {"get", 2, bif_map_get},       {"find", 2, bif_find},       {"from_list", 1, bif_from_list},
      {"from_keys", 2, bif_from_keys}, {"is_key", 2, bif_is_map_key}, {"keys", 1, bif_keys},
      {"merge", 2, bif_merge},       {"put", 3, bif_put},         {"remove", 2, bif_remove},
      {"take", 2, bif_take},         {"update", 3, bif_update},   {"values", 1, bif_values},
  };
  for (const Entry& e : entries) vm.register_bif("maps", e.name, e.arity, e.fn);
  vm.register_bif("erts_internal", "map_next", 3, bif_map_next);
}

}  // namespace beamrun
