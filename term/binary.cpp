// binary.cpp - blobs, making binaries, slicing them, and copying bits.
#include "term/binary.h"

#include "base/block_alloc.h"

#include <algorithm>
#include <cstring>
#include <new>

namespace beamrun {

// --- blobs ----------------------------------------------------------------------------------------

BinaryBlob* blob_alloc(size_t capacity, std::atomic<int64_t>* live) {
  if (capacity > (size_t(1) << 46)) return nullptr;  // beyond any machine: system_limit
  void* mem = block_malloc(sizeof(BinaryBlob) + capacity);
  if (mem == nullptr) return nullptr;
  auto* b = new (mem) BinaryBlob();
  b->capacity = capacity;
  b->live = live;
  if (live) live->fetch_add(1, std::memory_order_relaxed);
  return b;
}

void blob_release(BinaryBlob* b) {
  // acq_rel: the thread freeing the blob must see every other thread's last use of it.
  if (b->refc.fetch_sub(1, std::memory_order_acq_rel) == 1) {
    if (b->live) b->live->fetch_sub(1, std::memory_order_relaxed);
    b->~BinaryBlob();
    block_free(b);
  }
}

BinaryBlob* blob_realloc(BinaryBlob* b, size_t capacity) {
  if (capacity > (size_t(1) << 46)) return nullptr;
  void* mem = block_realloc(b, sizeof(BinaryBlob) + capacity);
  if (mem == nullptr) return nullptr;
  auto* nb = static_cast<BinaryBlob*>(mem);  // the atomic moved bytewise: only we hold it
  nb->capacity = capacity;
  return nb;
}

// --- making ---------------------------------------------------------------------------------------

Term make_bitstring(WordAllocator& a, const uint8_t* data, size_t bit_size) {
  size_t bytes = (bit_size + 7) / 8;
  Term* b = a.alloc_words(heap_binary_words(bytes));
  b[0] = make_header(heap_binary_words(bytes) - 1, Subtag::HeapBin);
  b[1] = bytes;
  if (bytes) {
    b[1 + (bytes + 7) / 8] = 0;
    std::memcpy(b + 2, data, bytes);
    if (bit_size % 8) reinterpret_cast<uint8_t*>(b + 2)[bytes - 1] &= uint8_t(0xFF00 >> (bit_size % 8));
  }
  Term bin = make_boxed(b);
  if (bit_size % 8 == 0) return bin;
  return write_sub_bin(a.alloc_words(SUB_BIN_WORDS), bit_size, 0, bin);
}

// --- reading --------------------------------------------------------------------------------------

bool binary_bytes(Term t, const uint8_t** data, size_t* size) {
  Term orig;
  Uint off, bits;
  if (!bits_of(t, &orig, &off, &bits) || bits % 8 != 0) return false;
  *data = orig_bytes(orig) + off / 8;  // byte-sized slices start on a byte (binary.h)
  *size = bits / 8;
  return true;
}

Uint referenced_byte_size(Term t) {
  Term orig;
  Uint off, bits;
  if (!bits_of(t, &orig, &off, &bits)) return 0;
  if (is_refc_binary(orig)) {
    // The bytes terms can see: a handle keeps the size it was made with, and an append buffer
    // (writable, or sealed by a send) has grown past it to used_bits. ERTS answers the size of
    // its buffer, which it shrinks to what is used at collections and matches; the used size
    // is what it says of a finished accumulator, not this VM's spare capacity.
    const BinaryBlob* b = refc_blob(boxed_ptr(orig));
    return std::max<Uint>(refc_size(boxed_ptr(orig)), (b->used_bits + 7) / 8);
  }
  return orig_size(orig);
}

// --- copying bits ---------------------------------------------------------------------------------

namespace {

// The `take` (1..8) bits of src starting at bit `at`, right-aligned. Reads no byte it does not need.
inline unsigned bits_at(const uint8_t* src, Uint at, unsigned take) {
  unsigned sh = unsigned(at & 7);
  unsigned w = unsigned(src[at >> 3]) << 8;
  if (sh + take > 8) w |= src[(at >> 3) + 1];
  return (w >> (16 - sh - take)) & ((1u << take) - 1);
}

}  // namespace

void copy_bits(uint8_t* dst, Uint doff, const uint8_t* src, Uint soff, Uint n) {
  if (n == 0) return;
  if (((doff | soff) & 7) == 0) {
    std::memcpy(dst + doff / 8, src + soff / 8, n / 8);
    if (n & 7) {
      unsigned r = unsigned(n & 7);
      uint8_t mask = uint8_t(0xFF00 >> r);
      uint8_t& d = dst[(doff + n) / 8];
      d = uint8_t((d & ~mask) | (src[(soff + n) / 8] & mask));
    }
    return;
  }
  while (n > 0) {
    unsigned dbit = unsigned(doff & 7);
    unsigned take = unsigned(n < 8 - dbit ? n : 8 - dbit);
    unsigned v = bits_at(src, soff, take);
    unsigned shift = 8 - dbit - take;
    uint8_t mask = uint8_t(((1u << take) - 1) << shift);
    uint8_t& d = dst[doff >> 3];
    d = uint8_t((d & ~mask) | (v << shift));
    doff += take;
    soff += take;
    n -= take;
  }
}

}  // namespace beamrun
