// stacktrace.h - turning a process's stack into BEAM's stacktrace term
//   [{Module, Function, ArityOrArgs, Location}]   Location = [{file, "m.erl"}, {line, N}] or []
#pragma once
#include "process/process.h"
#include "term/export.h"

namespace beamrun {

// BEAM keeps at most this many frames (the default backtrace_depth).
constexpr unsigned BACKTRACE_DEPTH = 8;

// Builds the trace of an exception raised at `pc`. `top` (if not NON_VALUE) is a ready frame put
// first (a BIF's frame, an undefined function's frame). With `pc_frame`, the function holding
// `pc` follows with its current line. Then one frame per return address on the stack.
Term build_stacktrace(Process& p, const Word* pc, Term top, bool pc_frame);

// process_info's current_stacktrace: the function holding `pc` (where the process runs, or
// calls the native asking) with its current line, then one frame per return address, as
// BEAM's [{M, F, Arity, Location}], at most BACKTRACE_DEPTH frames. gen_server's
// system_terminate raises its exit with it (sys:terminate, gen_server:stop).
Term current_stacktrace(Process& p, const Word* pc);

// {Module, Function, Args, Location} for the function holding `pc`, with the args given.
Term function_frame_with_args(Process& p, const Word* pc, Term module, Term function, Term args);

// {M, F, Args, [{error_info, #{module => ErrorModule}}]}: the frame of a failing BIF.
Term bif_frame(Process& p, const Export* e, const Term* args);

// [{M, F, Args, []}]-style frame of a function that does not exist.
Term undef_frame(Process& p, Term module, Term function, const Term* args, unsigned arity);

// A proper list of `n` terms.
Term make_list_from(Process& p, const Term* items, unsigned n);

}  // namespace beamrun
