// etf.cpp - external term format decoder. See etf.h for what is supported and why it is safe.
#include "etf/decode.h"

#include <zlib.h>

#include <algorithm>
#include <cstdlib>
#include <cmath>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "etf/encode.h"
#include "etf/tags.h"
#include "term/binary.h"
#include "term/export.h"
#include "term/map.h"
#include "term/term_order.h"
#include "term/utf8.h"

namespace beamrun {

namespace {

constexpr size_t MAX_ATOM_CHARS = 255;
constexpr size_t FLOAT_EXT_BYTES = 31;
constexpr uint32_t MAX_LOCAL_REF_WORDS = 3;
// zlib cannot expand data by more than about 1032:1; a larger claim is a lie.
constexpr size_t ZLIB_MAX_RATIO = 1032;

class Decoder {
 public:
  Decoder(const uint8_t* data, size_t len, EtfContext& ctx) : data_(data), len_(len), ctx_(ctx) {}

  // Decodes one complete term starting at the cursor.
  Term run() {
    Term result = NON_VALUE;
    push_slot(&result, 0);
    while (!stack_.empty()) {
      Task t = stack_.back();
      stack_.pop_back();
      if (t.finish_map) {
        finish_map(t);
      } else {
        pending_slots_--;
        decode_one(t.dest, t.depth);
      }
    }
    return result;
  }

  size_t pos() const { return pos_; }

 private:
  // Work still to do: fill one slot with the next term, or build a map whose keys and values
  // (in scratch_[scratch], keys first) are done.
  struct Task {
    Term* dest;
    uint32_t depth;
    bool finish_map;
    size_t scratch;
    uint32_t pairs;
  };

  [[noreturn]] void fail(const std::string& what) const {
    throw EtfError("external term format: " + what + " (at byte " + std::to_string(pos_) + ")");
  }

  size_t remaining() const { return len_ - pos_; }
  void need(size_t n) const {
    if (n > remaining()) fail("truncated input: need " + std::to_string(n) + " more bytes");
  }
  uint8_t u8() { need(1); return data_[pos_++]; }
  uint16_t u16() {
    need(2);
    uint16_t v = uint16_t(data_[pos_] << 8 | data_[pos_ + 1]);
    pos_ += 2;
    return v;
  }
  uint32_t u32() {
    need(4);
    uint32_t v = uint32_t(data_[pos_]) << 24 | uint32_t(data_[pos_ + 1]) << 16 |
                 uint32_t(data_[pos_ + 2]) << 8 | uint32_t(data_[pos_ + 3]);
    pos_ += 4;
    return v;
  }
  const uint8_t* bytes(size_t n) {
    need(n);
    const uint8_t* p = data_ + pos_;
    pos_ += n;
    return p;
  }

  // Every pending slot needs at least one byte, so a container of `n` more slots (or a blob
  // of n bytes) must fit in what is left after the slots already promised.
  void check_claim(uint64_t n, const char* what) const {
    if (n > remaining() || n + pending_slots_ > remaining())
      fail(std::string(what) + " of " + std::to_string(n) + " elements exceeds the remaining input");
  }

  Term* alloc(size_t words) { return ctx_.alloc.alloc_words(words); }

  void push_slot(Term* dest, uint32_t depth) {
    if (depth > ctx_.max_depth) fail("term nested deeper than " + std::to_string(ctx_.max_depth));
    stack_.push_back(Task{dest, depth, false, 0, 0});
    pending_slots_++;
  }

  Term intern(const std::string& utf8) {
    if (ctx_.existing_atoms_only) {
      Term a = ctx_.atoms.find(utf8);
      if (a == NON_VALUE) fail("atom does not exist (safe decoding)");
      return a;
    }
    try {
      Term a = ctx_.atoms.try_intern(utf8);
      if (a == NON_VALUE) fail("atom table full");
      return a;
    } catch (const std::length_error&) {
      fail("atom table full");
    }
  }

  // The atom of one of the four atom encodings whose tag was just read.
  Term atom_body(uint8_t tag) {
    size_t n = (tag == ATOM_EXT || tag == ATOM_UTF8_EXT) ? u16() : u8();
    const uint8_t* s = bytes(n);
    std::string text;
    if (tag == ATOM_EXT || tag == SMALL_ATOM_EXT) {
      if (n > MAX_ATOM_CHARS) fail("atom longer than 255 characters");
      for (size_t i = 0; i < n; i++) append_utf8(text, s[i]);  // Latin-1 to UTF-8
    } else {
      size_t chars = utf8_length(s, n);
      if (chars == SIZE_MAX) fail("atom is not valid UTF-8");
      if (chars > MAX_ATOM_CHARS) fail("atom longer than 255 characters");
      text.assign(reinterpret_cast<const char*>(s), n);
    }
    return intern(text);
  }

  Term atom_operand(const char* what) {
    uint8_t tag = u8();
    if (tag != ATOM_EXT && tag != SMALL_ATOM_EXT && tag != ATOM_UTF8_EXT && tag != SMALL_ATOM_UTF8_EXT)
      fail(std::string(what) + " must be an atom, found tag " + std::to_string(tag));
    return atom_body(tag);
  }

  Term make_float(double d) {
    if (!std::isfinite(d)) fail("float is not finite");
    return write_float(alloc(FLOAT_WORDS), d);
  }

  // FLOAT_EXT: printf text in 31 bytes, NUL-padded. BEAM accepts exactly
  // [+-]digits[.,]digits([eE][+-]digits)? and reads it with strtod: underflow gives 0.0 or a
  // subnormal, overflow is an error.
  Term old_float() {
    const uint8_t* s = bytes(FLOAT_EXT_BYTES);
    std::string text(reinterpret_cast<const char*>(s), strnlen(reinterpret_cast<const char*>(s), FLOAT_EXT_BYTES));
    size_t i = 0;
    auto digits = [&] {
      size_t from = i;
      while (i < text.size() && text[i] >= '0' && text[i] <= '9') i++;
      return i > from;
    };
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) i++;
    bool ok = digits() && i < text.size() && (text[i] == '.' || text[i] == ',');
    if (ok) {
      text[i++] = '.';
      ok = digits();
    }
    if (ok && i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
      i++;
      if (i < text.size() && (text[i] == '+' || text[i] == '-')) i++;
      ok = digits();
    }
    if (!ok || i != text.size()) fail("malformed FLOAT_EXT text");
    double d = std::strtod(text.c_str(), nullptr);
    if (std::isinf(d)) fail("FLOAT_EXT text out of range");
    return make_float(d);
  }

  Term new_float() {
    const uint8_t* s = bytes(8);
    uint64_t bits = 0;
    for (int i = 0; i < 8; i++) bits = bits << 8 | s[i];
    double d;
    std::memcpy(&d, &bits, sizeof d);
    return make_float(d);
  }

  Term big(size_t n) {
    uint8_t sign = u8();  // BEAM takes any non-zero sign byte as negative
    check_claim(n, "bignum");
    const uint8_t* digits = bytes(n);
    return make_integer_le(digits, n, sign != 0, ctx_.alloc);
  }

  void tuple(Term* dest, size_t arity, uint32_t depth) {
    check_claim(arity, "tuple");
    Term* t = alloc(arity + 1);
    t[0] = make_tuple_header(arity);
    for (size_t i = 1; i <= arity; i++) t[i] = NIL;  // every word valid even if we fail midway
    *dest = make_boxed(t);
    for (size_t i = arity; i >= 1; i--) push_slot(&t[i], depth + 1);
  }

  void list(Term* dest, uint64_t n, uint32_t depth) {
    check_claim(n + 1, "list");
    if (n == 0) {  // only the tail: the term is the tail itself
      push_slot(dest, depth);
      return;
    }
    Term* cells = alloc(2 * n);
    for (size_t i = 0; i < n; i++) {
      cells[2 * i] = NIL;
      cells[2 * i + 1] = i + 1 < n ? make_list(&cells[2 * i + 2]) : NIL;
    }
    *dest = make_list(cells);
    push_slot(&cells[2 * n - 1], depth);  // the tail, decoded after the elements
    for (size_t i = n; i-- > 0;) push_slot(&cells[2 * i], depth + 1);
  }

  void string(Term* dest) {
    size_t n = u16();
    const uint8_t* s = bytes(n);
    if (n == 0) {
      *dest = NIL;
      return;
    }
    Term* cells = alloc(2 * n);
    for (size_t i = 0; i < n; i++)
      write_cons(&cells[2 * i], make_small(s[i]), i + 1 < n ? make_list(&cells[2 * i + 2]) : NIL);
    *dest = make_list(cells);
  }

  Term bits(const uint8_t* data, size_t bit_size) {
    if (!ctx_.make_bits) return make_bitstring(ctx_.alloc, data, bit_size);
    Term t = ctx_.make_bits(data, bit_size);
    if (t == NON_VALUE) fail("out of memory for a binary of " + std::to_string(bit_size / 8) + " bytes");
    return t;
  }

  Term binary() {
    uint32_t n = u32();
    check_claim(n, "binary");
    const uint8_t* s = bytes(n);
    return bits(s, size_t(n) * 8);
  }

  // BIT_BINARY_EXT: Len bytes, of which the last holds Bits (1..8) bits; <<>> is Len 0, Bits 0.
  Term bitstring() {
    uint32_t n = u32();
    uint8_t bits = u8();
    if (n == 0 ? bits != 0 : (bits < 1 || bits > 8)) fail("BIT_BINARY_EXT with " + std::to_string(bits) + " bits in its last byte");
    check_claim(n, "bitstring");
    const uint8_t* s = bytes(n);
    if (n == 0 || bits == 8) return this->bits(s, size_t(n) * 8);
    // The unused low bits of the last byte are not part of the value: clear them.
    std::vector<uint8_t> copy(s, s + n);
    copy[n - 1] &= uint8_t(0xFF << (8 - bits));
    return this->bits(copy.data(), size_t(n - 1) * 8 + bits);
  }

  // The keys and values are decoded into scratch slots (they must exist before the map's
  // layout can be chosen), then map_from_pairs builds the map.
  void map(Term* dest, uint32_t n, uint32_t depth) {
    check_claim(uint64_t(2) * n, "map");
    scratch_.emplace_back(new Term[2 * size_t(n) + 1]);
    Term* kv = scratch_.back().get();
    for (size_t i = 0; i < 2 * size_t(n); i++) kv[i] = NIL;
    stack_.push_back(Task{dest, depth, true, scratch_.size() - 1, n});
    for (size_t i = n; i-- > 0;) {
      push_slot(&kv[n + i], depth + 1);
      push_slot(&kv[i], depth + 1);
    }
  }

  void finish_map(const Task& t) {
    const Term* kv = scratch_[t.scratch].get();
    Term m = map_from_pairs(ctx_.alloc, kv, kv + t.pairs, t.pairs, ctx_.atoms);
    if (m == NON_VALUE) fail("maps of more than 32 keys are not supported yet");
    if (map_size(m) != t.pairs) fail("duplicate map key");
    *t.dest = m;
  }

  // ---- pids, ports, references ----------------------------------------------------------
  // An identifier is this node's when its node is nonode@nohost with creation 0 (beamrun is
  // not distributed); any other node or creation makes an external one (term.h), as in BEAM.
  static bool is_this_node(Term node, uint32_t creation) { return node == atom::nonode_nohost && creation == 0; }

  Term pid(uint8_t tag) {
    Term node = atom_operand("pid node");
    uint32_t id = u32(), serial = u32();
    uint32_t creation = tag == NEW_PID_EXT ? u32() : u8();
    if (!is_this_node(node, creation))
      return write_external_id(alloc(EXTERNAL_ID_WORDS), Subtag::ExternalPid, node, creation, uint64_t(serial) << 32 | id);
    if (id > MAX_PID_NUMBER || serial > MAX_PID_SERIAL) fail("pid number or serial out of range");
    return make_local_pid(id, serial);
  }

  Term port(uint8_t tag) {
    Term node = atom_operand("port node");
    uint64_t id = tag == V4_PORT_EXT ? (uint64_t(u32()) << 32 | u32()) : u32();
    uint32_t creation = tag == PORT_EXT ? u8() : u32();
    if (!is_this_node(node, creation))
      return write_external_id(alloc(EXTERNAL_ID_WORDS), Subtag::ExternalPort, node, creation, id);
    if (id > MAX_PORT_NUMBER) fail("port number out of range");
    return make_port(id);
  }

  Term reference(uint8_t tag) {
    uint32_t words = tag == REFERENCE_EXT ? 1 : u16();
    Term node = atom_operand("reference node");
    uint32_t creation = tag == NEWER_REFERENCE_EXT ? u32() : (tag == REFERENCE_EXT ? 0 : u8());
    uint32_t id[MAX_EXTERNAL_REF_IDS] = {};
    if (tag == REFERENCE_EXT) {
      id[0] = u32();
      creation = u8();
    } else {
      if (words > MAX_EXTERNAL_REF_IDS) fail("reference of " + std::to_string(words) + " words");
      for (uint32_t i = 0; i < words; i++) id[i] = u32();
    }
    if (!is_this_node(node, creation)) {
      Term* r = alloc(3 + words);
      r[0] = make_header(2 + words, Subtag::ExternalRef);
      r[1] = node;
      r[2] = creation;
      for (uint32_t i = 0; i < words; i++) r[3 + i] = id[i];
      return make_boxed(r);
    }
    if (words == 0 || words > MAX_LOCAL_REF_WORDS) fail("reference of " + std::to_string(words) + " words");
    if (id[0] > MAX_REF_WORD0) fail("reference number out of range");
    Term* r = alloc(REF_WORDS);
    r[0] = make_header(REF_WORDS - 1, Subtag::Ref);
    for (uint32_t i = 0; i < MAX_LOCAL_REF_WORDS; i++) r[1 + i] = id[i];
    return make_boxed(r);
  }

  // ---- closures -----------------------------------------------------------------------------
  uint32_t small_operand(const char* what) {
    uint8_t tag = u8();
    if (tag == SMALL_INTEGER_EXT) return u8();
    if (tag == INTEGER_EXT) return u32();
    fail(std::string(what) + " must be an integer");
  }

  // NEW_FUN_EXT: Size Arity Uniq[16] Index NumFree Module OldIndex OldUniq Pid FreeVars...
  // (BEAM does not check Size, and neither does this.)
  void closure(Term* dest, uint32_t depth) {
    u32();  // Size
    EtfFunRef ref{};
    ref.arity = u8();
    ref.md5 = bytes(16);
    ref.index = u32();
    ref.num_free = u32();
    ref.module = atom_operand("fun module");
    ref.old_index = small_operand("fun OldIndex");
    ref.old_uniq = small_operand("fun OldUniq");
    uint8_t ptag = u8();
    if (ptag != NEW_PID_EXT && ptag != PID_EXT) fail("fun creator must be a pid");
    pid(ptag);  // beamrun's closures do not record their creator
    check_claim(ref.num_free, "fun environment");
    const FunEntry* fe = ctx_.find_fun ? ctx_.find_fun(ref) : nullptr;
    if (!fe) fail("fun " + std::string(ctx_.atoms.name(ref.module)) + "/" + std::to_string(ref.index) + " is not in any loaded module");
    if (fe->num_free != ref.num_free || fe->arity != ref.arity) fail("fun arity or environment size differs from its module's");
    Term* f = alloc(FUN_HEADER_WORDS + ref.num_free);
    f[0] = make_header(2 + ref.num_free, Subtag::Fun);
    f[1] = reinterpret_cast<Term>(fe);
    f[2] = ref.num_free;
    for (uint32_t i = 0; i < ref.num_free; i++) f[3 + i] = NIL;
    *dest = make_boxed(f);
    for (uint32_t i = ref.num_free; i-- > 0;) push_slot(&f[3 + i], depth + 1);
  }

  // EXPORT_EXT's arity: BEAM takes any encoding of a non-negative integer.
  uint32_t arity_operand() {
    uint8_t tag = u8();
    if (tag == SMALL_INTEGER_EXT) return u8();
    if (tag == INTEGER_EXT) {
      int32_t v = int32_t(u32());
      if (v >= 0) return uint32_t(v);
    } else if (tag == SMALL_BIG_EXT) {
      uint8_t n = u8();
      uint8_t sign = u8();
      const uint8_t* d = bytes(n);
      uint64_t v = 0;
      for (size_t i = n; i-- > 0;) {
        if (v >> 24) fail("EXPORT_EXT arity out of range");
        v = v << 8 | d[i];
      }
      if (sign == 0 || v == 0) return uint32_t(v);
    }
    fail("EXPORT_EXT arity must be a non-negative integer");
  }

  Term export_fun() {
    Term module = atom_operand("EXPORT_EXT module");
    Term function = atom_operand("EXPORT_EXT function");
    uint32_t arity = arity_operand();
    if (!ctx_.make_export_fun) fail("export fun (fun M:F/A) found, but no export table to resolve it");
    Term f = ctx_.make_export_fun(module, function, arity);
    if (f == NON_VALUE) fail("export fun of a function that does not exist (safe decoding)");
    return f;
  }

  void decode_one(Term* dest, uint32_t depth) {
    size_t at = pos_;
    uint8_t tag = u8();
    switch (tag) {
      case SMALL_INTEGER_EXT: *dest = make_small(u8()); return;
      case INTEGER_EXT: *dest = make_small(int32_t(u32())); return;
      case FLOAT_EXT: *dest = old_float(); return;
      case NEW_FLOAT_EXT: *dest = new_float(); return;
      case ATOM_EXT:
      case SMALL_ATOM_EXT:
      case ATOM_UTF8_EXT:
      case SMALL_ATOM_UTF8_EXT: *dest = atom_body(tag); return;
      case SMALL_TUPLE_EXT: tuple(dest, u8(), depth); return;
      case LARGE_TUPLE_EXT: tuple(dest, u32(), depth); return;
      case NIL_EXT: *dest = NIL; return;
      case STRING_EXT: string(dest); return;
      case LIST_EXT: list(dest, u32(), depth); return;
      case BINARY_EXT: *dest = binary(); return;
      case SMALL_BIG_EXT: *dest = big(u8()); return;
      case LARGE_BIG_EXT: *dest = big(u32()); return;
      case MAP_EXT: map(dest, u32(), depth); return;
      case EXPORT_EXT: *dest = export_fun(); return;
      case BIT_BINARY_EXT: *dest = bitstring(); return;
      case NEW_FUN_EXT: closure(dest, depth); return;
      case PID_EXT:
      case NEW_PID_EXT: *dest = pid(tag); return;
      case PORT_EXT:
      case NEW_PORT_EXT:
      case V4_PORT_EXT: *dest = port(tag); return;
      case REFERENCE_EXT:
      case NEW_REFERENCE_EXT:
      case NEWER_REFERENCE_EXT: *dest = reference(tag); return;
      case ATOM_CACHE_REF: pos_ = at; fail("atom cache reference outside a distribution message");
      case FUN_EXT: pos_ = at; fail("FUN_EXT (funs of releases before R8) not supported");
      case COMPRESSED: pos_ = at; fail("compressed term inside a term");
      case LOCAL_EXT: pos_ = at; fail("LOCAL_EXT not supported");
      default: pos_ = at; fail("unknown tag " + std::to_string(tag));
    }
  }

  const uint8_t* data_;
  size_t len_;
  size_t pos_ = 0;
  EtfContext& ctx_;
  std::vector<Task> stack_;
  size_t pending_slots_ = 0;
  std::vector<std::unique_ptr<Term[]>> scratch_;  // maps' keys and values while they decode
};

// Tag 80: [80][uncompressed size:32][zlib stream of a term body].
Term decode_compressed(const uint8_t* data, size_t len, EtfContext& ctx, size_t* consumed) {
  if (len < 5) throw EtfError("external term format: truncated compressed term header");
  uint32_t size = uint32_t(data[1]) << 24 | uint32_t(data[2]) << 16 | uint32_t(data[3]) << 8 | data[4];
  size_t in_len = len - 5;
  if (size == 0) throw EtfError("external term format: compressed term of size 0");
  if (size / ZLIB_MAX_RATIO > in_len)
    throw EtfError("external term format: compressed term claims " + std::to_string(size) +
                   " bytes, more than its " + std::to_string(in_len) + " compressed bytes can hold");
  std::vector<uint8_t> out(size);
  z_stream zs{};
  if (inflateInit(&zs) != Z_OK) throw EtfError("external term format: zlib init failed");
  zs.next_in = const_cast<Bytef*>(data + 5);
  zs.avail_in = uInt(std::min<size_t>(in_len, UINT32_MAX));
  zs.next_out = out.data();
  zs.avail_out = size;
  int rc = inflate(&zs, Z_FINISH);
  size_t used_in = zs.total_in, produced = zs.total_out;
  inflateEnd(&zs);
  if (rc != Z_STREAM_END || produced != size)
    throw EtfError("external term format: corrupt compressed term (zlib)");
  Decoder d(out.data(), out.size(), ctx);
  Term t = d.run();
  if (d.pos() != out.size()) throw EtfError("external term format: trailing bytes inside compressed term");
  if (consumed) *consumed = 5 + used_in;
  return t;
}

}  // namespace

Term make_integer_le(const uint8_t* mag, size_t n, bool negative, WordAllocator& alloc) {
  while (n > 0 && mag[n - 1] == 0) n--;
  if (n <= 8) {
    uint64_t v = 0;
    for (size_t i = n; i-- > 0;) v = v << 8 | mag[i];
    if (!negative && v <= uint64_t(MAX_SMALL)) return make_small(Sint(v));
    if (negative && v <= uint64_t(MAX_SMALL) + 1) return make_small(-Sint(v));
  }
  size_t limbs = (n + 7) / 8;
  Term* b = alloc.alloc_words(limbs + 1);
  b[0] = make_header(limbs, negative ? Subtag::NegBig : Subtag::PosBig);
  for (size_t l = 0; l < limbs; l++) {
    uint64_t limb = 0;
    for (size_t k = 8; k-- > 0;) {
      size_t i = l * 8 + k;
      limb = limb << 8 | (i < n ? mag[i] : 0);
    }
    b[1 + l] = limb;
  }
  return make_boxed(b);
}

Term decode_etf_body(const uint8_t* data, size_t len, EtfContext& ctx, size_t* consumed) {
  if (len > 0 && data[0] == COMPRESSED) return decode_compressed(data, len, ctx, consumed);
  Decoder d(data, len, ctx);
  Term t = d.run();
  if (consumed) *consumed = d.pos();
  return t;
}

Term decode_etf(const uint8_t* data, size_t len, EtfContext& ctx, size_t* consumed) {
  if (len == 0) throw EtfError("external term format: empty input");
  if (data[0] != VERSION_MAGIC)
    throw EtfError("external term format: bad version byte " + std::to_string(data[0]) + " (expected 131)");
  size_t used = 0;
  Term t = decode_etf_body(data + 1, len - 1, ctx, &used);
  if (consumed) *consumed = used + 1;
  return t;
}

}  // namespace beamrun
