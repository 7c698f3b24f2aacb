// map_iter.h - map_foreach, the one walk of a map's pairs in BEAM's order.
#pragma once
#include "vm/export.h"

namespace beamrun {

template <typename F>
void map_foreach(Term map, F&& f) {
  if (is_flatmap(map)) {
    Uint n = flatmap_size(map);
    Term keys = flatmap_keys(map);
    const Term* vals = flatmap_values(map);
    for (Uint i = 0; i < n; ++i) f(tuple_element(keys, i + 1), vals[i]);
    return;
  }
  // Hash maps arrive with the map work (vm/map.cpp).
}

}  // namespace beamrun
