// copy.h - deep copies of terms out of a process heap.
#pragma once
#include "vm/term.h"

namespace beamrun {

// Copies `t` into words from `a` so that the copy depends on nothing else: no process heap, no
// module literal area, no shared off-heap binary (binaries of every kind become heap binaries
// of their bits). For stores that outlive processes and modules, such as persistent_term.
// Iterative: deep terms do not grow the C++ stack. Sharing inside `t` is not preserved.
Term copy_term_standalone(Term t, WordAllocator& a);

}  // namespace beamrun
