// term_order.h - BEAM's standard term order, and the two equalities built on it.
//
//   number < atom < reference < fun < port < pid < tuple < map < [] < list < bitstring
//
// Two modes. Arithmetic (`==`, `<`, lists:sort): 1 == 1.0, integers and floats compare by
// mathematical value, exactly (no rounding through double). Exact (`=:=`, map key order): an
// integer never equals a float, and every integer orders before every float, which is how
// BEAM sorts map keys (maps:keys(#{1.0=>a, 1=>b}) =:= [1, 1.0]). Map keys are always compared
// exactly, even inside an arithmetic comparison (#{1=>a} == #{1.0=>a} is false); map values
// follow the mode of the comparison.
//
// All three functions walk terms with an explicit stack: a list or tuple nested a million
// levels deep costs heap, never C++ stack.
#pragma once
#include <cstdint>

#include "term/atoms.h"
#include "term/term.h"

namespace beamrun {

// The out-of-line parts of the three functions below.
int compare_terms_slow(Term a, Term b, const AtomTable& atoms, bool exact);
bool eq_exact_slow(Term a, Term b);
bool eq_arith_slow(Term a, Term b, const AtomTable& atoms);

// Returns <0, 0 or >0 as a orders before, equal to, or after b.
inline int compare_terms(Term a, Term b, const AtomTable& atoms, bool exact) {
  if (is_small(a) && is_small(b)) return (Sint(a) > Sint(b)) - (Sint(a) < Sint(b));  // tags equal
  if (a == b) return 0;
  return compare_terms_slow(a, b, atoms, exact);
}

// a =:= b. Needs no atom table: equal atoms are the same word.
inline bool eq_exact(Term a, Term b) {
  if (a == b) return true;
  // Distinct immediates never match, and an immediate never equals a boxed or list term
  // (bignums never hold a value that fits a small).
  if (is_immed(a) || is_immed(b)) return false;
  return eq_exact_slow(a, b);
}

// a == b.
inline bool eq_arith(Term a, Term b, const AtomTable& atoms) {
  if (a == b) return true;
  if (is_immed(a) && is_immed(b)) return false;  // small/small, atom/atom, ... all canonical
  return eq_arith_slow(a, b, atoms);
}

// The bits of a binary or bitstring, wherever they live: heap, reference-counted or sub-binary
// (term/binary.h has the constructors and the rest of the binary API).
struct BitsView {
  const uint8_t* bytes = nullptr;  // first byte holding bits of the value
  Uint bit_offset = 0;             // 0..7: bits of bytes[0] before the value starts (MSB first)
  Uint bit_size = 0;

  // Bits 8i..8i+7 of the value, for i < bit_size / 8.
  uint8_t byte_at(Uint i) const {
    if (bit_offset == 0) return bytes[i];
    // They span bytes[i] and bytes[i+1]; both exist for a whole byte of the value.
    return uint8_t((unsigned(bytes[i]) << bit_offset) | (bytes[i + 1] >> (8 - bit_offset)));
  }
  // Bit k of the value (0 = first), as 0 or 1.
  int bit_at(Uint k) const {
    Uint b = bit_offset + k;
    return (bytes[b / 8] >> (7 - b % 8)) & 1;
  }
};
bool is_bitstring_term(Term t);
// Fills *out and returns true if t is a binary or bitstring this build knows how to read.
bool bitstring_view(Term t, BitsView* out);

// Compares two bitstrings bit by bit (most significant bit of each byte first), then by length.
int compare_bits(const BitsView& a, const BitsView& b);

}  // namespace beamrun
