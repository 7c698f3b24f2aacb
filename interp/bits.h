// bits.h - the bit syntax at run time: putting values into bits (bits_build.cpp) and getting
// them out (bits_match.cpp), as the handlers of interp_bits.inc and the BIFs need them.
//
// Bit order is MSB first throughout: bit 0 of a bitstring is the top bit of its first byte.
// Little-endian integers of a size that is not a whole number of bytes follow BEAM: the value
// is cut into bytes from the least significant end, those bytes go out in order, and the last,
// partial group (the value's top size % 8 bits) goes out last.
#pragma once
#include <cstdint>

#include "loader/instructions_bits.h"
#include "process/binaries.h"
#include "process/process.h"
#include "term/binary.h"
#include "term/term.h"

namespace beamrun {

// --- putting ----------------------------------------------------------------------------------
// Writes integer `v` (small or big) as `bits` bits at dst/off: two's complement, truncated.
void put_integer(uint8_t* dst, Uint off, Term v, Uint bits, unsigned flags);
// Writes the low `bits` (1..64) bits of `v`.
void put_uint64(uint8_t* dst, Uint off, uint64_t v, unsigned bits, unsigned flags);
// Writes d as an IEEE float of 16, 32 or 64 bits (narrowing rounds to nearest, overflows to inf).
void put_float(uint8_t* dst, Uint off, double d, unsigned bits, unsigned flags);
// Bytes of the UTF-8/UTF-16 encoding of code point v, or 0 when v is no valid code point.
unsigned utf8_length(Term v);
unsigned utf16_length(Term v);
inline bool valid_code_point(Term v) {
  if (!is_small(v)) return false;
  Sint c = small_value(v);
  return c >= 0 && c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF);
}
// Writes a valid code point; returns the bits written.
Uint put_utf8(uint8_t* dst, Uint off, uint32_t cp);
Uint put_utf16(uint8_t* dst, Uint off, uint32_t cp, unsigned flags);
Uint put_utf32(uint8_t* dst, Uint off, uint32_t cp, unsigned flags);

// --- getting ----------------------------------------------------------------------------------
// The `bits` (1..64) bits at base/pos, right-aligned, big-endian.
inline uint64_t get_bits64(const uint8_t* base, Uint pos, unsigned bits) {
  const uint8_t* b = base + pos / 8;
  unsigned sh = unsigned(pos % 8);
  unsigned nbytes = (sh + bits + 7) / 8;  // at most 9
  unsigned __int128 acc = 0;
  for (unsigned i = 0; i < nbytes; ++i) acc = (acc << 8) | b[i];
  acc >>= nbytes * 8 - sh - bits;
  return bits == 64 ? uint64_t(acc) : uint64_t(acc) & ((uint64_t(1) << bits) - 1);
}
// A little-endian field read as the big-endian number `u` of `bits` (<= 64) bits, as a value.
inline uint64_t little_to_value(uint64_t u, unsigned bits) {
  unsigned full = bits / 8, r = bits % 8;
  uint64_t v = 0;
  for (unsigned i = 0; i < full; ++i) v |= ((u >> (bits - 8 * (i + 1))) & 0xFF) << (8 * i);
  if (r) v |= (u & ((uint64_t(1) << r) - 1)) << (8 * full);
  return v;
}
// The `bits` (1..59) bits at base/pos as the small integer they encode.
inline Sint get_small_bits(const uint8_t* base, Uint pos, unsigned bits, unsigned flags) {
  uint64_t u = get_bits64(base, pos, bits);
  if (flags & BSF_LITTLE) u = little_to_value(u, bits);
  if ((flags & BSF_SIGNED) && ((u >> (bits - 1)) & 1)) return Sint(u) - (Sint(1) << bits);
  return Sint(u);
}
// The integer in `bits` bits at base/pos. Heap words it may need: get_integer_words(bits).
Term get_integer(WordAllocator& a, const uint8_t* base, Uint pos, Uint bits, unsigned flags);
inline Uint get_integer_words(Uint bits) { return bits < SMALL_BITS ? 0 : 2 + (bits + 63) / 64; }
// The float in 16, 32 or 64 bits at base/pos; false for infinities and NaNs (no match).
bool get_float(const uint8_t* base, Uint pos, unsigned bits, unsigned flags, double* out);
// A code point from at most `avail` bits at base/pos; returns the bits consumed, 0 on no match.
Uint get_utf8(const uint8_t* base, Uint pos, Uint avail, uint32_t* cp);
Uint get_utf16(const uint8_t* base, Uint pos, Uint avail, unsigned flags, uint32_t* cp);
Uint get_utf32(const uint8_t* base, Uint pos, Uint avail, unsigned flags, uint32_t* cp);

// --- bs_create_bin ----------------------------------------------------------------------------
// The segments are encoded as loader/instructions_bits.h says (BsSeg, bs_seg_word).
// Builds the binary. p is swapped out (its heap and stack tops current); the function may
// collect with `live` X registers and re-reads its sources afterwards. `alloc` heap words stay
// free for the code that follows. Returns NON_VALUE with p's exception set as BEAM raises it
// (badarg or system_limit with a format_bs_fail error_info for the current frame).
Term bs_create_bin(Process* p, const Word* segs, unsigned count, unsigned live, Uint alloc);

// Raises error:Reason with error_info #{cause => {Seg, Type, Error, Value}, ...} as OTP 25's
// construction failures do. `type` and `error` are atom names. Returns NON_VALUE.
Term bs_construct_error(Process* p, Term reason, unsigned segno, const char* type, const char* error, Term value);

// The pre-OTP-25 construction instructions: start a binary of `bits` bits (writing from its
// start), or extend `bin` by `bits` (writing after its old end), with `alloc` words kept free.
// Both set bs_put_base/bs_put_offset in p->regs; NON_VALUE with badarg/system_limit raised on errors.
Term bs_init(Process* p, Uint bits, unsigned live, Uint alloc);
Term bs_append(Process* p, Term bin, Uint bits, unsigned unit, unsigned live, Uint alloc);

// bs_private_append: as bs_append, but never collects (the compiler gives no live count).
Term bs_private_append(Process* p, Term bin, Uint bits, unsigned unit);

// bs_init_writable: an empty binary with room for `size` bytes (1024 when size is no size).
Term bs_init_writable(Process* p, Term size);

// The bits of a segment of explicit size `size` (a term) and unit: false unless size is a
// non-negative small integer and the product stays below BS_MAX_BITS.
inline bool bs_size_value(Term size, unsigned unit, Uint* bits) {
  if (!is_small(size) || small_value(size) < 0) return false;
  Uint v = Uint(small_value(size));
  if (unit && v > BS_MAX_BITS / unit) return false;
  *bits = v * unit;
  return true;
}

// --- matching instructions that allocate ----------------------------------------------------
// Each is the whole body of its instruction, called with p swapped out: it makes room on the
// heap (collecting with `live` X registers), reads the context operand `ctx` (an operand word)
// afterwards, and advances the context. NON_VALUE when the match fails; the caller checked
// that enough bits remain, except where said.
// A match context over `src`, or NON_VALUE when src is no bitstring.
Term bs_start_match(Process* p, Term src, unsigned live);
// The bits not matched yet, as a binary.
Term bs_get_tail(Process* p, Word ctx, unsigned live);
Term bs_get_integer(Process* p, Word ctx, unsigned live, Uint bits, unsigned flags);
// Also fails on a bad size or an infinite or NaN value; a size of 0 is 0.0, as in BEAM.
Term bs_get_float(Process* p, Word ctx, unsigned live, Uint bits, unsigned flags);
Term bs_get_binary(Process* p, Word ctx, unsigned live, Uint bits);

// Reads an instruction operand (loader/instructions.h encoding) with p swapped out.
inline Term bs_src(const Process* p, Word w) {
  return (w & 3) ? Term(w) : (w & 4) ? p->stop[w >> 3] : p->x[w >> 3];
}

}  // namespace beamrun
