// translate_maps.cpp - translation of the map instructions (vm/instructions_maps.h).
#include "loader/translator.h"

namespace beamrun {

bool translate_maps(Translator& t, size_t index) {
  (void)t;
  (void)index;
  return false;
}

}  // namespace beamrun
