// etf.h - decoding the external term format (the bytes of term_to_binary) into terms.
//
// Used for the literals of .beam files (LitT), the Attr and CInf chunks, and binary_to_term.
// The decoder works from an explicit stack, so deep terms cannot overflow the C++ stack, and
// checks every length against the bytes that remain before allocating: each element of a
// container needs at least one more byte of input, so a decode allocates at most a few words
// per input byte, whatever the input claims.
//
// Supported: integers (small, 32-bit, big), floats (both forms), atoms (all four forms),
// tuples, nil, strings, lists (proper and improper), binaries and bitstrings, maps (built by
// map_from_pairs; a repeated key is an error, as in BEAM), export funs and closures (through
// the context's callbacks), pids, ports and references in all their old and new forms: of
// this node (nonode@nohost, creation 0) as local ones, of any other node (or creation) as the
// external layouts of term.h, as BEAM makes them; and the compressed form (tag 80) at top
// level. Anything else is a clear EtfError: atom cache references, FUN_EXT (pre-R8), ERTS's
// internal encodings (atom table indexes, tags 73 and 75), and references of this node with 4
// or 5 words (BEAM refuses those too).
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <utility>

#include <stdexcept>
#include <string>

#include "term/atoms.h"
#include "term/term.h"

namespace beamrun {

// A malformed encoding (binary_to_term's badarg, a .beam file's corrupt literals).
class EtfError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct FunEntry;

// What a NEW_FUN_EXT names: the lambda `index` of `module` (the version whose md5 is given),
// of the given arity (as called) and number of free variables.
struct EtfFunRef {
  Term module;
  uint32_t index;      // FunT index (new index)
  uint32_t old_index;  // the OldIndex field (equal to index for modules from OTP R15 on)
  uint32_t old_uniq;
  const uint8_t* md5;  // 16 bytes
  uint32_t arity;
  uint32_t num_free;
};

struct EtfContext {
  using MakeExportFun = std::function<Term(Term module, Term function, uint32_t arity)>;
  EtfContext(AtomTable& atoms_, WordAllocator& alloc_, MakeExportFun make_export_fun_ = {})
      : atoms(atoms_), alloc(alloc_), make_export_fun(std::move(make_export_fun_)) {}

  AtomTable& atoms;
  WordAllocator& alloc;  // where the decoded term's words go
  // Builds the term for fun Module:Function/Arity (EXPORT_EXT). Unset or returning NON_VALUE:
  // such terms are errors.
  MakeExportFun make_export_fun;
  // Makes a binary or bitstring of `bit_size` bits from `data` (unused bits of the last byte
  // already cleared). Unset: make_bitstring through `alloc`. NON_VALUE: out of memory.
  std::function<Term(const uint8_t* data, size_t bit_size)> make_bits;
  // Finds the lambda a closure (NEW_FUN_EXT) refers to. Unset or returning null: an error.
  std::function<const FunEntry*(const EtfFunRef&)> find_fun;
  // binary_to_term's `safe`: an atom that does not exist yet is an error instead of a new atom.
  bool existing_atoms_only = false;
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
