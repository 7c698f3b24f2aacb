// binaries.cpp - making binaries on a process's heap.
#include "process/binaries.h"

#include <cstring>

#include "process/runtime.h"

namespace beamrun {

Term make_refc_handle(Process& p, BinaryBlob* blob, Uint byte_size) {
  Term* h = p.alloc(REFC_BIN_WORDS);
  h[0] = make_header(REFC_BIN_WORDS - 1, Subtag::RefcBin);
  h[1] = byte_size;
  h[2] = reinterpret_cast<Word>(blob);
  h[3] = reinterpret_cast<Word>(blob->data());
  h[4] = reinterpret_cast<Word>(p.off_heap);
  p.off_heap = h;
  p.bin_vheap += blob->capacity;
  return make_boxed(h);
}

Term make_binary_uninit(Process& p, size_t size, uint8_t** data) {
  if (size <= HEAP_BIN_LIMIT) {
    Term* b = p.alloc(heap_binary_words(size));
    b[0] = make_header(heap_binary_words(size) - 1, Subtag::HeapBin);
    b[1] = size;
    if (size) b[1 + (size + 7) / 8] = 0;  // zero the padding of the last word
    *data = reinterpret_cast<uint8_t*>(b + 2);
    return make_boxed(b);
  }
  BinaryBlob* blob = blob_alloc(size, p.vm().blob_counter());
  if (blob == nullptr) return NON_VALUE;
  *data = blob->data();
  return make_refc_handle(p, blob, size);
}

Term make_binary(Process& p, const void* data, size_t size) {
  uint8_t* out;
  Term t = make_binary_uninit(p, size, &out);
  if (t != NON_VALUE && size) std::memcpy(out, data, size);
  return t;
}

Term make_bitstring_uninit(Process& p, Uint bit_size, uint8_t** data) {
  Uint bytes = (bit_size + 7) / 8;
  Term bin = make_binary_uninit(p, bytes, data);
  if (bin == NON_VALUE || bit_size % 8 == 0) return bin;
  (*data)[bytes - 1] = 0;
  return write_sub_bin(p.alloc(SUB_BIN_WORDS), bit_size, 0, bin);
}

Term make_sub_binary(Process& p, Term orig, Uint offset, Uint size) {
  if (offset == 0 && size == orig_size(orig) * 8) return orig;
  if (size % 8 == 0 && (size <= HEAP_BIN_LIMIT * 8 || offset % 8 != 0)) {
    uint8_t* out;
    Term bin = make_binary_uninit(p, size / 8, &out);
    if (bin == NON_VALUE) return NON_VALUE;
    copy_bits(out, 0, orig_bytes(orig), offset, size);  // orig_bytes after the allocation: it never moves
    return bin;
  }
  return write_sub_bin(p.alloc(SUB_BIN_WORDS), size, offset, orig);
}

}  // namespace beamrun
