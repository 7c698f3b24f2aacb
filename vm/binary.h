// binary.h - binaries and bitstrings: making them, and reading their bytes whatever their
// representation (heap binary, reference-counted off-heap binary, sub-binary). Layouts: term.h.
#pragma once
#include <cstdint>
#include <string_view>

#include "vm/process.h"
#include "vm/term.h"

namespace beamrun {

// A new binary holding a copy of `size` bytes: a heap binary up to HEAP_BIN_LIMIT bytes,
// larger ones reference-counted off the heap.
Term make_binary(Process& p, const void* data, size_t size);
// A new binary of `size` bytes, uninitialised; *data receives where to write them.
Term make_binary_uninit(Process& p, size_t size, uint8_t** data);

// A bitstring of `bit_size` bits taken from `data` (MSB first), allocated through `a`: a plain
// binary when bit_size is a multiple of 8, else a sub-binary over a fresh heap binary.
Term make_bitstring(WordAllocator& a, const uint8_t* data, size_t bit_size);

// The bytes of a binary whose size is a whole number of bytes (any representation).
// False for anything else, including bitstrings with trailing bits.
bool binary_bytes(Term t, const uint8_t** data, size_t* size);
inline bool is_binary_term(Term t) {
  const uint8_t* d;
  size_t n;
  return binary_bytes(t, &d, &n);
}

}  // namespace beamrun
