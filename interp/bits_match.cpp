// bits_match.cpp - getting values out of bits: integers of any size, floats, code points.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include "interp/bits.h"
#include "term/bignum.h"
#include "term/term.h"
#include "term/utf8.h"

namespace beamrun {

Term get_integer(WordAllocator& a, const uint8_t* base, Uint pos, Uint bits, unsigned flags) {
  if (bits == 0) return make_small(0);
  if (bits <= 64) {
    unsigned nb = unsigned(bits);
    uint64_t u = get_bits64(base, pos, nb);
    if (flags & BSF_LITTLE) u = little_to_value(u, nb);
    if ((flags & BSF_SIGNED) && (u >> (nb - 1)) & 1) {
      __int128 v = __int128(u) - (__int128(1) << nb);
      return make_integer_i128(a, v);
    }
    if (u <= uint64_t(MAX_SMALL)) return make_small(Sint(u));
    return make_integer_i128(a, __int128(u));
  }
  // Collect the value modulo 2^bits as little-endian bytes, then as limbs.
  Uint nbytes = (bits + 7) / 8;
  unsigned r = unsigned(bits % 8);
  std::vector<uint8_t> le(nbytes, 0);
  if (flags & BSF_LITTLE) {
    copy_bits(le.data(), 0, base, pos, bits);
    if (r) le[nbytes - 1] = uint8_t(le[nbytes - 1] >> (8 - r));
  } else {
    std::vector<uint8_t> be(nbytes, 0);
    copy_bits(be.data(), nbytes * 8 - bits, base, pos, bits);
    for (Uint i = 0; i < nbytes; ++i) le[i] = be[nbytes - 1 - i];
  }
  bool neg = (flags & BSF_SIGNED) && ((le[nbytes - 1] >> (r ? r - 1 : 7)) & 1);
  if (neg) {
    // Magnitude = 2^bits - value: invert the bits of the field and add one.
    unsigned carry = 1;
    for (Uint i = 0; i < nbytes; ++i) {
      unsigned b = unsigned(uint8_t(~le[i])) + carry;
      le[i] = uint8_t(b);
      carry = b >> 8;
    }
    if (r) le[nbytes - 1] &= uint8_t((1u << r) - 1);
  }
  std::vector<uint64_t> limbs((nbytes + 7) / 8, 0);
  for (Uint i = 0; i < nbytes; ++i) limbs[i / 8] |= uint64_t(le[i]) << (8 * (i % 8));
  return make_integer_from_limbs(a, limbs.data(), limbs.size(), neg);
}

bool get_float(const uint8_t* base, Uint pos, unsigned bits, unsigned flags, double* out) {
  uint64_t u = get_bits64(base, pos, bits);
  if (flags & BSF_LITTLE) u = little_to_value(u, bits);
  double d;
  if (bits == 64) {
    std::memcpy(&d, &u, sizeof d);
  } else if (bits == 32) {
    uint32_t w = uint32_t(u);
    float f;
    std::memcpy(&f, &w, sizeof f);
    d = f;
  } else {
    unsigned exp = unsigned(u >> 10) & 0x1F, mant = unsigned(u) & 0x3FF;
    if (exp == 31) return false;
    d = exp == 0 ? std::ldexp(double(mant), -24) : std::ldexp(double(mant | 0x400), int(exp) - 25);
    if (u & 0x8000) d = -d;
  }
  if (!std::isfinite(d)) return false;
  *out = d;
  return true;
}

Uint get_utf8(const uint8_t* base, Uint pos, Uint avail, uint32_t* cp) {
  if (avail < 8) return 0;
  uint8_t b[4];
  b[0] = uint8_t(get_bits64(base, pos, 8));
  if (b[0] < 0x80) { *cp = b[0]; return 8; }
  // The bytes may start at any bit: take up to four, then decode them strictly.
  size_t n = size_t(std::min<Uint>(avail / 8, 4));
  for (size_t i = 1; i < n; ++i) b[i] = uint8_t(get_bits64(base, pos + 8 * i, 8));
  size_t len = decode_utf8(b, n, cp);
  return len == 0 || len == UTF8_TRUNCATED ? 0 : 8 * len;
}

Uint get_utf16(const uint8_t* base, Uint pos, Uint avail, unsigned flags, uint32_t* cp) {
  if (avail < 16) return 0;
  auto unit = [&](Uint at) {
    uint64_t u = get_bits64(base, at, 16);
    return uint32_t((flags & BSF_LITTLE) ? little_to_value(u, 16) : u);
  };
  uint32_t w1 = unit(pos);
  if (w1 < 0xD800 || w1 > 0xDFFF) { *cp = w1; return 16; }
  if (w1 > 0xDBFF || avail < 32) return 0;
  uint32_t w2 = unit(pos + 16);
  if (w2 < 0xDC00 || w2 > 0xDFFF) return 0;
  *cp = 0x10000 + ((w1 - 0xD800) << 10) + (w2 - 0xDC00);
  return 32;
}

Uint get_utf32(const uint8_t* base, Uint pos, Uint avail, unsigned flags, uint32_t* cp) {
  if (avail < 32) return 0;
  uint64_t u = get_bits64(base, pos, 32);
  if (flags & BSF_LITTLE) u = little_to_value(u, 32);
  if (u > 0x10FFFF || (u >= 0xD800 && u <= 0xDFFF)) return 0;
  *cp = uint32_t(u);
  return 32;
}

// --- instruction bodies -----------------------------------------------------------------------
// Out of line on purpose: a handler that both collects and calls keeps GCC from giving every
// handler its own dispatch jump, which costs the whole interpreter (see interp_bits.inc).

namespace {

// Makes `words` heap words free, collecting with `live` roots.
inline void ensure_heap(Process* p, Uint words, unsigned live) {
  if (Uint(p->stop - p->htop) < words + STACK_RESERVE) p->collect(words, live);
}

}  // namespace

Term bs_start_match(Process* p, Term src, unsigned live) {
  Term orig;
  Uint off, bits;
  if (!bits_of(src, &orig, &off, &bits)) return NON_VALUE;
  if (Uint(p->stop - p->htop) < MATCH_STATE_WORDS + STACK_RESERVE) {
    p->x[live] = src;  // the source may lie outside the live registers: keep it a root
    p->collect(MATCH_STATE_WORDS, live + 1);
    bits_of(p->x[live], &orig, &off, &bits);
  }
  Term* m = p->alloc(MATCH_STATE_WORDS);
  m[0] = make_header(MATCH_STATE_WORDS - 1, Subtag::MatchState);
  m[1] = off;
  m[2] = off + bits;
  m[3] = orig;
  return make_boxed(m);
}

Term bs_get_tail(Process* p, Word ctx, unsigned live) {
  ensure_heap(p, SUB_BINARY_MAX_WORDS, live);
  Term ms = bs_src(p, ctx);
  Term r = make_sub_binary(*p, ms_orig(ms), ms_pos(ms), ms_end(ms) - ms_pos(ms));
  return r != NON_VALUE ? r : p->raise(ExcKind::Error, atom::system_limit);
}

Term bs_get_integer(Process* p, Word ctx, unsigned live, Uint bits, unsigned flags) {
  {
    Term ms = bs_src(p, ctx);
    if (ms_end(ms) - ms_pos(ms) < bits) return NON_VALUE;
  }
  ensure_heap(p, get_integer_words(bits), live);
  Term ms = bs_src(p, ctx);
  Term r = get_integer(*p, orig_bytes(ms_orig(ms)), ms_pos(ms), bits, flags);
  ms_pos(ms) += bits;
  return r;
}

Term bs_get_float(Process* p, Word ctx, unsigned live, Uint bits, unsigned flags) {
  double d = 0.0;
  {
    Term ms = bs_src(p, ctx);
    if (ms_end(ms) - ms_pos(ms) < bits) return NON_VALUE;
    if (bits != 0 && ((bits != 16 && bits != 32 && bits != 64) ||
                      !get_float(orig_bytes(ms_orig(ms)), ms_pos(ms), unsigned(bits), flags, &d)))
      return NON_VALUE;
  }
  ensure_heap(p, FLOAT_WORDS, live);
  ms_pos(bs_src(p, ctx)) += bits;
  return write_float(p->alloc(FLOAT_WORDS), d);
}

Term bs_get_binary(Process* p, Word ctx, unsigned live, Uint bits) {
  ensure_heap(p, SUB_BINARY_MAX_WORDS, live);
  Term ms = bs_src(p, ctx);
  Term r = make_sub_binary(*p, ms_orig(ms), ms_pos(ms), bits);
  if (r == NON_VALUE) return p->raise(ExcKind::Error, atom::system_limit);
  ms_pos(ms) += bits;
  return r;
}

}  // namespace beamrun
