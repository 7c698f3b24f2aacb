// translate.h - load-time translation of a parsed .beam into a Module of threaded code.
#pragma once
#include <memory>

#include "loader/beam_file.h"
#include "loader/module.h"
#include "loader/sandbox.h"
#include "term/atoms.h"
#include "term/export.h"

namespace beamrun {

// What translation needs of the VM it loads into (VM::load_env makes one).
struct LoadEnv {
  AtomTable& atoms;
  ExportTable& exports;         // imports become entries here; natives are found on them
  const void* const* handlers;  // the interpreter's handler addresses, indexed by Instr
  // Set to load the module sandboxed (loader/sandbox.h): denied static calls become
  // i_not_allowed, dynamic calls get checks; the Module keeps the policy alive.
  std::shared_ptr<const SandboxPolicy> policy = nullptr;
};

// Builds the module's threaded code, resolving imports to export entries or natives.
// Throws BeamError naming the file, the instruction and its offset when something is wrong.
std::unique_ptr<Module> translate_module(const BeamFile& bf, const LoadEnv& env);

}  // namespace beamrun
