// math.cpp - the math module.
#include "bifs/bif_util.h"

namespace beamrun {

void register_math_bifs(VM& vm) { (void)vm; }

}  // namespace beamrun
