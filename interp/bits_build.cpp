// bits_build.cpp - constructing binaries: putting integers, floats, code points and bits, the
// bs_create_bin engine, and appending to writable binaries (term/binary.h explains those).
#include <cmath>
#include <cstring>
#include <vector>

#include "interp/bits.h"
#include "process/arith.h"
#include "process/runtime.h"
#include "term/bignum.h"
#include "term/map.h"
#include "term/utf8.h"

namespace beamrun {

// --- putting values -------------------------------------------------------------------------------

void put_uint64(uint8_t* dst, Uint off, uint64_t v, unsigned bits, unsigned flags) {
  uint8_t buf[9];
  if (flags & BSF_LITTLE) {
    // Bytes from the least significant end, then the top bits % 8 bits left-aligned.
    unsigned full = bits / 8, r = bits % 8;
    for (unsigned i = 0; i < full; ++i) buf[i] = uint8_t(v >> (8 * i));
    if (r) buf[full] = uint8_t(((v >> (8 * full)) & ((1u << r) - 1)) << (8 - r));
    copy_bits(dst, off, buf, 0, bits);
    return;
  }
  if (((off | bits) & 7) == 0) {  // the common case: whole bytes on a byte boundary
    uint8_t* d = dst + off / 8;
    for (unsigned i = bits / 8; i-- > 0;) {
      *d++ = uint8_t(v >> (8 * i));
    }
    return;
  }
  uint64_t left = bits == 64 ? v : v << (64 - bits);
  for (unsigned i = 0; i < 8; ++i) buf[i] = uint8_t(left >> (56 - 8 * i));
  copy_bits(dst, off, buf, 0, bits);
}

void put_integer(uint8_t* dst, Uint off, Term v, Uint bits, unsigned flags) {
  if (bits == 0) return;
  if (is_small(v) && bits <= 64) {
    put_uint64(dst, off, uint64_t(small_value(v)), unsigned(bits), flags);
    return;
  }
  // The value modulo 2^bits as little-endian bytes, two's complement for negatives.
  Uint nbytes = (bits + 7) / 8;
  std::vector<uint8_t> le(nbytes, 0);
  IntView iv(v);
  for (Uint i = 0; i < nbytes && i / 8 < iv.n; ++i) le[i] = uint8_t(iv.limbs[i / 8] >> (8 * (i % 8)));
  if (iv.neg) {
    unsigned carry = 1;
    for (Uint i = 0; i < nbytes; ++i) {
      unsigned b = unsigned(uint8_t(~le[i])) + carry;
      le[i] = uint8_t(b);
      carry = b >> 8;
    }
  }
  unsigned r = unsigned(bits % 8);
  if (r) le[nbytes - 1] &= uint8_t((1u << r) - 1);
  if (flags & BSF_LITTLE) {
    if (r) le[nbytes - 1] = uint8_t(le[nbytes - 1] << (8 - r));
    copy_bits(dst, off, le.data(), 0, bits);
    return;
  }
  std::vector<uint8_t> be(le.rbegin(), le.rend());
  copy_bits(dst, off, be.data(), nbytes * 8 - bits, bits);
}

namespace {

// IEEE binary16 bits of d, rounding to nearest even; too large values become infinity.
uint16_t double_to_half(double d) {
  uint64_t b;
  std::memcpy(&b, &d, sizeof b);
  uint16_t sign = uint16_t((b >> 48) & 0x8000);
  int exp = int((b >> 52) & 0x7FF);
  uint64_t mant = b & ((uint64_t(1) << 52) - 1);
  if (exp == 0x7FF) return uint16_t(sign | 0x7C00 | (mant ? 0x200 : 0));
  int e = exp - 1023 + 15;
  if (e >= 31) return uint16_t(sign | 0x7C00);
  uint64_t m = mant | (uint64_t(1) << 52);  // 53 significant bits
  int drop = e > 0 ? 42 : 42 + 1 - e;      // bits to drop: normal keeps 11 (with the hidden one)
  if (exp == 0 || drop > 53) return sign;  // below half the smallest subnormal: zero
  uint64_t kept = m >> drop;
  uint64_t rest = m & ((uint64_t(1) << drop) - 1);
  uint64_t half = uint64_t(1) << (drop - 1);
  if (rest > half || (rest == half && (kept & 1))) ++kept;
  if (e > 0) {
    // kept holds the hidden bit at 2^10; a carry to 2^11 moves up one exponent.
    if (kept >> 11) { kept >>= 1; ++e; }
    if (e >= 31) return uint16_t(sign | 0x7C00);
    return uint16_t(sign | (e << 10) | (kept & 0x3FF));
  }
  return uint16_t(sign | kept);  // subnormal (a carry into 2^10 makes it the smallest normal)
}

}  // namespace

void put_float(uint8_t* dst, Uint off, double d, unsigned bits, unsigned flags) {
  uint64_t v;
  if (bits == 64) {
    std::memcpy(&v, &d, sizeof v);
  } else if (bits == 32) {
    float f = float(d);
    uint32_t u;
    std::memcpy(&u, &f, sizeof u);
    v = u;
  } else {
    v = double_to_half(d);
  }
  put_uint64(dst, off, v, bits, flags);
}

unsigned utf8_length(Term v) {
  if (!valid_code_point(v)) return 0;
  Sint c = small_value(v);
  return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

unsigned utf16_length(Term v) {
  if (!valid_code_point(v)) return 0;
  return small_value(v) < 0x10000 ? 2 : 4;
}

Uint put_utf8(uint8_t* dst, Uint off, uint32_t cp) {
  uint8_t buf[4];
  size_t n = encode_utf8(buf, cp);
  copy_bits(dst, off, buf, 0, n * 8);
  return n * 8;
}

Uint put_utf16(uint8_t* dst, Uint off, uint32_t cp, unsigned flags) {
  if (cp < 0x10000) {
    put_uint64(dst, off, cp, 16, flags);
    return 16;
  }
  uint32_t c = cp - 0x10000;
  put_uint64(dst, off, 0xD800 | (c >> 10), 16, flags);
  put_uint64(dst, off + 16, 0xDC00 | (c & 0x3FF), 16, flags);
  return 32;
}

Uint put_utf32(uint8_t* dst, Uint off, uint32_t cp, unsigned flags) {
  put_uint64(dst, off, cp, 32, flags);
  return 32;
}

// --- errors ---------------------------------------------------------------------------------------

Term bs_construct_error(Process* p, Term reason, unsigned segno, const char* type, const char* error, Term value) {
  AtomTable& atoms = p->vm().atoms();
  Term* c = p->alloc(5);
  c[0] = make_tuple_header(4);
  c[1] = make_small(segno);
  c[2] = atoms.intern(type);
  c[3] = atoms.intern(error);
  c[4] = value;
  Term cause = make_boxed(c);
  Term keys[3] = {atoms.intern("cause"), atom::function, atom::module};
  Term values[3] = {cause, atoms.intern("format_bs_fail"), atom::erl_erts_errors};
  Term info = map_from_pairs(*p, keys, values, 3, atoms);
  Term* t = p->alloc(3);
  t[0] = make_tuple_header(2);
  t[1] = atom::error_info;
  t[2] = info;
  p->raise(ExcKind::Error, reason);
  p->exc_pc_extra = make_boxed(t);  // joins the location of the failing function's frame
  return NON_VALUE;
}

// --- appending ------------------------------------------------------------------------------------

namespace {

inline bool heap_has(const Process* p, Uint words) { return Uint(p->stop - p->htop) >= words + STACK_RESERVE; }

inline Term write_sub(Process* p, Term orig, Uint offset, Uint size) {
  Term* s = p->alloc(SUB_BIN_WORDS);
  s[0] = make_header(SUB_BIN_WORDS - 1, Subtag::SubBin);
  s[1] = size;
  s[2] = offset;
  s[3] = orig;
  return make_boxed(s);
}

// Clears the bits after bit `end` in its byte, so bitstrings end in zero padding.
inline void clear_tail(uint8_t* data, Uint end) {
  if (end % 8) data[end / 8] &= uint8_t(0xFF00 >> (end % 8));
}

// Words append_target may allocate.
constexpr Uint APPEND_WORDS = SUB_BIN_WORDS + REFC_BIN_WORDS;

// Makes room for `extra` bits after the bitstring `acc` and returns the result (a SubBin of a
// writable blob holding acc's bits and room for the extra ones); *dst/*doff say where the extra
// bits go. In place when acc ends where its writable blob's terms end (term/binary.h), else acc is
// copied into a new blob with spare room. NON_VALUE when memory runs out.
Term append_target(Process* p, Term acc, Uint extra, uint8_t** dst, Uint* doff) {
  Term orig = NON_VALUE;
  Uint off = 0, bits = 0;
  bits_of(acc, &orig, &off, &bits);  // callers checked that acc is a bitstring
  Uint end = off + bits, new_end = end + extra;
  if (is_refc_binary(orig)) {
    Term* h = boxed_ptr(orig);
    BinaryBlob* b = refc_blob(h);
    // A byte-sized result must start on a byte (the SubBin invariant of binary.h).
    bool aligned_ok = off % 8 == 0 || (bits + extra) % 8 != 0;
    if ((b->flags & BinaryBlob::WRITABLE) && b->used_bits == end && aligned_ok &&
        b->refc.load(std::memory_order_acquire) == 1) {
      Uint need = (new_end + 7) / 8;
      if (need > b->capacity) {
        size_t old = b->capacity;
        BinaryBlob* nb = blob_realloc(b, 2 * need);
        if (nb == nullptr) return NON_VALUE;
        b = nb;
        h[2] = reinterpret_cast<Word>(b);
        h[3] = reinterpret_cast<Word>(b->data());
        p->bin_vheap += b->capacity - old;
      }
      b->used_bits = new_end;  // the handle's byte size stays: it is a term too (term/binary.h)
      clear_tail(b->data(), new_end);
      *dst = b->data();
      *doff = end;
      return write_sub(p, orig, off, bits + extra);
    }
  }
  Uint total = bits + extra;
  Uint bytes = (total + 7) / 8;
  BinaryBlob* b = blob_alloc(bytes * 2 < 256 ? 256 : bytes * 2, p->vm().blob_counter());
  if (b == nullptr) return NON_VALUE;
  b->flags = BinaryBlob::WRITABLE;
  b->used_bits = total;
  copy_bits(b->data(), 0, orig_bytes(orig), off, bits);
  clear_tail(b->data(), total);
  Term h = make_refc_handle(*p, b, bytes);
  *dst = b->data();
  *doff = bits;
  return write_sub(p, h, 0, total);
}

// Heap words of a fresh bitstring of `bits` bits.
inline Uint bitstring_words(Uint bits) {
  Uint bytes = (bits + 7) / 8;
  Uint w = bytes <= HEAP_BIN_LIMIT ? heap_binary_words(bytes) : REFC_BIN_WORDS;
  return bits % 8 ? w + SUB_BIN_WORDS : w;
}

// Makes `need` words free (and collects when the off-heap binaries are due), with `live` roots.
inline void bs_ensure(Process* p, Uint need, unsigned live) {
  if (!heap_has(p, need) || p->bin_vheap_full()) p->collect(need, live);
}

const char* const seg_type_names[] = {"integer", "float", "binary", "string", "utf8", "utf16", "utf32", "binary", "binary"};

// Bits of a segment of explicit size: 0 ok, else the error (badarg or system_limit).
inline Term size_bits(Term size, unsigned unit, Uint* bits) {
  if (is_small(size)) {
    Sint v = small_value(size);
    if (v < 0) return atom::badarg;
    // A multiply with an overflow check, not a division: this runs for every sized segment.
    Uint b;
    if (__builtin_mul_overflow(Uint(v), Uint(unit), &b) || b > BS_MAX_BITS) return atom::system_limit;
    *bits = b;
    return NON_VALUE;
  }
  if (is_bignum(size)) return header_subtag(boxed_header(size)) == Subtag::PosBig ? atom::system_limit : atom::badarg;
  return atom::badarg;
}

}  // namespace

// --- bs_create_bin --------------------------------------------------------------------------------

Term bs_create_bin(Process* p, const Word* segs, unsigned count, unsigned live, Uint alloc) {
  // Pass 1: the size of every segment (sizes and `all` binaries are checked here, as in BEAM).
  Uint small_bits[16];
  std::vector<Uint> big_bits;
  Uint* bits = small_bits;
  if (count > 16) {
    big_bits.resize(count);
    bits = big_bits.data();
  }
  Uint total = 0;
  int append_at = -1;
  for (unsigned i = 0; i < count; ++i) {
    const Word* s = segs + BS_SEG_WORDS * i;
    BsSeg kind = BsSeg(s[0] & 0xFF);
    unsigned unit = unsigned(s[0] >> 16) & 0xFFFF, segno = unsigned(s[0] >> 32);
    Term v = bs_src(p, s[1]);
    Uint b = 0;
    switch (kind) {
      case BsSeg::Integer:
      case BsSeg::Float:
      case BsSeg::Binary: {
        Term size = bs_src(p, s[2]);
        if (kind == BsSeg::Binary && size == atom::all) {
          Term o;
          Uint off;
          if (!bits_of(v, &o, &off, &b)) return bs_construct_error(p, atom::badarg, segno, "binary", "type", v);
        } else if (Term err = size_bits(size, unit, &b); err != NON_VALUE) {
          return bs_construct_error(p, err, segno, seg_type_names[unsigned(kind)], "size", size);
        }
        break;
      }
      case BsSeg::String: b = Uint(small_value(s[2])) * 8; break;
      case BsSeg::Utf8: b = utf8_length(v) * 8; break;
      case BsSeg::Utf16: b = utf16_length(v) * 8; break;
      case BsSeg::Utf32: b = 32; break;
      case BsSeg::Append:
      case BsSeg::PrivateAppend: append_at = int(i); break;
    }
    bits[i] = b;
    total += b;
    if (total > BS_MAX_BITS)
      return bs_construct_error(p, atom::system_limit, segno, seg_type_names[unsigned(kind)], "size", bs_src(p, s[2]));
  }

  // The binary appended to must be a bitstring of the segment's unit.
  if (append_at >= 0) {
    const Word* s = segs + BS_SEG_WORDS * append_at;
    unsigned unit = unsigned(s[0] >> 16) & 0xFFFF, segno = unsigned(s[0] >> 32);
    Term acc = bs_src(p, s[1]), o;
    Uint off, n;
    if (!bits_of(acc, &o, &off, &n)) return bs_construct_error(p, atom::badarg, segno, "binary", "type", acc);
    bool misfit = (unit & (unit - 1)) == 0 ? (n & (unit - 1)) != 0 : n % unit != 0;
    if (unit > 1 && misfit) return bs_construct_error(p, atom::badarg, segno, "binary", "unit", acc);
  }

  // Room for the result and what follows, then the result's storage.
  bs_ensure(p, alloc + (append_at >= 0 ? APPEND_WORDS : bitstring_words(total)), live);
  uint8_t* dst;
  Uint off = 0;
  Term result = append_at >= 0 ? append_target(p, bs_src(p, segs[BS_SEG_WORDS * append_at + 1]), total, &dst, &off)
                               : make_bitstring_uninit(*p, total, &dst);
  if (result == NON_VALUE) return p->raise(ExcKind::Error, atom::system_limit);

  // Pass 2: the values, in order (sources are read again: a collection may have moved them).
  for (unsigned i = 0; i < count; ++i) {
    const Word* s = segs + BS_SEG_WORDS * i;
    BsSeg kind = BsSeg(s[0] & 0xFF);
    unsigned flags = unsigned(s[0] >> 8) & 0xFF, unit = unsigned(s[0] >> 16) & 0xFFFF, segno = unsigned(s[0] >> 32);
    Term v = bs_src(p, s[1]);
    Uint b = bits[i];
    switch (kind) {
      case BsSeg::Integer:
        if (!is_integer(v)) return bs_construct_error(p, atom::badarg, segno, "integer", "type", v);
        put_integer(dst, off, v, b, flags);
        break;
      case BsSeg::Float: {
        if (b != 16 && b != 32 && b != 64)
          return bs_construct_error(p, atom::badarg, segno, "float", "invalid", make_small(Sint(b)));
        double d;
        bool ok = number_to_double(v, &d);
        if (!is_number(v)) return bs_construct_error(p, atom::badarg, segno, "float", "type", v);
        // A bignum beyond the range of doubles has no float.
        if (!ok || !std::isfinite(d)) return bs_construct_error(p, atom::badarg, segno, "float", "no_float", v);
        put_float(dst, off, d, unsigned(b), flags);
        break;
      }
      case BsSeg::Binary: {
        Term o;
        Uint soff, n;
        if (!bits_of(v, &o, &soff, &n)) return bs_construct_error(p, atom::badarg, segno, "binary", "type", v);
        if (bs_src(p, s[2]) == atom::all) {
          if (unit > 1 && n % unit) return bs_construct_error(p, atom::badarg, segno, "binary", "unit", v);
        } else if (n < b) {
          return bs_construct_error(p, atom::badarg, segno, "binary", "short", v);
        }
        copy_bits(dst, off, orig_bytes(o), soff, b);
        break;
      }
      case BsSeg::String: copy_bits(dst, off, orig_bytes(v), 0, b); break;
      case BsSeg::Utf8:
        if (!b) return bs_construct_error(p, atom::badarg, segno, "utf8", "type", v);
        put_utf8(dst, off, uint32_t(small_value(v)));
        break;
      case BsSeg::Utf16:
        if (!b) return bs_construct_error(p, atom::badarg, segno, "utf16", "type", v);
        put_utf16(dst, off, uint32_t(small_value(v)), flags);
        break;
      case BsSeg::Utf32:
        if (!valid_code_point(v)) return bs_construct_error(p, atom::badarg, segno, "utf32", "type", v);
        put_utf32(dst, off, uint32_t(small_value(v)), flags);
        break;
      case BsSeg::Append:
      case BsSeg::PrivateAppend: break;
    }
    off += b;
  }
  return result;
}

// --- the pre-OTP-25 construction instructions -------------------------------------------------------

namespace {

// The bs_put_* that follow write `bits` bits at dst/off, and nothing else (RegisterFile).
void open_bs_put(Process* p, uint8_t* dst, Uint off, Uint bits) {
  p->regs->bs_put_base = dst;
  p->regs->bs_put_offset = off;
  p->regs->bs_put_end = off + bits;
  p->regs->bs_put_collections = p->collections();
}

// bin extended by `bits` bits for the bs_put_* that follow (in place when it can be).
Term append_and_open(Process* p, Term bin, Uint bits) {
  uint8_t* dst;
  Uint doff;
  Term r = append_target(p, bin, bits, &dst, &doff);
  if (r == NON_VALUE) return p->raise(ExcKind::Error, atom::system_limit);
  open_bs_put(p, dst, doff, bits);
  return r;
}

}  // namespace

Term bs_init(Process* p, Uint bits, unsigned live, Uint alloc) {
  if (bits > BS_MAX_BITS) return p->raise(ExcKind::Error, atom::system_limit);
  bs_ensure(p, alloc + bitstring_words(bits), live);
  uint8_t* dst;
  Term r = make_bitstring_uninit(*p, bits, &dst);
  if (r == NON_VALUE) return p->raise(ExcKind::Error, atom::system_limit);
  open_bs_put(p, dst, 0, bits);
  return r;
}

Term bs_append(Process* p, Term bin, Uint bits, unsigned unit, unsigned live, Uint alloc) {
  Term o;
  Uint off, n;
  if (!bits_of(bin, &o, &off, &n) || (unit > 1 && n % unit)) return p->raise(ExcKind::Error, atom::badarg);
  if (bits > BS_MAX_BITS) return p->raise(ExcKind::Error, atom::system_limit);
  if (!heap_has(p, alloc + APPEND_WORDS) || p->bin_vheap_full()) {
    p->x[live] = bin;  // a root while collecting
    p->collect(alloc + APPEND_WORDS, live + 1);
    bin = p->x[live];
  }
  return append_and_open(p, bin, bits);
}

Term bs_private_append(Process* p, Term bin, Uint bits, unsigned unit) {
  Term o;
  Uint off, n;
  if (!bits_of(bin, &o, &off, &n) || (unit > 1 && n % unit)) return p->raise(ExcKind::Error, atom::badarg);
  if (bits > BS_MAX_BITS) return p->raise(ExcKind::Error, atom::system_limit);
  return append_and_open(p, bin, bits);
}

Term bs_init_writable(Process* p, Term size) {
  Uint cap = is_small(size) && small_value(size) >= 0 ? Uint(small_value(size)) : 1024;
  bs_ensure(p, APPEND_WORDS, 0);
  BinaryBlob* b = blob_alloc(cap, p->vm().blob_counter());
  if (b == nullptr) return p->raise(ExcKind::Error, atom::system_limit);
  b->flags = BinaryBlob::WRITABLE;
  b->used_bits = 0;
  Term h = make_refc_handle(*p, b, 0);
  return write_sub(p, h, 0, 0);
}

}  // namespace beamrun
