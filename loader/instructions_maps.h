// instructions_maps.h - map instructions. Same conventions as instructions.h; handlers live in
// interp_maps.inc, translation in loader/translate_maps.cpp.
#pragma once

#define BEAMRUN_MAP_INSTRUCTIONS(X)     \
  X(i_put_map_assoc, OPS(L(fail), S(map), D(dst), N(live), VAR2(count, S(key), S(value))), "dst := map with the pairs")  \
  X(i_put_map_exact, LIKE(i_put_map_assoc), "as assoc, the keys must exist (badkey)")                                    \
  X(i_get_map_element, OPS(L(fail), S(map), S(key), D(dst)), "dst := the key's value, or jump")                          \
  X(i_get_map_elements, OPS(L(fail), S(map), VAR2(count, S(key), D(dst))), "fetch every key's value, or jump")           \
  X(i_has_map_fields, OPS(L(fail), S(map), VAR1(count, S(key))), "jump unless the map has every key")

// The handlers work through the map operations.
#include "term/map.h"
