// translate_bits.cpp - translation of the bit syntax instructions (vm/instructions_bits.h).
#include "loader/translator.h"

namespace beamrun {

bool translate_bits(Translator& t, size_t index) {
  (void)t;
  (void)index;
  return false;
}

}  // namespace beamrun
