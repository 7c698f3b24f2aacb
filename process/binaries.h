// binaries.h - making binaries on a process's heap. Big ones are blobs outside every heap
// (term/binary.h), referenced through RefcBin handles chained on the process's off-heap list,
// whose bytes count towards its virtual binary heap (Process::bin_vheap).
#pragma once
#include <cstddef>
#include <cstdint>

#include "process/process.h"
#include "term/binary.h"

namespace beamrun {

// A new binary holding a copy of `size` bytes: a heap binary up to HEAP_BIN_LIMIT bytes,
// larger ones reference-counted off the heap (linked into p's off-heap list).
Term make_binary(Process& p, const void* data, size_t size);
// A new binary of `size` bytes, uninitialised; *data receives where to write them. Returns
// NON_VALUE when the bytes cannot be allocated (callers raise system_limit).
Term make_binary_uninit(Process& p, size_t size, uint8_t** data);
// A bitstring of `bit_size` bits, uninitialised but for zeroed padding in its last byte.
Term make_bitstring_uninit(Process& p, Uint bit_size, uint8_t** data);

// A RefcBin handle for `blob` (taking over one reference), on p's heap and off-heap list.
Term make_refc_handle(Process& p, BinaryBlob* blob, Uint byte_size);

// Bits [offset, offset + size) of orig (a HeapBin or RefcBin), as BEAM extracts them: whole
// bytes of at most HEAP_BIN_LIMIT (and byte-sized slices off a byte boundary) are copied into
// a new binary, anything else is a SubBin pointing into orig. NON_VALUE only when the bytes of
// a copy cannot be allocated.
Term make_sub_binary(Process& p, Term orig, Uint offset, Uint size);

}  // namespace beamrun
