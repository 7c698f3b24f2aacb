// erlang_numbers.cpp - float and integer conversions of the erlang module.
#include "bifs/bif_util.h"

namespace beamrun {

void register_erlang_number_bifs(VM& vm) { (void)vm; }

}  // namespace beamrun
