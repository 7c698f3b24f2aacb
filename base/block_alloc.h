// block_alloc.h - the allocator behind process heaps, message blocks and binary blobs.
//
// mimalloc, except under ThreadSanitizer: TSan cannot see mimalloc's own lock-free free lists,
// so every block freed on one thread and reused on another would be reported as a race. That
// build uses the C allocator, which TSan intercepts.
#pragma once
#include <cstddef>

#ifdef BEAMRUN_TSAN
#include <cstdlib>
namespace beamrun {
inline void* block_malloc(size_t n) { return std::malloc(n); }
inline void* block_realloc(void* p, size_t n) { return std::realloc(p, n); }
inline void block_free(void* p) { std::free(p); }
}  // namespace beamrun
#else
#include <mimalloc.h>
namespace beamrun {
inline void* block_malloc(size_t n) { return mi_malloc(n); }
inline void* block_realloc(void* p, size_t n) { return mi_realloc(p, n); }
inline void block_free(void* p) { mi_free(p); }
}  // namespace beamrun
#endif
