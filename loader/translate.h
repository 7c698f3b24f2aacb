// translate.h - load-time translation of a parsed .beam into a Module of threaded code.
#pragma once
#include <memory>

#include "loader/beam_file.h"
#include "vm/module.h"

namespace beamrun {

class VM;

// Builds the module's threaded code, resolving imports to export entries or natives.
// Throws BeamError naming the file, the instruction and its offset when something is wrong.
std::unique_ptr<Module> translate_module(const BeamFile& bf, VM& vm);

}  // namespace beamrun
