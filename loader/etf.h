// etf.h - decoding the external term format (the bytes of term_to_binary) into terms.
//
// Used for the literals of .beam files (LitT), the Attr and CInf chunks, and later for
// binary_to_term. The decoder works from an explicit stack, so deep terms cannot overflow the
// C++ stack, and checks every length against the bytes that remain before allocating: each
// element of a container needs at least one more byte of input, so a decode allocates at
// most a few words per input byte, whatever the input claims.
//
// Supported: integers (small, 32-bit, big), floats (both forms), atoms (all four forms),
// tuples, nil, strings, lists (proper and improper), binaries, maps of up to 32 keys (built as
// flatmaps, keys sorted), export funs, and the compressed form (tag 80) at top level.
// Not yet: bitstrings, local funs, pids, ports, references, large maps (clear EtfError).
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>

#include "loader/beam_file.h"
#include "vm/atoms.h"
#include "vm/term.h"

namespace beamrun {

class EtfError : public BeamError {
 public:
  using BeamError::BeamError;
};

struct EtfContext {
  AtomTable& atoms;
  WordAllocator& alloc;  // where the decoded term's words go
  // Builds the term for fun Module:Function/Arity (EXPORT_EXT). Unset: such terms are errors.
  std::function<Term(Term module, Term function, uint32_t arity)> make_export_fun;
  // Terms nested deeper than this are refused, so that recursive consumers of the result
  // (printers, comparisons) stay safe. List tails do not count as nesting.
  uint32_t max_depth = 100000;
};

// Decodes the term at `data`, which starts with the version byte 131. Trailing bytes are
// allowed (as binary_to_term allows them); `consumed`, if given, receives the bytes used.
Term decode_etf(const uint8_t* data, size_t len, EtfContext& ctx, size_t* consumed = nullptr);

// As decode_etf, for input that starts after the version byte (tag 80 allowed first).
Term decode_etf_body(const uint8_t* data, size_t len, EtfContext& ctx, size_t* consumed = nullptr);

// The integer with magnitude `magnitude_le` (n bytes, least significant first) and the given
// sign: a small if it fits, else a normalised bignum allocated in `alloc`.
Term make_integer_le(const uint8_t* magnitude_le, size_t n, bool negative, WordAllocator& alloc);

}  // namespace beamrun
