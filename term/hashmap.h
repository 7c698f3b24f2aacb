// hashmap.h - the hash array mapped trie behind maps of more than 32 keys (layout in map.h).
// Used by map.cpp, which decides between flat and hashed; every function keeps the trie
// canonical, as ERTS's insert and delete do.
#pragma once
#include <cstddef>

#include "term/map.h"

namespace beamrun {

// A hash map (a head node) of n pairs; for equal keys (=:=) the later pair wins. Returns the
// head, whose size may be below n (duplicates), even at most 32: the caller converts.
Term hashmap_build(WordAllocator& a, const Term* keys, const Term* values, size_t n);

// The value under `key`, or NON_VALUE.
Term hashmap_get(Term map, Term key);

// `map` with key => value. With `must_exist`, a missing key returns NON_VALUE. Returns `map`
// itself when the key holds that very value already.
Term hashmap_put(WordAllocator& a, Term map, Term key, Term value, bool must_exist);

// `map` without `key` (`map` itself if absent); *value gets the removed value or NON_VALUE.
// The result is a hash map even when it has 32 pairs left.
Term hashmap_remove(WordAllocator& a, Term map, Term key, Term* value);

}  // namespace beamrun
