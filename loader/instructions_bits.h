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

#define BEAMRUN_BIT_INSTRUCTIONS(X)     \
  /* construction (OTP 25+); each segment is kind|flags|unit|segment number, value, size */                                                 \
  X(i_bs_create_bin, OPS(L(fail), N(alloc), N(live), D(dst), VAR3(count, N(seg), S(value), S(size))), "dst := the binary of the segments")  \
  X(i_bs_init_writable, OPS(), "x0 := an empty writable binary with room for x0 bytes")                                                     \
  /* construction (before OTP 25): bs_init/bs_append set the write position, bs_put_* advance it */                                         \
  X(i_bs_init, OPS(L(fail), S(size), N(unit), N(alloc), N(live), D(dst)), "a new bitstring of size*unit bits")                              \
  X(i_bs_append, OPS(L(fail), S(size), N(alloc), N(live), N(unit), S(bin), D(dst)), "bin extended by size bits")                            \
  X(i_bs_private_append, OPS(L(fail), S(size), N(unit), S(bin), D(dst)), "as i_bs_append, collecting nothing")                              \
  X(i_bs_put_integer, OPS(L(fail), S(size), N(unit), N(flags), S(value)), "write an integer segment")                                       \
  X(i_bs_put_binary, OPS(L(fail), S(size), N(unit), S(value)), "write a binary segment; size may be the atom all")                          \
  X(i_bs_put_float, LIKE(i_bs_put_integer), "write a float segment")                                            \
  X(i_bs_put_string, OPS(C(bin)), "write the bytes of a literal binary")                                                                    \
  X(i_bs_put_utf8, OPS(L(fail), S(value)), "write a code point in UTF-8")                                                                   \
  X(i_bs_put_utf16, OPS(L(fail), N(flags), S(value)), "write a code point in UTF-16")                                                       \
  X(i_bs_put_utf32, LIKE(i_bs_put_utf16), "write a code point in UTF-32")                                                       \
  X(i_bs_utf8_size, OPS(L(fail), S(value), D(dst)), "bytes of the code point in UTF-8")                                                     \
  X(i_bs_utf16_size, LIKE(i_bs_utf8_size), "bytes of the code point in UTF-16")                                                   \
  X(i_bs_add, OPS(L(fail), S(a), S(b), N(unit), D(dst)), "dst := a + b * unit (sizes)")                                                     \
  /* matching */                                                                                                                            \
  X(i_bs_start_match, OPS(L(fail), S(src), N(live), D(dst)), "dst := a match context over src (src itself if it is one)")                   \
  X(i_bs_get_position, OPS(S(ctx), D(dst)), "dst := the context's position")                                                                \
  X(i_bs_set_position, OPS(S(ctx), S(pos)), "set the context's position")                                                                   \
  X(i_bs_get_tail, OPS(S(ctx), D(dst), N(live)), "the bits not matched yet")                                                                \
  X(i_bs_test_tail, OPS(L(fail), S(ctx), N(bits)), "fail unless exactly that many bits remain")                                             \
  X(i_bs_test_unit, OPS(L(fail), S(ctx), N(unit)), "fail unless the remaining bits divide by unit")                                         \
  X(i_bs_test_unit8, OPS(L(fail), S(ctx)), "fail unless the remaining bits are whole bytes")                                                \
  X(i_bs_ensure_bits, OPS(L(fail), S(ctx), N(bits), N(unit)), "at least bits remain, the excess divides by unit")                           \
  X(i_bs_skip_bits, OPS(L(fail), S(ctx), S(size), N(unit)), "skip size*unit bits; size may be the atom all")                                \
  X(i_bs_skip_bits_imm, OPS(L(fail), S(ctx), N(bits)), "skip that many bits")                                                               \
  X(i_bs_get_integer, OPS(L(fail), S(ctx), N(live), S(size), N(unit), N(flags), D(dst)), "match an integer")                                \
  X(i_bs_get_integer_imm, OPS(L(fail), S(ctx), N(live), N(bits), N(flags), D(dst)), "match an integer of a constant size")                  \
  X(i_bs_get_integer_8, OPS(L(fail), S(ctx), D(dst)), "unsigned big-endian byte")                                                           \
  X(i_bs_get_integer_16, LIKE(i_bs_get_integer_8), "unsigned big-endian 16 bits")                                                       \
  X(i_bs_get_integer_32, LIKE(i_bs_get_integer_8), "unsigned big-endian 32 bits")                                                       \
  X(i_bs_match_eq, OPS(L(fail), S(ctx), N(bits), N(value)), "the next bits (<= 64) equal value")                                            \
  X(i_bs_get_float, LIKE(i_bs_get_integer), "match a float")                                     \
  X(i_bs_get_binary, OPS(L(fail), S(ctx), N(live), S(size), N(unit), D(dst)), "match a binary; size may be the atom all")                   \
  X(i_bs_match_string, OPS(L(fail), S(ctx), N(bits), C(bin)), "the next bits equal the literal bitstring's")                                \
  X(i_bs_get_utf8, OPS(L(fail), S(ctx), D(dst)), "match a UTF-8 code point")                                                                \
  X(i_bs_skip_utf8, OPS(L(fail), S(ctx)), "skip a UTF-8 code point")                                                                        \
  X(i_bs_get_utf16, OPS(L(fail), S(ctx), N(flags), D(dst)), "match a UTF-16 code point")                                                    \
  X(i_bs_skip_utf16, OPS(L(fail), S(ctx), N(flags)), "skip a UTF-16 code point")                                                            \
  X(i_bs_get_utf32, LIKE(i_bs_get_utf16), "match a UTF-32 code point")                                                    \
  X(i_bs_skip_utf32, LIKE(i_bs_skip_utf16), "skip a UTF-32 code point")                                                            \
  X(i_bs_context_to_binary, OPS(D(reg)), "a match context in reg becomes the binary of its remaining bits")
