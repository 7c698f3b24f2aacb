// arith.h - Erlang arithmetic on terms: the operations behind +, -, *, /, div, rem and the
// bitwise operators, shared by the guard BIFs and erlang:'+'/2 and friends.
//
// Each returns the result, or NON_VALUE after raising in `p` (badarith as BEAM raises it).
// Small integers take an inline fast path; results that leave the 60-bit small range become
// bignums (term/bignum.h).
#pragma once
#include "process/process.h"
#include "term/term.h"

namespace beamrun {

// A number as a double; false for non-numbers and for integers beyond the double range.
bool number_to_double(Term t, double* out);
// A float term, or badarith when d is not finite.
Term make_float(Process& p, double d);
// A small integer, or a bignum when v does not fit.
Term make_integer(Process& p, __int128 v);

Term arith_add(Process& p, Term a, Term b);
Term arith_sub(Process& p, Term a, Term b);
Term arith_mul(Process& p, Term a, Term b);
Term arith_fdiv(Process& p, Term a, Term b);   // '/'
Term arith_idiv(Process& p, Term a, Term b);   // div
Term arith_rem(Process& p, Term a, Term b);
Term arith_band(Process& p, Term a, Term b);
Term arith_bor(Process& p, Term a, Term b);
Term arith_bxor(Process& p, Term a, Term b);
Term arith_bsl(Process& p, Term a, Term b);
Term arith_bsr(Process& p, Term a, Term b);
Term arith_bnot(Process& p, Term a);
Term arith_neg(Process& p, Term a);  // unary -
Term arith_plus(Process& p, Term a); // unary +

}  // namespace beamrun
