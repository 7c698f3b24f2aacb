// erlang_binaries.cpp - the binary BIFs of the erlang module.
#include "bifs/bif_util.h"

namespace beamrun {

void register_erlang_binary_bifs(VM& vm) { (void)vm; }

}  // namespace beamrun
