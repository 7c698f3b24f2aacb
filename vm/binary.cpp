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

Term make_bitstring(WordAllocator& a, const uint8_t* data, size_t bit_size) {
  size_t bytes = (bit_size + 7) / 8;
  Term* b = a.alloc_words(heap_binary_words(bytes));
  b[0] = make_header(heap_binary_words(bytes) - 1, Subtag::HeapBin);
  b[1] = bytes;
  if (bytes) std::memcpy(b + 2, data, bytes);
  Term bin = make_boxed(b);
  if (bit_size % 8 == 0) return bin;
  Term* s = a.alloc_words(SUB_BIN_WORDS);
  s[0] = make_header(SUB_BIN_WORDS - 1, Subtag::SubBin);
  s[1] = bit_size;
  s[2] = 0;
  s[3] = bin;
  return make_boxed(s);
}

bool binary_bytes(Term t, const uint8_t** data, size_t* size) {
  BitsView v;
  if (!bitstring_view(t, &v) || v.bit_size % 8 != 0 || v.bit_offset != 0) return false;
  *data = v.bytes;
  *size = v.bit_size / 8;
  return true;
}

}  // namespace beamrun
