// map.cpp - map lookup and size.
#include "vm/map.h"

#include <algorithm>
#include <vector>

#include "vm/term_order.h"

namespace beamrun {

size_t map_size(Term map) {
  if (is_flatmap(map)) return flatmap_size(map);
  return 0;
}

Term map_get(Term map, Term key) {
  if (is_flatmap(map)) {
    Uint n = flatmap_size(map);
    Term keys = flatmap_keys(map);
    for (Uint i = 0; i < n; ++i) {
      Term k = tuple_element(keys, i + 1);
      if (k == key || (!is_immed(k) && !is_immed(key) && eq_exact(k, key))) return flatmap_values(map)[i];
    }
  }
  return NON_VALUE;
}

Term map_from_pairs(WordAllocator& a, const Term* keys, const Term* values, size_t n, const AtomTable& atoms) {
  // Sort indices by key (exact order); for equal keys the later pair wins.
  std::vector<size_t> idx(n);
  for (size_t i = 0; i < n; ++i) idx[i] = i;
  std::stable_sort(idx.begin(), idx.end(), [&](size_t x, size_t y) { return compare_terms(keys[x], keys[y], atoms, true) < 0; });
  std::vector<size_t> uniq;
  for (size_t i : idx) {
    if (!uniq.empty() && compare_terms(keys[uniq.back()], keys[i], atoms, true) == 0) uniq.back() = i;
    else uniq.push_back(i);
  }
  size_t m = uniq.size();
  if (m > MAP_SMALL_LIMIT) return NON_VALUE;  // hash maps arrive with the map work
  Term* kt = a.alloc_words(m + 1);
  kt[0] = make_tuple_header(m);
  Term* w = a.alloc_words(3 + m);
  w[0] = make_header(2 + m, Subtag::Map);
  w[1] = m;
  w[2] = make_boxed(kt);
  for (size_t i = 0; i < m; ++i) {
    kt[1 + i] = keys[uniq[i]];
    w[3 + i] = values[uniq[i]];
  }
  return make_boxed(w);
}

}  // namespace beamrun
