// binary.cpp - the native functions of the binary module.
#include "bifs/bif_util.h"

namespace beamrun {

void register_binary_bifs(VM& vm) { (void)vm; }

}  // namespace beamrun
