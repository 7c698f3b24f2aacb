// map.cpp - map lookup and size.
#include "vm/map.h"

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

}  // namespace beamrun
