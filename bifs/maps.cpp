// maps.cpp - the native functions of the maps module and the map BIFs of erlang.
#include "bifs/bif_util.h"

namespace beamrun {

void register_maps_bifs(VM& vm) { (void)vm; }

}  // namespace beamrun
