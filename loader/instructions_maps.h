// instructions_maps.h - map instructions. Same conventions as instructions.h; handlers live in
// interp_maps.inc, translation in loader/translate_maps.cpp.
#pragma once

#define BEAMRUN_MAP_INSTRUCTIONS(X)                                                                   \
  X(i_put_map_assoc, "L:fail S:map D N:live N:count T:(S key, S value)* -- D := map with the pairs") \
  X(i_put_map_exact, "L:fail S:map D N:live N:count T:(S key, S value)* -- as assoc, keys must exist (badkey)") \
  X(i_get_map_element, "L:fail S:map S:key D -- D := the key's value, or jump")                     \
  X(i_get_map_elements, "L:fail S:map N:count T:(S key, D dst)* -- fetch every key's value, or jump") \
  X(i_has_map_fields, "L:fail S:map N:count S:key* -- jump unless the map has every key")

// The handlers work through the map operations.
#include "term/map.h"
