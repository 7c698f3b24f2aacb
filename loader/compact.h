// compact.h - reading .beam bytes: a bounds-checked cursor, and the compact term encoding
// (the operand format of the Code chunk, also used by the Line chunk and OTP 28's AtU8).
// The encoding itself is drawn in loader/genop.h.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "loader/beam_file.h"
#include "term/term.h"

namespace beamrun {

// Registers (x, y, float) a .beam file may name, as in ERTS.
constexpr uint32_t MAX_REG = 1024;

enum class CompactTag : uint8_t { U = 0, I = 1, A = 2, X = 3, Y = 4, F = 5, H = 6, Z = 7 };
const char* compact_tag_name(CompactTag tag);  // "u", "i", ...

// A cursor over bytes that never reads outside them. Failures throw BeamError naming `where`
// and the offset, counted from `base` (so a chunk reader can report file offsets).
class ByteReader {
 public:
  ByteReader(const uint8_t* data, size_t size, std::string where, size_t base = 0)
      : data_(data), size_(size), where_(std::move(where)), base_(base) {}

  size_t pos() const { return pos_; }
  size_t offset() const { return base_ + pos_; }  // pos() as the caller counts offsets
  size_t remaining() const { return size_ - pos_; }
  bool at_end() const { return pos_ == size_; }
  const std::string& where() const { return where_; }

  uint8_t u8();
  uint16_t u16();  // big-endian, as everything in .beam files
  uint32_t u32();
  int32_t i32() { return int32_t(u32()); }
  const uint8_t* bytes(size_t n);  // n bytes, or an error if fewer remain
  void skip(size_t n) { bytes(n); }

  // Throws BeamError "<where> at offset N: <what>"; `at` defaults to the current offset.
  [[noreturn]] void fail(const std::string& what) const { fail_at(offset(), what); }
  [[noreturn]] void fail_at(size_t at, const std::string& what) const;

 private:
  const uint8_t* data_;
  size_t size_;
  size_t pos_ = 0;
  std::string where_;
  size_t base_;
};

// One tagged number as encoded, before its meaning is applied.
struct RawCompact {
  CompactTag tag = CompactTag::U;
  // Fits: `value` holds it. For `i` the value is signed (read it as int64_t); for the other
  // tags it is unsigned. When it does not fit in 64 bits, `big` is set and `bytes`/`nbytes`
  // are the big-endian encoding (two's complement for `i`).
  bool big = false;
  uint64_t value = 0;
  const uint8_t* bytes = nullptr;
  size_t nbytes = 0;
};
RawCompact read_compact(ByteReader& r);

// Reads one operand that must be `u`-tagged and fit in 64 bits; `what` names it in errors.
uint64_t read_compact_u(ByteReader& r, const char* what);

// The file's tables that operands refer to, for converting indices into terms and for range
// checks. Anything left null makes operands that need it a load error.
struct OperandContext {
  const std::vector<Term>* atoms = nullptr;     // atom chunk, atoms[0] unused
  const std::vector<Term>* literals = nullptr;  // LitT terms
  WordAllocator* literal_alloc = nullptr;       // home of bignums and old float literals
  uint32_t label_count = 0;                     // labels must be below it (0 is "no label")
  int64_t type_count = -1;                      // entries of the Type chunk; -1 = not checked
};

// Decodes one operand of an instruction (any tag, extended forms included).
Operand decode_operand(ByteReader& r, const OperandContext& ctx);

// The integer an `i` operand denotes: a small, or a bignum allocated in `alloc`.
Term compact_integer(const RawCompact& raw, WordAllocator& alloc);
// The same for a `u` operand, whose bytes are unsigned (a size written untagged).
Term compact_unsigned(const RawCompact& raw, WordAllocator& alloc);

}  // namespace beamrun
