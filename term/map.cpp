// map.cpp - map operations over both layouts: flat maps here, hash tries in hashmap.cpp. A map
// is flat exactly when it has at most 32 keys, as in ERTS: operations convert at the border.
#include "term/map.h"

#include <algorithm>
#include <vector>

#include "term/hashmap.h"
#include "term/term_order.h"

namespace beamrun {

namespace {

inline bool same_key(Term a, Term b) { return a == b || (!is_immed(a) && !is_immed(b) && eq_exact(a, b)); }

// Index of `key` among a flat map's keys, or -1. Immediates compare by word alone.
Sint flat_index(Term map, Term key) {
  Uint n = flatmap_size(map);
  const Term* ks = boxed_ptr(flatmap_keys(map)) + 1;
  if (is_immed(key)) {
    for (Uint i = 0; i < n; ++i)
      if (ks[i] == key) return Sint(i);
    return -1;
  }
  for (Uint i = 0; i < n; ++i)
    if (!is_immed(ks[i]) && (ks[i] == key || eq_exact(ks[i], key))) return Sint(i);
  return -1;
}

// A flat map over `keys` (a tuple term, or NON_VALUE to make one from ks) and the values,
// in one allocation.
Term make_flat(WordAllocator& a, Term key_tuple, const Term* ks, const Term* vs, size_t n) {
  Term* m;
  if (key_tuple == NON_VALUE) {
    Term* t = a.alloc_words(n + 1 + 3 + n);
    t[0] = make_tuple_header(n);
    std::copy(ks, ks + n, t + 1);
    key_tuple = make_boxed(t);
    m = t + n + 1;
  } else {
    m = a.alloc_words(3 + n);
  }
  m[0] = make_header(2 + n, Subtag::Map);
  m[1] = n;
  m[2] = key_tuple;
  std::copy(vs, vs + n, m + 3);
  return make_boxed(m);
}

// Pairs sorted by key in exact order; of equal keys the value given last stays, with the key
// given last (maps:from_list) or first (adding to a flat map keeps its key). Keys can be
// equal and still differ: 0.0 and -0.0.
void sort_unique(std::vector<Term>& ks, std::vector<Term>& vs, const AtomTable& atoms, bool first_key = false) {
  size_t n = ks.size();
  std::vector<size_t> idx(n);
  for (size_t i = 0; i < n; ++i) idx[i] = i;
  std::stable_sort(idx.begin(), idx.end(), [&](size_t x, size_t y) { return compare_terms(ks[x], ks[y], atoms, true) < 0; });
  std::vector<Term> k2, v2;
  k2.reserve(n);
  v2.reserve(n);
  for (size_t i : idx) {
    if (!k2.empty() && same_key(k2.back(), ks[i])) {
      if (!first_key) k2.back() = ks[i];
      v2.back() = vs[i];
      continue;
    }
    k2.push_back(ks[i]);
    v2.push_back(vs[i]);
  }
  ks.swap(k2);
  vs.swap(v2);
}

void collect(Term map, std::vector<Term>& ks, std::vector<Term>& vs) {
  ks.reserve(ks.size() + map_size(map));
  vs.reserve(vs.size() + map_size(map));
  map_foreach(map, [&](Term k, Term v) {
    ks.push_back(k);
    vs.push_back(v);
  });
}

// A hash map that fell to 32 pairs or fewer becomes flat.
Term settle(WordAllocator& a, Term map, const AtomTable& atoms) {
  if (!is_hashmap(map) || hashmap_size(map) > MAP_SMALL_LIMIT) return map;
  std::vector<Term> ks, vs;
  collect(map, ks, vs);
  sort_unique(ks, vs, atoms);
  return make_flat(a, NON_VALUE, ks.data(), vs.data(), ks.size());
}

}  // namespace

size_t map_size(Term map) {
  if (is_flatmap(map)) return flatmap_size(map);
  if (is_hashmap(map)) return hashmap_size(map);
  return 0;
}

Term map_get(Term map, Term key) {
  if (is_flatmap(map)) {
    Sint i = flat_index(map, key);
    return i < 0 ? NON_VALUE : flatmap_values(map)[i];
  }
  if (is_hashmap(map)) return hashmap_get(map, key);
  return NON_VALUE;
}

Term map_from_pairs(WordAllocator& a, const Term* keys, const Term* values, size_t n, const AtomTable& atoms) {
  if (n <= MAP_SMALL_LIMIT) {
    std::vector<Term> ks(keys, keys + n), vs(values, values + n);
    sort_unique(ks, vs, atoms);
    return make_flat(a, NON_VALUE, ks.data(), vs.data(), ks.size());
  }
  return settle(a, hashmap_build(a, keys, values, n), atoms);
}

Term map_put(WordAllocator& a, Term map, Term key, Term value, const AtomTable& atoms) {
  if (is_hashmap(map)) return hashmap_put(a, map, key, value, false);
  Uint n = flatmap_size(map);
  const Term* ks = boxed_ptr(flatmap_keys(map)) + 1;
  const Term* vs = flatmap_values(map);
  Sint i = flat_index(map, key);
  if (i >= 0) {
    if (vs[i] == value) return map;
    Term r = make_flat(a, flatmap_keys(map), ks, vs, n);
    flatmap_values(r)[i] = value;
    return r;
  }
  if (n == MAP_SMALL_LIMIT) {
    std::vector<Term> k2(ks, ks + n), v2(vs, vs + n);
    k2.push_back(key);
    v2.push_back(value);
    return hashmap_build(a, k2.data(), v2.data(), k2.size());
  }
  Uint at = 0;
  while (at < n && compare_terms(ks[at], key, atoms, true) < 0) ++at;
  Term* t = a.alloc_words((n + 2) + (n + 4));
  t[0] = make_tuple_header(n + 1);
  Term* m = t + n + 2;
  m[0] = make_header(n + 3, Subtag::Map);
  m[1] = n + 1;
  m[2] = make_boxed(t);
  for (Uint j = 0, o = 0; j <= n; ++j) {
    if (j == at) {
      t[1 + j] = key;
      m[3 + j] = value;
      continue;
    }
    t[1 + j] = ks[o];
    m[3 + j] = vs[o++];
  }
  return make_boxed(m);
}

Term map_put_many(WordAllocator& a, Term map, const Term* keys, const Term* values, size_t n, const AtomTable& atoms) {
  if (n == 0) return map;
  if (n == 1) return map_put(a, map, keys[0], values[0], atoms);
  if (is_hashmap(map)) {
    for (size_t i = 0; i < n; ++i) map = hashmap_put(a, map, keys[i], values[i], false);
    return map;
  }
  // A flat map: when every key is there already the keys tuple is shared.
  Uint size = flatmap_size(map);
  bool all_there = true;
  for (size_t i = 0; i < n && all_there; ++i) all_there = flat_index(map, keys[i]) >= 0;
  if (all_there) {
    Term r = make_flat(a, flatmap_keys(map), nullptr, flatmap_values(map), size);
    for (size_t i = 0; i < n; ++i) flatmap_values(r)[flat_index(map, keys[i])] = values[i];
    return r;
  }
  std::vector<Term> ks, vs;
  collect(map, ks, vs);
  ks.insert(ks.end(), keys, keys + n);
  vs.insert(vs.end(), values, values + n);
  sort_unique(ks, vs, atoms, true);
  if (ks.size() <= MAP_SMALL_LIMIT) return make_flat(a, NON_VALUE, ks.data(), vs.data(), ks.size());
  return hashmap_build(a, ks.data(), vs.data(), ks.size());
}

Term map_update_many(WordAllocator& a, Term map, const Term* keys, const Term* values, size_t n, Term* missing) {
  if (is_hashmap(map)) {
    // Check first so that no half-updated copies are made for a failing update.
    for (size_t i = 0; i < n; ++i) {
      if (hashmap_get(map, keys[i]) == NON_VALUE) {
        *missing = keys[i];
        return NON_VALUE;
      }
    }
    for (size_t i = 0; i < n; ++i) map = hashmap_put(a, map, keys[i], values[i], true);
    return map;
  }
  Uint size = flatmap_size(map);
  for (size_t i = 0; i < n; ++i) {
    if (flat_index(map, keys[i]) < 0) {
      *missing = keys[i];
      return NON_VALUE;
    }
  }
  // Keys found once more while writing: cheaper than a heap array for a few keys.
  Term r = make_flat(a, flatmap_keys(map), nullptr, flatmap_values(map), size);
  for (size_t i = 0; i < n; ++i) flatmap_values(r)[flat_index(map, keys[i])] = values[i];
  return r;
}

Term map_remove(WordAllocator& a, Term map, Term key, const AtomTable& atoms, Term* value) {
  if (is_hashmap(map)) return settle(a, hashmap_remove(a, map, key, value), atoms);
  Sint i = flat_index(map, key);
  if (value) *value = i < 0 ? NON_VALUE : flatmap_values(map)[i];
  if (i < 0) return map;
  Uint n = flatmap_size(map);
  const Term* ks = boxed_ptr(flatmap_keys(map)) + 1;
  const Term* vs = flatmap_values(map);
  std::vector<Term> k2, v2;
  k2.reserve(n - 1);
  v2.reserve(n - 1);
  for (Uint j = 0; j < n; ++j) {
    if (Sint(j) == i) continue;
    k2.push_back(ks[j]);
    v2.push_back(vs[j]);
  }
  return make_flat(a, NON_VALUE, k2.data(), v2.data(), n - 1);
}

Term map_merge(WordAllocator& a, Term m1, Term m2, const AtomTable& atoms) {
  size_t n1 = map_size(m1), n2 = map_size(m2);
  if (n2 == 0) return m1;
  if (n1 == 0) return m2;
  if (is_flatmap(m1) && is_flatmap(m2)) {
    // Two sorted key lists: merge them; m2 wins ties.
    const Term* k1 = boxed_ptr(flatmap_keys(m1)) + 1;
    const Term* k2 = boxed_ptr(flatmap_keys(m2)) + 1;
    const Term* v1 = flatmap_values(m1);
    const Term* v2 = flatmap_values(m2);
    std::vector<Term> ks, vs;
    ks.reserve(n1 + n2);
    vs.reserve(n1 + n2);
    size_t i = 0, j = 0;
    while (i < n1 || j < n2) {
      int c = i == n1 ? 1 : j == n2 ? -1 : compare_terms(k1[i], k2[j], atoms, true);
      if (c < 0) { ks.push_back(k1[i]); vs.push_back(v1[i++]); }
      else if (c > 0) { ks.push_back(k2[j]); vs.push_back(v2[j++]); }
      else { ks.push_back(k2[j]); vs.push_back(v2[j++]); ++i; }
    }
    if (ks.size() <= MAP_SMALL_LIMIT) return make_flat(a, NON_VALUE, ks.data(), vs.data(), ks.size());
    return hashmap_build(a, ks.data(), vs.data(), ks.size());
  }
  // Put the smaller map's pairs into the larger; rebuild when they are alike in size.
  if (is_hashmap(m1) && n2 * 8 < n1) {
    map_foreach(m2, [&](Term k, Term v) { m1 = hashmap_put(a, m1, k, v, false); });
    return m1;
  }
  if (is_hashmap(m2) && n1 * 8 < n2) {
    map_foreach(m1, [&](Term k, Term v) {
      if (hashmap_get(m2, k) == NON_VALUE) m2 = hashmap_put(a, m2, k, v, false);
    });
    return m2;
  }
  std::vector<Term> ks, vs;
  collect(m1, ks, vs);
  collect(m2, ks, vs);
  return hashmap_build(a, ks.data(), vs.data(), ks.size());
}

Term map_to_list(WordAllocator& a, Term map, MapPart part) {
  size_t n = map_size(map);
  if (n == 0) return NIL;
  size_t per = part == MapPart::Pairs ? 5 : 2;  // a cons cell, and a 2-tuple for pairs
  Term* w = a.alloc_words(per * n);
  size_t i = 0;
  map_foreach(map, [&](Term k, Term v) {
    Term* cell = w + per * i;
    Term item = part == MapPart::Keys ? k : v;
    if (part == MapPart::Pairs) {
      cell[2] = make_tuple_header(2);
      cell[3] = k;
      cell[4] = v;
      item = make_boxed(cell + 2);
    }
    ++i;
    write_cons(cell, item, i == n ? NIL : make_list(w + per * i));
  });
  return make_list(w);
}

}  // namespace beamrun
