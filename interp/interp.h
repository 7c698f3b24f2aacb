// interp.h - the interpreter: runs a process's threaded code.
#pragma once
#include "loader/instructions.h"
#include "process/process.h"
#include "term/term.h"

namespace beamrun {

// Handler addresses indexed by Instr (see instructions.h). Constant for the program's life.
const void* const* interpreter_handlers();

// The instruction whose handler address is `word` (the first word of every instruction), or
// Instr::count when it is none: for walking threaded code (beamrun-disasm --threaded, tests).
Instr instr_at(Word word);

// Runs one slice of `p`: from p.resume_pc, with the registers saved in p.saved_x already
// loaded into p.x, for at most SLICE_REDUCTIONS reductions. How it ended says what to do next:
// Yield and Wait leave resume_pc/saved_x set; Done leaves the return value in saved_x[0];
// Raised leaves the exception in p.exc_*.
SliceEnd run_slice(Process& p);

}  // namespace beamrun
