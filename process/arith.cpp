#include "process/arith.h"

#include <cmath>

#include "term/atoms.h"
#include "term/bignum.h"

namespace beamrun {

namespace {

Term system_limit(Process& p) { return p.bif_error(atom::system_limit); }

inline Term badarith(Process& p) { return p.bif_error(atom::badarith); }

// A bignum result, or system_limit when it came back NON_VALUE (too large for BEAM).
inline Term limited(Process& p, Term r) { return r == NON_VALUE ? system_limit(p) : r; }

// Both operands as doubles, when at least one is a float and both are numbers.
inline bool float_operands(Term a, Term b, double* x, double* y) {
  if (!(is_float(a) || is_float(b))) return false;
  return number_to_double(a, x) && number_to_double(b, y);
}

}  // namespace

bool number_to_double(Term t, double* out) {
  if (is_small(t)) { *out = double(small_value(t)); return true; }
  if (is_float(t)) { *out = float_value(t); return true; }
  if (is_bignum(t)) {
    Term* b = boxed_ptr(t);
    Uint n = header_arity(b[0]);
    // Limb by limb from the top, rounding at each step, as ERTS does: not always the double
    // nearest to the integer, but the one BEAM computes. Beyond the double range: false.
    double d = 0;
    for (Uint i = n; i-- > 0;) d = d * 18446744073709551616.0 + double(b[1 + i]);
    if (!std::isfinite(d)) return false;
    *out = header_subtag(b[0]) == Subtag::NegBig ? -d : d;
    return true;
  }
  return false;
}

Term make_float(Process& p, double d) {
  if (!std::isfinite(d)) return badarith(p);
  return write_float(p.alloc(FLOAT_WORDS), d);
}

Term make_integer(Process& p, __int128 v) { return make_integer_i128(p, v); }

#define BOTH_SMALL(a, b) (is_small(a) && is_small(b))
#define INTEGER_OPERANDS(a, b)                                                   \
  do {                                                                           \
    if (!is_integer(a) || !is_integer(b)) return badarith(p);                    \
  } while (0)

Term arith_add(Process& p, Term a, Term b) {
  if (BOTH_SMALL(a, b)) return make_integer(p, __int128(small_value(a)) + small_value(b));
  double x, y;
  if (float_operands(a, b, &x, &y)) return make_float(p, x + y);
  INTEGER_OPERANDS(a, b);
  return limited(p, big_add(p, a, b));
}

Term arith_sub(Process& p, Term a, Term b) {
  if (BOTH_SMALL(a, b)) return make_integer(p, __int128(small_value(a)) - small_value(b));
  double x, y;
  if (float_operands(a, b, &x, &y)) return make_float(p, x - y);
  INTEGER_OPERANDS(a, b);
  return limited(p, big_sub(p, a, b));
}

Term arith_mul(Process& p, Term a, Term b) {
  if (BOTH_SMALL(a, b)) return make_integer(p, __int128(small_value(a)) * small_value(b));
  double x, y;
  if (float_operands(a, b, &x, &y)) return make_float(p, x * y);
  INTEGER_OPERANDS(a, b);
  return limited(p, big_mul(p, a, b));
}

Term arith_fdiv(Process& p, Term a, Term b) {
  double x, y;
  if (!number_to_double(a, &x) || !number_to_double(b, &y)) return badarith(p);
  if (y == 0.0) return badarith(p);
  return make_float(p, x / y);
}

Term arith_idiv(Process& p, Term a, Term b) {
  INTEGER_OPERANDS(a, b);
  if (b == make_small(0)) return badarith(p);
  if (BOTH_SMALL(a, b)) return make_integer(p, __int128(small_value(a)) / small_value(b));  // truncates
  return big_div(p, a, b);
}

Term arith_rem(Process& p, Term a, Term b) {
  INTEGER_OPERANDS(a, b);
  if (b == make_small(0)) return badarith(p);
  if (BOTH_SMALL(a, b)) return make_small(small_value(a) % small_value(b));  // sign of the dividend
  return big_rem(p, a, b);
}

Term arith_band(Process& p, Term a, Term b) {
  INTEGER_OPERANDS(a, b);
  if (BOTH_SMALL(a, b)) return make_small(small_value(a) & small_value(b));
  return limited(p, big_band(p, a, b));
}
Term arith_bor(Process& p, Term a, Term b) {
  INTEGER_OPERANDS(a, b);
  if (BOTH_SMALL(a, b)) return make_small(small_value(a) | small_value(b));
  return limited(p, big_bor(p, a, b));
}
Term arith_bxor(Process& p, Term a, Term b) {
  INTEGER_OPERANDS(a, b);
  if (BOTH_SMALL(a, b)) return make_small(small_value(a) ^ small_value(b));
  return limited(p, big_bxor(p, a, b));
}

// a * 2^by for any integer a and a shift that must be a small integer.
static Term shift(Process& p, Term a, Term by_term, bool left) {
  if (!is_small(by_term)) {
    // A huge shift: right gives 0 or -1, left is a system limit unless a is 0.
    bool towards_zero = left == (is_bignum(by_term) && header_subtag(boxed_header(by_term)) == Subtag::NegBig);
    IntView v(a);
    if (towards_zero) return make_small(v.neg ? -1 : 0);
    return v.n == 0 ? make_small(0) : system_limit(p);
  }
  Sint by = small_value(by_term);
  if (!left) by = -by;
  if (is_small(a) && by < 64 && by > -64) {
    Sint v = small_value(a);
    if (by <= 0) return make_small(v >> -by);
    __int128 r = __int128(v) << by;
    if ((r >> by) == v) return make_integer(p, r);
  }
  return limited(p, big_shift(p, a, by));
}

Term arith_bsl(Process& p, Term a, Term b) {
  INTEGER_OPERANDS(a, b);
  return shift(p, a, b, true);
}
Term arith_bsr(Process& p, Term a, Term b) {
  INTEGER_OPERANDS(a, b);
  return shift(p, a, b, false);
}

Term arith_bnot(Process& p, Term a) {
  if (!is_integer(a)) return badarith(p);
  if (is_small(a)) return make_small(~small_value(a));
  return limited(p, big_bnot(p, a));
}

Term arith_neg(Process& p, Term a) {
  if (is_small(a)) return make_integer(p, -__int128(small_value(a)));
  if (is_float(a)) return make_float(p, -float_value(a));
  if (is_bignum(a)) return big_neg(p, a);
  return badarith(p);
}

Term arith_plus(Process& p, Term a) {
  // ERTS computes +X as 0 + X: the same number, except that -0.0 becomes 0.0.
  if (is_float(a) && float_value(a) == 0.0 && std::signbit(float_value(a))) return make_float(p, 0.0);
  if (is_number(a)) return a;
  return badarith(p);
}

}  // namespace beamrun
