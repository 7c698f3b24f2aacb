// term_bridge.h - Values (the host's terms) into and out of a process's heap.
//
// This is the only place where the embedding API meets term words: a Value is copied into a
// process (to send it, pass it as an argument, return it from a native) and a term is copied
// out into a Value (a received message, an outcome, a native's arguments). Nothing the host
// holds points into a heap, so a collection or a death leaves every Value intact.
#pragma once
#include <string>

#include "beamrun/beamrun.h"
#include "process/process.h"
#include "process/runtime.h"

namespace beamrun {

// Nesting beyond this many levels is copied out as an Opaque value (its external term format),
// so a deep term never costs the host thread deep recursion.
constexpr unsigned VALUE_MAX_DEPTH = 2000;

// A copy of `t` (a term the caller keeps alive and unmoved meanwhile: p does not run).
// `p` is any process of the VM, used only to encode Opaque parts.
Value term_to_value(Term t, Process& p);

// Builds `v` on p's heap (alloc: fragments when full, no collection). NON_VALUE, with *error
// set, when the value cannot be a term of this VM: an atom longer than 255 characters or past
// the atom limit, a pid of another VM, an Opaque value that does not decode.
Term value_to_term(const Value& v, Process& p, std::string* error);

}  // namespace beamrun
