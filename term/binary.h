// binary.h - binaries and bitstrings: the off-heap blob, the term layouts' accessors, making
// them, and reading their bytes whatever their representation. Layouts: term.h.
//
//   HeapBin  bytes inside the term, at most HEAP_BIN_LIMIT bytes when made at run time (module
//            literals may hold bigger ones).
//   RefcBin  a handle to a BinaryBlob outside every heap. Each handle holds one reference. The
//            handles of one process are chained through their `next` word (Process::off_heap)
//            so that a collection can drop the references of the handles it did not copy.
//   SubBin   bits [offset, offset + size) of a HeapBin or RefcBin (`orig`, never a SubBin).
//            Invariant: a SubBin whose size is a whole number of bytes starts on a byte
//            boundary, so the bytes of every binary are contiguous in memory (binary_bytes).
//   MatchState  a binary being matched; positions are absolute bit offsets into orig's bytes.
//
// Writable binaries (ERTS's name): `<<Acc/binary, X>>` must not copy Acc. A blob made by an
// append is WRITABLE and has spare capacity; `used_bits` says how far terms see. A term whose
// bits end exactly at used_bits may be extended in place: the bytes past used_bits belong to no
// term, and the bytes before it never change. Results of appends are SubBins over the blob's
// handle, and a grown blob is reallocated with its handle updated, so every term reaches the
// bytes through the handle and never holds a raw pointer across instructions.
//
// The rule that makes this safe: an append never changes a word of any existing term. The
// handle is a term too (make_sub_binary returns it for a slice that covers all of it, so a
// match context, bs_get_tail or binary_part can hand it to the program), so its byte size is
// the size it was made with and stays so; only its blob pointer follows a reallocation. This is
// why ERTS's other rule (a writable binary stops being writable once a match context, a
// sub-binary or a second append sees it) is not needed here: every term's extent is fixed, and
// an append from any base other than the one ending at used_bits copies. The one exception is
// sharing with another process: copy.cpp seals the blob before a second reference exists.
#pragma once
#include <atomic>
#include <cstdint>
#include <string_view>

#include "term/term.h"
#include "term/term_order.h"

namespace beamrun {

// Bytes outside every heap, shared by the RefcBin handles that point at it.
//
// Thread safety: `refc` is atomic: handles in different processes (on different threads) share
// a blob, and the last release frees it. All other fields, and the bytes at or past used_bits,
// are written only by a process that holds the only reference (refc == 1, read with acquire):
// then no other thread can see the blob. Bytes that some term can see never change.
struct BinaryBlob {
  std::atomic<uint64_t> refc{1};
  size_t capacity = 0;  // bytes allocated after this header
  Uint used_bits = 0;   // bits that terms may see (meaningful for WRITABLE blobs)
  uint32_t flags = 0;
  // The VM's count of live blobs (Runtime::live_blobs), or null: one less when this one goes.
  std::atomic<int64_t>* live = nullptr;

  static constexpr uint32_t WRITABLE = 1;  // an append buffer: may grow in place

  uint8_t* data() { return reinterpret_cast<uint8_t*>(this + 1); }
  const uint8_t* data() const { return reinterpret_cast<const uint8_t*>(this + 1); }
};

// A blob of `capacity` bytes (uninitialised) with one reference, or null when memory runs out.
// `live`, when given, counts the blob while it lives (the VM's Runtime::blob_counter()).
BinaryBlob* blob_alloc(size_t capacity, std::atomic<int64_t>* live = nullptr);
// Drops one reference; frees the blob with the last one.
void blob_release(BinaryBlob* b);
// Grows or shrinks a blob that has one reference; null (and the blob unchanged) on failure.
BinaryBlob* blob_realloc(BinaryBlob* b, size_t capacity);

// --- layouts ------------------------------------------------------------------------------------
inline bool is_refc_binary(Term t) { return is_boxed_of(t, Subtag::RefcBin); }
inline bool is_sub_binary(Term t) { return is_boxed_of(t, Subtag::SubBin); }
inline bool is_match_state(Term t) { return is_boxed_of(t, Subtag::MatchState); }

// RefcBin: [hdr][byte size][BinaryBlob*][bytes][next RefcBin object, or null]
inline Uint refc_size(const Term* h) { return h[1]; }
inline BinaryBlob* refc_blob(const Term* h) { return reinterpret_cast<BinaryBlob*>(h[2]); }
inline uint8_t* refc_bytes(const Term* h) { return reinterpret_cast<uint8_t*>(h[3]); }
inline Term* refc_next(const Term* h) { return reinterpret_cast<Term*>(h[4]); }

// SubBin: [hdr][bit size][bit offset][orig]
inline Term sub_orig(Term t) { return boxed_ptr(t)[3]; }

// MatchState: [hdr][bit position][bit end][orig]
inline Uint& ms_pos(Term ms) { return boxed_ptr(ms)[1]; }
inline Uint ms_end(Term ms) { return boxed_ptr(ms)[2]; }
inline Term ms_orig(Term ms) { return boxed_ptr(ms)[3]; }

// The first byte of a HeapBin's or RefcBin's bytes: what SubBin and MatchState offsets count from.
inline const uint8_t* orig_bytes(Term orig) {
  const Term* o = boxed_ptr(orig);
  return header_subtag(o[0]) == Subtag::RefcBin ? refc_bytes(o) : reinterpret_cast<const uint8_t*>(o + 2);
}
// Byte size of a HeapBin or RefcBin.
inline Uint orig_size(Term orig) { return boxed_ptr(orig)[1]; }

// Decomposes any bitstring into (orig, bit offset, bit size); false for non-bitstrings.
inline bool bits_of(Term t, Term* orig, Uint* offset, Uint* size) {
  if (!is_boxed(t)) return false;
  const Term* b = boxed_ptr(t);
  switch (header_subtag(b[0])) {
    case Subtag::HeapBin:
    case Subtag::RefcBin: *orig = t; *offset = 0; *size = b[1] * 8; return true;
    case Subtag::SubBin: *orig = b[3]; *offset = b[2]; *size = b[1]; return true;
    default: return false;
  }
}

// --- making binaries ----------------------------------------------------------------------------

// A bitstring of `bit_size` bits taken from `data` (MSB first), allocated through `a`: a plain
// binary when bit_size is a multiple of 8, else a sub-binary over a fresh heap binary. Heap
// binaries only (any size): for module literals and other allocators without an off-heap list.
Term make_bitstring(WordAllocator& a, const uint8_t* data, size_t bit_size);

// Words make_sub_binary may allocate on the heap.
constexpr Uint SUB_BINARY_MAX_WORDS = 2 + HEAP_BIN_LIMIT / 8;

// Writes a SubBin of bits [offset, offset + bit_size) of orig into the SUB_BIN_WORDS words at s.
inline Term write_sub_bin(Term* s, Uint bit_size, Uint offset, Term orig) {
  s[0] = make_header(SUB_BIN_WORDS - 1, Subtag::SubBin);
  s[1] = bit_size;
  s[2] = offset;
  s[3] = orig;
  return make_boxed(s);
}

// --- reading ------------------------------------------------------------------------------------
// The bytes of a binary whose size is a whole number of bytes (any representation). False for
// anything else, including bitstrings with trailing bits.
bool binary_bytes(Term t, const uint8_t** data, size_t* size);
inline bool is_binary_term(Term t) {
  Term o;
  Uint off, size;
  return bits_of(t, &o, &off, &size) && size % 8 == 0;
}

// Copies n bits from src (starting at bit soff, MSB first) to dst (at bit doff). Bits of dst
// outside the range keep their values. The ranges must not overlap.
void copy_bits(uint8_t* dst, Uint doff, const uint8_t* src, Uint soff, Uint n);

// binary:referenced_byte_size/1: the bytes of the blob or heap binary behind t.
Uint referenced_byte_size(Term t);

// --- the off-heap list (gc.cpp walks it; these keep its accounting) -----------------------------
// Bytes of blobs a process's handles may hold before a collection is due, at least.
constexpr size_t BIN_VHEAP_MIN_BYTES = 46422 * sizeof(Term);  // ERTS's default bin_vheap_sz

}  // namespace beamrun
