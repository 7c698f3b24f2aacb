// copy.h - deep copies of terms out of a process heap.
#pragma once
#include <cstdint>

#include "term/term.h"

namespace beamrun {

// Copies `t` into words from `a` so that the copy depends on nothing else: no process heap, no
// module literal area, no shared off-heap binary (binaries of every kind become heap binaries
// of their bits). For stores that outlive processes and modules, such as persistent_term.
// Iterative: deep terms do not grow the C++ stack. Sharing inside `t` is not preserved.
Term copy_term_standalone(Term t, WordAllocator& a);

// Heap words a copy of `t` for another process takes (what copy_term_shared writes). Counting
// stops as soon as it passes `limit` (then the result is only known to exceed it).
size_t term_size_shared(Term t, size_t limit = SIZE_MAX);
// True when `t` spans more than `limit` heap words, at a cost of O(limit).
inline bool term_words_exceed(Term t, size_t limit) { return term_size_shared(t, limit) > limit; }
// Copies `t` into the words at `*hp` (advancing it) for another process: RefcBin handles are
// copied and take one more reference to their blob instead of copying its bytes; each copied
// handle is chained onto `*off_heap` and its blob's capacity added to `*vheap_bytes`. Iterative;
// sharing inside `t` is not preserved (as BEAM's message copy).
Term copy_term_shared(Term t, Term** hp, Term** off_heap, size_t* vheap_bytes);

}  // namespace beamrun
