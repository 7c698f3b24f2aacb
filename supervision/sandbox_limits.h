// sandbox_limits.h - the per-process limits of a sandbox policy (loader/sandbox.h): a process
// past its policy's reduction budget or heap limit dies with {sandbox_limit, reductions} or
// {sandbox_limit, heap}.
#pragma once

#include "process/process.h"

namespace beamrun {

// At the end of a slice the process did not finish in: true (and p->exit_reason set) when its
// life's reductions passed its policy's max_reductions. Checked per slice, not per call, so
// the interpreter stays as it is; a process can overrun by at most one slice.
bool sandbox_reductions_exceeded(Process* p);

// After a collection flagged p->max_heap_exceeded: true (and p->exit_reason set) when the heap
// is over its policy's max_heap_words; false leaves the flag to max_heap_size.
bool sandbox_heap_exceeded(Process* p);

}  // namespace beamrun
