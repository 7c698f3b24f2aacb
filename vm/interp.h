// interp.h - the interpreter: runs a process's threaded code.
#pragma once
#include "vm/process.h"
#include "vm/term.h"

namespace beamrun {

// Handler addresses indexed by Instr (see instructions.h). Constant for the program's life.
const void* const* interpreter_handlers();

// Runs `p` from `entry` with arguments already in x0... and the bottom return address pushed.
// Returns true when the code returned to the host (result in p.x[0]); false when an exception
// was not caught (p.exc_kind, p.exc_reason, p.exc_trace) or erlang:halt was called.
bool interpret(Process& p, const Word* entry);

}  // namespace beamrun
