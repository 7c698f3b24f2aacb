// map.h - maps: flat maps of at most 32 keys (sorted keys tuple + values) and, above that,
// hash array mapped tries laid out as BEAM lays them out, so that iteration and printing order
// equal BEAM's. Layouts: export.h (flat), below (hash).
#pragma once
#include <cstddef>

#include "vm/atoms.h"
#include "vm/process.h"
#include "vm/term.h"

namespace beamrun {

constexpr size_t MAP_SMALL_LIMIT = 32;

size_t map_size(Term map);
// The value stored under `key` (exact match, =:=), or NON_VALUE.
Term map_get(Term map, Term key);

// A map of the given pairs (a later duplicate key wins), flat or hashed by size. Allocates
// through `a` (a process heap, or a module's literal area for literals).
Term map_from_pairs(WordAllocator& a, const Term* keys, const Term* values, size_t n, const AtomTable& atoms);

// Calls f(key, value) for every pair in BEAM's iteration order (the order maps:to_list,
// printing and term_to_binary use).
template <typename F>
void map_foreach(Term map, F&& f);

}  // namespace beamrun

#include "vm/map_iter.h"
