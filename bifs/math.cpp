// math.cpp - the math module's native functions. math:pi/0 is Erlang code in OTP's math.beam
// (loaded from stdlib like any module); everything else the module exports is a BIF.
//
// As in ERTS: each argument, in order, must be a number (else badarg) that fits a double (a
// larger bignum is a badarith); a result that is infinite or NaN is a badarith. The C library
// computes the values, so they are the ones erl computes with the same libm.
#include <cmath>

#include "bifs/bif_util.h"
#include "process/arith.h"

namespace beamrun {

namespace {

// False after raising; the error's frame is {math, F, Args, [error_info]}.
bool math_arg(Process* p, Term t, double* out) {
  if (is_float(t)) {
    *out = float_value(t);
    return true;
  }
  if (!is_number(t)) {
    badarg(p);
    return false;
  }
  if (!number_to_double(t, out)) {
    p->bif_error(atom::badarith);
    return false;
  }
  return true;
}

Term math_result(Process* p, double r) {
  if (!std::isfinite(r)) return p->bif_error(atom::badarith);
  return write_float(p->alloc(FLOAT_WORDS), r);
}

template <double (*F)(double)>
Term math1(Process* p, Term* a) {
  double x;
  if (!math_arg(p, a[0], &x)) return NON_VALUE;
  return math_result(p, F(x));
}

template <double (*F)(double, double)>
Term math2(Process* p, Term* a) {
  double x, y;
  if (!math_arg(p, a[0], &x) || !math_arg(p, a[1], &y)) return NON_VALUE;
  return math_result(p, F(x, y));
}

// Plain functions, so that templates can take the address of one overload.
double m_sin(double x) { return std::sin(x); }
double m_cos(double x) { return std::cos(x); }
double m_tan(double x) { return std::tan(x); }
double m_asin(double x) { return std::asin(x); }
double m_acos(double x) { return std::acos(x); }
double m_atan(double x) { return std::atan(x); }
double m_sinh(double x) { return std::sinh(x); }
double m_cosh(double x) { return std::cosh(x); }
double m_tanh(double x) { return std::tanh(x); }
double m_asinh(double x) { return std::asinh(x); }
double m_acosh(double x) { return std::acosh(x); }
double m_atanh(double x) { return std::atanh(x); }
double m_exp(double x) { return std::exp(x); }
double m_log(double x) { return std::log(x); }
double m_log2(double x) { return std::log2(x); }
double m_log10(double x) { return std::log10(x); }
double m_sqrt(double x) { return std::sqrt(x); }
double m_erf(double x) { return std::erf(x); }
double m_erfc(double x) { return std::erfc(x); }
double m_ceil(double x) { return std::ceil(x); }
double m_floor(double x) { return std::floor(x); }
double m_atan2(double y, double x) { return std::atan2(y, x); }
double m_pow(double x, double y) { return std::pow(x, y); }
double m_fmod(double x, double y) { return std::fmod(x, y); }

}  // namespace

void register_math_bifs(Runtime& vm) {
  struct Entry { const char* name; uint32_t arity; BifFn fn; };
  static const Entry entries[] = {
      {"sin", 1, math1<m_sin>},     {"cos", 1, math1<m_cos>},       {"tan", 1, math1<m_tan>},
      {"asin", 1, math1<m_asin>},   {"acos", 1, math1<m_acos>},     {"atan", 1, math1<m_atan>},
      {"sinh", 1, math1<m_sinh>},   {"cosh", 1, math1<m_cosh>},     {"tanh", 1, math1<m_tanh>},
      {"asinh", 1, math1<m_asinh>}, {"acosh", 1, math1<m_acosh>},   {"atanh", 1, math1<m_atanh>},
      {"exp", 1, math1<m_exp>},     {"log", 1, math1<m_log>},       {"log2", 1, math1<m_log2>},
      {"log10", 1, math1<m_log10>}, {"sqrt", 1, math1<m_sqrt>},     {"erf", 1, math1<m_erf>},
      {"erfc", 1, math1<m_erfc>},   {"ceil", 1, math1<m_ceil>},     {"floor", 1, math1<m_floor>},
      {"atan2", 2, math2<m_atan2>}, {"pow", 2, math2<m_pow>},       {"fmod", 2, math2<m_fmod>},
  };
  for (const Entry& e : entries) vm.register_bif("math", e.name, e.arity, e.fn);
}

}  // namespace beamrun
