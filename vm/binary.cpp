// binary.cpp - making and reading binaries.
#include "vm/binary.h"

#include <cstring>

#include "vm/term_order.h"

namespace beamrun {

Term make_binary_uninit(Process& p, size_t size, uint8_t** data) {
  // Off-heap binaries for large sizes arrive with the bit syntax work; until then all are heap binaries.
  Term* b = p.alloc(heap_binary_words(size));
  b[0] = make_header(heap_binary_words(size) - 1, Subtag::HeapBin);
  b[1] = size;
  *data = reinterpret_cast<uint8_t*>(b + 2);
  return make_boxed(b);
}

Term make_binary(Process& p, const void* data, size_t size) {
  uint8_t* out;
  Term t = make_binary_uninit(p, size, &out);
  if (size) std::memcpy(out, data, size);
  return t;
}

bool binary_bytes(Term t, const uint8_t** data, size_t* size) {
  BitsView v;
  if (!bitstring_view(t, &v) || v.bit_size % 8 != 0 || v.bit_offset != 0) return false;
  *data = v.bytes;
  *size = v.bit_size / 8;
  return true;
}

}  // namespace beamrun
