// erlang_terms.cpp - external term format, hashing, funs and references.
#include "bifs/bif_util.h"

namespace beamrun {

void register_erlang_term_bifs(VM& vm) { (void)vm; }

}  // namespace beamrun
