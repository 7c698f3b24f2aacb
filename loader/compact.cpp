// compact.cpp - the compact term encoding of .beam operands (drawn in loader/genop.h).
#include "loader/compact.h"

#include <cstring>

#include "etf/decode.h"

namespace beamrun {

const char* compact_tag_name(CompactTag tag) {
  static const char* const names[] = {"u", "i", "a", "x", "y", "f", "h", "z"};
  return names[uint8_t(tag) & 7];
}

// --- ByteReader ---------------------------------------------------------------------------

void ByteReader::fail_at(size_t at, const std::string& what) const {
  throw BeamError(where_ + " at offset " + std::to_string(at) + ": " + what);
}

uint8_t ByteReader::u8() {
  if (remaining() < 1) fail("truncated: need 1 more byte");
  return data_[pos_++];
}

uint16_t ByteReader::u16() {
  const uint8_t* p = bytes(2);
  return uint16_t(p[0] << 8 | p[1]);
}

uint32_t ByteReader::u32() {
  const uint8_t* p = bytes(4);
  return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | uint32_t(p[3]);
}

const uint8_t* ByteReader::bytes(size_t n) {
  if (remaining() < n) fail("truncated: need " + std::to_string(n) + " bytes, " + std::to_string(remaining()) + " left");
  const uint8_t* p = data_ + pos_;
  pos_ += n;
  return p;
}

// --- raw tagged numbers ---------------------------------------------------------------------

namespace {

// `nested` is set while reading the length prefix of a big number, which may not itself be
// length-prefixed: a chain of prefixes would otherwise recurse once per input byte.
RawCompact read_raw(ByteReader& r, bool nested) {
  size_t at = r.offset();
  uint8_t b = r.u8();
  RawCompact raw;
  raw.tag = CompactTag(b & 7);
  if ((b & 0x08) == 0) {  // 4-bit value in the high nibble
    raw.value = b >> 4;
    return raw;
  }
  if ((b & 0x10) == 0) {  // 11-bit value: 3 high bits here, 8 in the next byte
    raw.value = uint64_t(b >> 5) << 8 | r.u8();
    return raw;
  }
  size_t n = b >> 5;
  if (n < 7) {
    n += 2;
  } else {  // length given by a nested `u` operand, plus 9
    if (nested) r.fail_at(at, "length prefix of a big number is itself length-prefixed");
    RawCompact len = read_raw(r, true);
    if (len.tag != CompactTag::U || len.big) r.fail_at(at, "bad length prefix of a big number");
    if (len.value > r.remaining()) r.fail_at(at, "big number longer than the remaining bytes");
    n = size_t(len.value) + 9;
  }
  const uint8_t* p = r.bytes(n);
  if (raw.tag == CompactTag::I) {
    if (n <= 8) {  // sign-extend the n-byte two's complement number
      uint64_t v = (p[0] & 0x80) ? ~uint64_t(0) : 0;
      for (size_t i = 0; i < n; i++) v = v << 8 | p[i];
      raw.value = v;
      return raw;
    }
  } else {  // unsigned: leading zero bytes carry nothing
    size_t skip = 0;
    while (skip < n && p[skip] == 0) skip++;
    if (n - skip <= 8) {
      uint64_t v = 0;
      for (size_t i = skip; i < n; i++) v = v << 8 | p[i];
      raw.value = v;
      return raw;
    }
  }
  raw.big = true;
  raw.bytes = p;
  raw.nbytes = n;
  return raw;
}

}  // namespace

RawCompact read_compact(ByteReader& r) { return read_raw(r, false); }

uint64_t read_compact_u(ByteReader& r, const char* what) {
  size_t at = r.offset();
  RawCompact raw = read_compact(r);
  if (raw.tag != CompactTag::U)
    r.fail_at(at, std::string(what) + ": expected a u operand, found " + compact_tag_name(raw.tag));
  if (raw.big) r.fail_at(at, std::string(what) + ": number too large");
  return raw.value;
}

namespace {

// The integer raw denotes, as two's complement (`i`) or unsigned (`u`): a small, or a bignum
// allocated in `alloc`.
Term raw_integer(const RawCompact& raw, bool is_signed, WordAllocator& alloc) {
  if (!raw.big) {
    Sint v = Sint(raw.value);
    if (is_signed ? fits_small(v) : raw.value <= uint64_t(MAX_SMALL)) return make_small(v);
    bool negative = is_signed && v < 0;
    uint64_t mag = negative ? 0 - raw.value : raw.value;
    uint8_t le[8];
    for (int i = 0; i < 8; i++) le[i] = uint8_t(mag >> (8 * i));
    return make_integer_le(le, 8, negative, alloc);
  }
  // Big-endian -> little-endian; two's complement -> magnitude when signed and negative.
  size_t n = raw.nbytes;
  bool negative = is_signed && (raw.bytes[0] & 0x80);
  std::vector<uint8_t> le(n);
  for (size_t i = 0; i < n; i++) le[i] = raw.bytes[n - 1 - i];
  if (negative) {
    unsigned carry = 1;
    for (size_t i = 0; i < n; i++) {
      unsigned x = unsigned(uint8_t(~le[i])) + carry;
      le[i] = uint8_t(x);
      carry = x >> 8;
    }
  }
  return make_integer_le(le.data(), n, negative, alloc);
}

}  // namespace

Term compact_integer(const RawCompact& raw, WordAllocator& alloc) { return raw_integer(raw, true, alloc); }
Term compact_unsigned(const RawCompact& raw, WordAllocator& alloc) { return raw_integer(raw, false, alloc); }

// --- operands -------------------------------------------------------------------------------

namespace {

uint32_t small_index(ByteReader& r, size_t at, const RawCompact& raw, uint64_t limit, const char* what) {
  if (raw.big || raw.value >= limit)
    r.fail_at(at, std::string(what) + " " + (raw.big ? std::string("(huge)") : std::to_string(raw.value)) +
                      " out of range (limit " + std::to_string(limit) + ")");
  return uint32_t(raw.value);
}

Operand register_operand(ByteReader& r, size_t at, const RawCompact& raw) {
  Operand op;
  op.kind = raw.tag == CompactTag::X ? Operand::Kind::XReg : Operand::Kind::YReg;
  op.index = small_index(r, at, raw, MAX_REG, raw.tag == CompactTag::X ? "x register" : "y register");
  return op;
}

Operand decode(ByteReader& r, const OperandContext& ctx, bool in_list);

Operand extended(ByteReader& r, const OperandContext& ctx, size_t at, const RawCompact& raw, bool in_list) {
  if (raw.big) r.fail_at(at, "unknown extended operand (huge)");
  Operand op;
  switch (raw.value) {
    case 0: {  // float literal, written by compilers before R16B
      if (!ctx.literal_alloc) r.fail_at(at, "float literal operand needs a literal area");
      const uint8_t* p = r.bytes(8);
      uint64_t bits = 0;
      for (int i = 0; i < 8; i++) bits = bits << 8 | p[i];
      double d;
      std::memcpy(&d, &bits, sizeof d);
      op.kind = Operand::Kind::Literal;
      op.term = write_float(ctx.literal_alloc->alloc_words(FLOAT_WORDS), d);
      return op;
    }
    case 1: {  // list of operands
      if (in_list) r.fail_at(at, "list operand nested in a list");
      uint64_t n = read_compact_u(r, "list length");
      if (n > r.remaining()) r.fail_at(at, "list of " + std::to_string(n) + " operands exceeds the remaining bytes");
      op.kind = Operand::Kind::List;
      op.index = uint32_t(n);
      op.value = n;
      op.list.reserve(n);
      for (uint64_t i = 0; i < n; i++) op.list.push_back(decode(r, ctx, true));
      return op;
    }
    case 2: {  // float register
      RawCompact reg = read_compact(r);
      if (reg.tag != CompactTag::U) r.fail_at(at, "float register number must be a u operand");
      op.kind = Operand::Kind::FloatReg;
      op.index = small_index(r, at, reg, MAX_REG, "float register");
      return op;
    }
    case 3: {  // allocation list: (kind, count) pairs
      uint64_t n = read_compact_u(r, "allocation list length");
      if (n > 3) r.fail_at(at, "allocation list of " + std::to_string(n) + " entries (at most 3)");
      op.kind = Operand::Kind::AllocList;
      op.index = uint32_t(n);
      op.value = n;
      for (uint64_t i = 0; i < n; i++) {
        uint64_t kind = read_compact_u(r, "allocation kind");
        uint64_t count = read_compact_u(r, "allocation count");
        if (kind > 2) r.fail_at(at, "unknown allocation kind " + std::to_string(kind));
        if (count > UINT32_MAX) r.fail_at(at, "allocation count too large");
        for (uint64_t v : {kind, count}) {
          Operand u;
          u.kind = Operand::Kind::Untagged;
          u.value = v;
          u.index = uint32_t(v);
          op.list.push_back(u);
        }
      }
      return op;
    }
    case 4: {  // literal
      uint64_t i = read_compact_u(r, "literal index");
      size_t count = ctx.literals ? ctx.literals->size() : 0;
      if (i >= count)
        r.fail_at(at, "literal index " + std::to_string(i) + " out of range (" + std::to_string(count) + " literals)");
      op.kind = Operand::Kind::Literal;
      op.index = uint32_t(i);
      op.term = (*ctx.literals)[i];
      return op;
    }
    case 5: {  // register with a type (OTP 25+)
      size_t reg_at = r.offset();
      RawCompact reg = read_compact(r);
      if (reg.tag != CompactTag::X && reg.tag != CompactTag::Y)
        r.fail_at(reg_at, "typed register must be x or y, found " + std::string(compact_tag_name(reg.tag)));
      op = register_operand(r, reg_at, reg);
      uint64_t type = read_compact_u(r, "type index");
      if (ctx.type_count >= 0 && type >= uint64_t(ctx.type_count))
        r.fail_at(at, "type index " + std::to_string(type) + " out of range (" + std::to_string(ctx.type_count) + " types)");
      if (type > INT32_MAX) r.fail_at(at, "type index too large");
      op.type_index = int32_t(type);
      return op;
    }
    default:
      r.fail_at(at, "unknown extended operand z" + std::to_string(raw.value));
  }
}

Operand decode(ByteReader& r, const OperandContext& ctx, bool in_list) {
  size_t at = r.offset();
  RawCompact raw = read_compact(r);
  Operand op;
  switch (raw.tag) {
    case CompactTag::U:
      if (raw.big) {
        if (!ctx.literal_alloc) r.fail_at(at, "u operand larger than 64 bits needs a literal area");
        op.kind = Operand::Kind::Overflow;
        op.term = compact_unsigned(raw, *ctx.literal_alloc);
        return op;
      }
      op.kind = Operand::Kind::Untagged;
      op.value = raw.value;
      op.index = raw.value > UINT32_MAX ? UINT32_MAX : uint32_t(raw.value);
      return op;
    case CompactTag::I:
      if (!ctx.literal_alloc && (raw.big || !fits_small(Sint(raw.value))))
        r.fail_at(at, "big integer operand needs a literal area");
      op.kind = Operand::Kind::Integer;
      op.term = ctx.literal_alloc ? compact_integer(raw, *ctx.literal_alloc) : make_small(Sint(raw.value));
      return op;
    case CompactTag::A: {
      if (!raw.big && raw.value == 0) {
        op.kind = Operand::Kind::Nil;
        op.term = NIL;
        return op;
      }
      size_t count = ctx.atoms ? ctx.atoms->size() : 0;
      op.kind = Operand::Kind::Atom;
      op.index = small_index(r, at, raw, count, "atom index");
      op.term = (*ctx.atoms)[op.index];
      return op;
    }
    case CompactTag::X:
    case CompactTag::Y:
      return register_operand(r, at, raw);
    case CompactTag::F:
      op.kind = Operand::Kind::Label;
      if (raw.big || raw.value != 0) op.index = small_index(r, at, raw, ctx.label_count, "label");
      return op;
    case CompactTag::H:
      op.kind = Operand::Kind::Char;
      op.index = small_index(r, at, raw, 0x110000, "character");
      return op;
    case CompactTag::Z:
      return extended(r, ctx, at, raw, in_list);
  }
  r.fail_at(at, "unreachable tag");
}

}  // namespace

Operand decode_operand(ByteReader& r, const OperandContext& ctx) { return decode(r, ctx, false); }

}  // namespace beamrun
