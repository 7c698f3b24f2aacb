#include "vm/arith.h"

#include <cmath>

#include "vm/atoms.h"

namespace beamrun {

namespace {

Term unsupported_bignum(Process& p) {
  Term* t = p.alloc(3);
  t[0] = make_tuple_header(2);
  t[1] = atom::beamrun_unsupported;
  t[2] = atom::bignum;
  return p.raise(ExcKind::Error, make_boxed(t));
}

inline Term badarith(Process& p) { return p.bif_error(atom::badarith); }

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
    double d = 0;
    for (Uint i = n; i-- > 0;) d = d * 18446744073709551616.0 + double(b[1 + i]);
    *out = header_subtag(b[0]) == Subtag::NegBig ? -d : d;
    return true;
  }
  return false;
}

Term make_float(Process& p, double d) {
  if (!std::isfinite(d)) return badarith(p);
  return write_float(p.alloc(FLOAT_WORDS), d);
}

Term make_integer(Process& p, __int128 v) {
  if (v >= MIN_SMALL && v <= MAX_SMALL) return make_small(Sint(v));
  return unsupported_bignum(p);
}

#define BOTH_SMALL(a, b) (is_small(a) && is_small(b))
#define INTEGER_OPERANDS(a, b)                                                   \
  do {                                                                           \
    if (!is_integer(a) || !is_integer(b)) return badarith(p);                    \
    if (!BOTH_SMALL(a, b)) return unsupported_bignum(p);                         \
  } while (0)

Term arith_add(Process& p, Term a, Term b) {
  if (BOTH_SMALL(a, b)) return make_integer(p, __int128(small_value(a)) + small_value(b));
  double x, y;
  if (float_operands(a, b, &x, &y)) return make_float(p, x + y);
  INTEGER_OPERANDS(a, b);
  return badarith(p);
}

Term arith_sub(Process& p, Term a, Term b) {
  if (BOTH_SMALL(a, b)) return make_integer(p, __int128(small_value(a)) - small_value(b));
  double x, y;
  if (float_operands(a, b, &x, &y)) return make_float(p, x - y);
  INTEGER_OPERANDS(a, b);
  return badarith(p);
}

Term arith_mul(Process& p, Term a, Term b) {
  if (BOTH_SMALL(a, b)) return make_integer(p, __int128(small_value(a)) * small_value(b));
  double x, y;
  if (float_operands(a, b, &x, &y)) return make_float(p, x * y);
  INTEGER_OPERANDS(a, b);
  return badarith(p);
}

Term arith_fdiv(Process& p, Term a, Term b) {
  double x, y;
  if (!number_to_double(a, &x) || !number_to_double(b, &y)) return badarith(p);
  if (y == 0.0) return badarith(p);
  return make_float(p, x / y);
}

Term arith_idiv(Process& p, Term a, Term b) {
  INTEGER_OPERANDS(a, b);
  Sint y = small_value(b);
  if (y == 0) return badarith(p);
  return make_integer(p, __int128(small_value(a)) / y);  // truncates towards zero, as div does
}

Term arith_rem(Process& p, Term a, Term b) {
  INTEGER_OPERANDS(a, b);
  Sint y = small_value(b);
  if (y == 0) return badarith(p);
  return make_small(small_value(a) % y);  // sign follows the dividend, as rem does
}

Term arith_band(Process& p, Term a, Term b) {
  INTEGER_OPERANDS(a, b);
  return make_small(small_value(a) & small_value(b));
}
Term arith_bor(Process& p, Term a, Term b) {
  INTEGER_OPERANDS(a, b);
  return make_small(small_value(a) | small_value(b));
}
Term arith_bxor(Process& p, Term a, Term b) {
  INTEGER_OPERANDS(a, b);
  return make_small(small_value(a) ^ small_value(b));
}

static Term shift_left(Process& p, Sint v, Sint by) {
  if (by <= -64) return make_small(v < 0 ? -1 : 0);
  if (by < 0) return make_small(v >> -by);
  if (v == 0) return make_small(0);
  if (by >= 64) return unsupported_bignum(p);
  __int128 r = __int128(v) << by;
  if ((r >> by) != v) return unsupported_bignum(p);
  return make_integer(p, r);
}

Term arith_bsl(Process& p, Term a, Term b) {
  INTEGER_OPERANDS(a, b);
  return shift_left(p, small_value(a), small_value(b));
}
Term arith_bsr(Process& p, Term a, Term b) {
  INTEGER_OPERANDS(a, b);
  Sint by = small_value(b);
  if (by == MIN_SMALL) return unsupported_bignum(p);
  return shift_left(p, small_value(a), -by);
}

Term arith_bnot(Process& p, Term a) {
  if (!is_integer(a)) return badarith(p);
  if (!is_small(a)) return unsupported_bignum(p);
  return make_small(~small_value(a));
}

Term arith_neg(Process& p, Term a) {
  if (is_small(a)) return make_integer(p, -__int128(small_value(a)));
  if (is_float(a)) return make_float(p, -float_value(a));
  if (is_bignum(a)) return unsupported_bignum(p);
  return badarith(p);
}

Term arith_plus(Process& p, Term a) {
  if (is_number(a)) return a;
  return badarith(p);
}

}  // namespace beamrun
