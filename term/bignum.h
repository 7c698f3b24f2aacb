// bignum.h - integers beyond the 60-bit small range, on the process heap, computed with GMP's
// mpn layer (which never allocates).
//
// Layout: [hdr PosBig|NegBig, arity = limb count][limb 0 (least significant)]...[limb n-1].
// Every bignum is normalised: no leading zero limbs, and a value that fits a small integer is
// always a small. So two equal integers are always the same kind, and =:= can compare words.
#pragma once
#include <string>

#include "term/term.h"

namespace beamrun {

// Read-only view of any integer term as sign and magnitude limbs. A small's magnitude lives in
// the view itself (`buf`), so a copy of a small's view points into the original.
struct IntView {
  const uint64_t* limbs;
  size_t n;  // 0 for zero
  bool neg;
  uint64_t buf;  // storage for a small's magnitude
  explicit IntView(Term t);
};

// BEAM's largest integer: 2^19 - 1 limbs (33,554,368 bits). Arithmetic with a larger result is a
// system_limit; the big_* functions below return NON_VALUE for it.
constexpr size_t MAX_BIG_LIMBS = (size_t(1) << 19) - 1;

// Builds a normalised integer (a small when it fits) from a magnitude and a sign.
Term make_integer_from_limbs(WordAllocator& a, const uint64_t* limbs, size_t n, bool neg);
Term make_integer_i128(WordAllocator& a, __int128 v);

// Integer operations on any two integer terms (small or big). Division by zero is the caller's.
// Results beyond MAX_BIG_LIMBS are NON_VALUE.
Term big_add(WordAllocator& p, Term a, Term b);
Term big_sub(WordAllocator& p, Term a, Term b);
Term big_mul(WordAllocator& p, Term a, Term b);
Term big_div(WordAllocator& p, Term a, Term b);  // truncating, as div
Term big_rem(WordAllocator& p, Term a, Term b);  // sign of the dividend, as rem
Term big_band(WordAllocator& p, Term a, Term b);
Term big_bor(WordAllocator& p, Term a, Term b);
Term big_bxor(WordAllocator& p, Term a, Term b);
Term big_bnot(WordAllocator& p, Term a);
Term big_neg(WordAllocator& p, Term a);
// a * 2^shift (shift may be negative: an arithmetic shift right, rounding towards -infinity).
Term big_shift(WordAllocator& p, Term a, Sint shift);

// Text in base 2..36 (upper-case digits, '-' for negatives), in O(n log n)-ish time via GMP.
std::string integer_to_string(Term t, int base);
// Parses optional sign and digits; NON_VALUE on a bad character or empty digits.
Term string_to_integer(WordAllocator& a, std::string_view s, int base);
// The integer nearest below |d| towards zero (trunc), for finite d.
Term double_to_integer(WordAllocator& a, double d);

}  // namespace beamrun
