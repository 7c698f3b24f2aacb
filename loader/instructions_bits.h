// instructions_bits.h - bit syntax instructions: construction and matching of binaries.
// Same conventions as instructions.h (operand kinds S, D, L, N, P, T); handlers live in
// interp_bits.inc, translation in loader/translate_bits.cpp, the run-time helpers in interp/bits.h.
//
// A match context (Ctx) is a MatchState term (term/binary.h). L = 0 where a generic instruction
// had no fail label means "cannot fail" (bs_start_match4 no_fail/resume). Flags are BSF_* bits.
// OTP 26's bs_match is not an instruction of its own: the translator turns each of its
// commands into the instruction below that does the same.
#pragma once

#include "term/term.h"

namespace beamrun {

// Segment flags as .beam files encode them (field_flags); `native` is resolved at load time.
constexpr unsigned BSF_LITTLE = 0x02;
constexpr unsigned BSF_SIGNED = 0x04;
constexpr unsigned BSF_NATIVE = 0x10;

// Bit sizes beyond this are system_limit (no machine holds such a binary).
constexpr Uint BS_MAX_BITS = Uint(1) << 60;

// bs_create_bin's segments: the translator turns each into three words
//   [kind | flags << 8 | unit << 16 | segment number << 32] [value source] [size source]
// Sources are encoded as instruction operands (constants or registers). A string segment's
// value is a literal binary and its size the small byte count.
enum class BsSeg : uint8_t { Integer, Float, Binary, String, Utf8, Utf16, Utf32, Append, PrivateAppend };
constexpr unsigned BS_SEG_WORDS = 3;
inline Word bs_seg_word(BsSeg kind, unsigned flags, unsigned unit, unsigned segno) {
  return Word(kind) | Word(flags & 0xFF) << 8 | Word(unit & 0xFFFF) << 16 | Word(segno) << 32;
}

}  // namespace beamrun

#define BEAMRUN_BIT_INSTRUCTIONS(X)                                                                     \
  /* construction (OTP 25+) */                                                                          \
  X(i_bs_create_bin, "L:fail N:alloc N:live D N:count T:(kind|flags|unit|seg, value S, size S)*")        \
  X(i_bs_init_writable, "-- x0 := an empty writable binary with room for x0 bytes")                     \
  /* construction (before OTP 25): bs_init/bs_append set the write position, bs_put_* advance it */   \
  X(i_bs_init, "L S:size N:unit N:alloc N:live D -- a new bitstring of size*unit bits")                \
  X(i_bs_append, "L S:size N:alloc N:live N:unit S:bin D -- bin extended by size bits")               \
  X(i_bs_private_append, "L S:size N:unit S:bin D -- as i_bs_append, collecting nothing")             \
  X(i_bs_put_integer, "L S:size N:unit N:flags S:value")                                             \
  X(i_bs_put_binary, "L S:size N:unit S:value -- size may be the atom all")                          \
  X(i_bs_put_float, "L S:size N:unit N:flags S:value")                                               \
  X(i_bs_put_string, "S:literal binary")                                                              \
  X(i_bs_put_utf8, "L S:value")                                                                       \
  X(i_bs_put_utf16, "L N:flags S:value")                                                              \
  X(i_bs_put_utf32, "L N:flags S:value")                                                              \
  X(i_bs_utf8_size, "L S D -- bytes of S in UTF-8")                                                   \
  X(i_bs_utf16_size, "L S D -- bytes of S in UTF-16")                                                 \
  X(i_bs_add, "L S S N:unit D -- D := a + b * unit (sizes)")                                          \
  /* matching */                                                                                        \
  X(i_bs_start_match, "L S N:live D -- D := a match context over S (S itself if it is one)")         \
  X(i_bs_get_position, "S:ctx D")                                                                     \
  X(i_bs_set_position, "S:ctx S:position")                                                            \
  X(i_bs_get_tail, "S:ctx D N:live -- the bits not matched yet")                                      \
  X(i_bs_test_tail, "L S:ctx N:bits -- fail unless exactly N bits remain")                            \
  X(i_bs_test_unit, "L S:ctx N:unit -- fail unless the remaining bits divide by N")                   \
  X(i_bs_test_unit8, "L S:ctx -- fail unless the remaining bits are whole bytes")                      \
  X(i_bs_ensure_bits, "L S:ctx N:bits N:unit -- at least N bits remain, the excess divides by unit")  \
  X(i_bs_skip_bits, "L S:ctx S:size N:unit -- size may be the atom all")                              \
  X(i_bs_skip_bits_imm, "L S:ctx N:bits")                                                             \
  X(i_bs_get_integer, "L S:ctx N:live S:size N:unit N:flags D")                                       \
  X(i_bs_get_integer_imm, "L S:ctx N:live N:bits N:flags D")                                          \
  X(i_bs_get_integer_8, "L S:ctx D -- unsigned big-endian byte")                                     \
  X(i_bs_get_integer_16, "L S:ctx D -- unsigned big-endian 16 bits")                                 \
  X(i_bs_get_integer_32, "L S:ctx D -- unsigned big-endian 32 bits")                                 \
  X(i_bs_match_eq, "L S:ctx N:bits N:value -- the next N (<= 64) bits equal value")                   \
  X(i_bs_get_float, "L S:ctx N:live S:size N:unit N:flags D")                                         \
  X(i_bs_get_binary, "L S:ctx N:live S:size N:unit D -- size may be the atom all")                    \
  X(i_bs_match_string, "L S:ctx N:bits S:literal bitstring")                                          \
  X(i_bs_get_utf8, "L S:ctx D")                                                                       \
  X(i_bs_skip_utf8, "L S:ctx")                                                                        \
  X(i_bs_get_utf16, "L S:ctx N:flags D")                                                              \
  X(i_bs_skip_utf16, "L S:ctx N:flags")                                                               \
  X(i_bs_get_utf32, "L S:ctx N:flags D")                                                              \
  X(i_bs_skip_utf32, "L S:ctx N:flags")                                                               \
  X(i_bs_context_to_binary, "D -- a match context in D becomes the binary of its remaining bits")
