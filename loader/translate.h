// translate.h - load-time translation of a parsed .beam into a Module of threaded code.
#pragma once
#include <memory>

#include "loader/beam_file.h"
#include "loader/module.h"
#include "term/atoms.h"
#include "term/export.h"

namespace beamrun {

// What translation needs of the VM it loads into (VM::load_env makes one).
struct LoadEnv {
  AtomTable& atoms;
  ExportTable& exports;         // imports become entries here; natives are found on them
  const void* const* handlers;  // the interpreter's handler addresses, indexed by Instr
};

// Builds the module's threaded code, resolving imports to export entries or natives.
// Throws BeamError naming the file, the instruction and its offset when something is wrong.
std::unique_ptr<Module> translate_module(const BeamFile& bf, const LoadEnv& env);

}  // namespace beamrun
