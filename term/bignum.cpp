// bignum.cpp - sign-magnitude bignums over GMP's mpn functions.
#include "term/bignum.h"

#include <gmp.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

static_assert(sizeof(mp_limb_t) == sizeof(uint64_t), "beamrun needs 64-bit GMP limbs");

namespace beamrun {

namespace {

using Limbs = std::vector<mp_limb_t>;

size_t normalized(const mp_limb_t* d, size_t n) {
  while (n > 0 && d[n - 1] == 0) --n;
  return n;
}

// An arithmetic result: NON_VALUE (a system_limit) when it is larger than BEAM allows.
Term result(WordAllocator& al, const mp_limb_t* d, size_t n, bool neg) {
  if (normalized(d, n) > MAX_BIG_LIMBS) return NON_VALUE;
  return make_integer_from_limbs(al, d, n, neg);
}

// Compares magnitudes.
int cmp_mag(const mp_limb_t* a, size_t an, const mp_limb_t* b, size_t bn) {
  if (an != bn) return an < bn ? -1 : 1;
  return an == 0 ? 0 : mpn_cmp(a, b, mp_size_t(an));
}

// |a| + |b| or |a| - |b| with the sign logic of signed addition.
Term add_signed(WordAllocator& al, const IntView& a, const IntView& b, bool negate_b) {
  bool bneg = negate_b ? !b.neg : b.neg;
  if (a.n == 0) return make_integer_from_limbs(al, b.limbs, b.n, bneg);
  if (b.n == 0) return make_integer_from_limbs(al, a.limbs, a.n, a.neg);
  if (a.neg == bneg) {
    const IntView& big = a.n >= b.n ? a : b;
    const IntView& small = a.n >= b.n ? b : a;
    Limbs r(big.n + 1);
    r[big.n] = mpn_add(r.data(), big.limbs, mp_size_t(big.n), small.limbs, mp_size_t(small.n));
    return result(al, r.data(), r.size(), a.neg);
  }
  int c = cmp_mag(a.limbs, a.n, b.limbs, b.n);
  if (c == 0) return make_small(0);
  const IntView& big = c > 0 ? a : b;
  const IntView& small = c > 0 ? b : a;
  bool neg = c > 0 ? a.neg : bneg;
  Limbs r(big.n);
  mpn_sub(r.data(), big.limbs, mp_size_t(big.n), small.limbs, mp_size_t(small.n));
  return make_integer_from_limbs(al, r.data(), r.size(), neg);
}

// Two's complement of an integer in `n` limbs (n large enough to hold it plus a sign limb).
Limbs twos(const IntView& v, size_t n) {
  Limbs r(n, 0);
  std::copy(v.limbs, v.limbs + v.n, r.begin());
  if (v.neg) {
    for (auto& l : r) l = ~l;
    mpn_add_1(r.data(), r.data(), mp_size_t(n), 1);
  }
  return r;
}

Term from_twos(WordAllocator& al, Limbs& r) {
  bool neg = (r.back() >> 63) != 0;
  if (neg) {
    for (auto& l : r) l = ~l;
    mpn_add_1(r.data(), r.data(), mp_size_t(r.size()), 1);
  }
  return result(al, r.data(), r.size(), neg);
}

template <typename Op>
Term bitwise(WordAllocator& p, Term a, Term b, Op op) {
  IntView x(a), y(b);
  size_t n = std::max(x.n, y.n) + 1;
  Limbs u = twos(x, n), v = twos(y, n);
  for (size_t i = 0; i < n; ++i) u[i] = op(u[i], v[i]);
  return from_twos(p, u);
}

}  // namespace

IntView::IntView(Term t) {
  if (is_small(t)) {
    Sint v = small_value(t);
    neg = v < 0;
    buf = neg ? Uint(-v) : Uint(v);
    limbs = &buf;
    n = buf ? 1 : 0;
  } else {
    const Term* b = boxed_ptr(t);
    neg = header_subtag(b[0]) == Subtag::NegBig;
    limbs = b + 1;
    n = header_arity(b[0]);
    buf = 0;
  }
}

Term make_integer_from_limbs(WordAllocator& a, const uint64_t* limbs, size_t n, bool neg) {
  n = normalized(limbs, n);
  if (n == 0) return make_small(0);
  if (n == 1 && limbs[0] <= Uint(MAX_SMALL)) return make_small(neg ? -Sint(limbs[0]) : Sint(limbs[0]));
  if (n == 1 && neg && limbs[0] == Uint(MAX_SMALL) + 1) return make_small(MIN_SMALL);
  Term* w = a.alloc_words(n + 1);
  w[0] = make_header(n, neg ? Subtag::NegBig : Subtag::PosBig);
  std::memcpy(w + 1, limbs, n * sizeof(uint64_t));
  return make_boxed(w);
}

Term make_integer_i128(WordAllocator& a, __int128 v) {
  if (v >= MIN_SMALL && v <= MAX_SMALL) return make_small(Sint(v));
  bool neg = v < 0;
  unsigned __int128 m = neg ? (unsigned __int128)(-(v + 1)) + 1 : (unsigned __int128)v;
  uint64_t limbs[2] = {uint64_t(m), uint64_t(m >> 64)};
  return make_integer_from_limbs(a, limbs, 2, neg);
}

Term big_add(WordAllocator& p, Term a, Term b) { return add_signed(p, IntView(a), IntView(b), false); }
Term big_sub(WordAllocator& p, Term a, Term b) { return add_signed(p, IntView(a), IntView(b), true); }

Term big_mul(WordAllocator& p, Term a, Term b) {
  IntView x(a), y(b);
  if (x.n == 0 || y.n == 0) return make_small(0);
  if (x.n + y.n > MAX_BIG_LIMBS + 1) return NON_VALUE;  // the product has n or n-1 limbs
  const IntView& big = x.n >= y.n ? x : y;
  const IntView& small = x.n >= y.n ? y : x;
  Limbs r(big.n + small.n);
  mpn_mul(r.data(), big.limbs, mp_size_t(big.n), small.limbs, mp_size_t(small.n));
  return result(p, r.data(), r.size(), x.neg != y.neg);
}

static void divrem(const IntView& x, const IntView& y, Limbs* q, Limbs* r) {
  if (x.n < y.n) {
    q->assign(1, 0);
    r->assign(x.limbs, x.limbs + x.n);
    return;
  }
  q->assign(x.n - y.n + 1, 0);
  r->assign(y.n, 0);
  mpn_tdiv_qr(q->data(), r->data(), 0, x.limbs, mp_size_t(x.n), y.limbs, mp_size_t(y.n));
}

Term big_div(WordAllocator& p, Term a, Term b) {
  IntView x(a), y(b);
  Limbs q, r;
  divrem(x, y, &q, &r);
  return make_integer_from_limbs(p, q.data(), q.size(), x.neg != y.neg);
}

Term big_rem(WordAllocator& p, Term a, Term b) {
  IntView x(a), y(b);
  Limbs q, r;
  divrem(x, y, &q, &r);
  return make_integer_from_limbs(p, r.data(), r.size(), x.neg);
}

Term big_band(WordAllocator& p, Term a, Term b) { return bitwise(p, a, b, [](uint64_t u, uint64_t v) { return u & v; }); }
Term big_bor(WordAllocator& p, Term a, Term b) { return bitwise(p, a, b, [](uint64_t u, uint64_t v) { return u | v; }); }
Term big_bxor(WordAllocator& p, Term a, Term b) { return bitwise(p, a, b, [](uint64_t u, uint64_t v) { return u ^ v; }); }

Term big_neg(WordAllocator& p, Term a) {
  IntView x(a);
  return make_integer_from_limbs(p, x.limbs, x.n, !x.neg);
}

Term big_bnot(WordAllocator& p, Term a) {
  // bnot X = (-X) - 1
  IntView x(a), one(make_small(1));
  IntView minus_x = x;  // a bignum's view: its limbs live on the heap, not in the view
  minus_x.neg = !x.neg;
  return add_signed(p, minus_x, one, true);
}

Term big_shift(WordAllocator& p, Term a, Sint shift) {
  IntView x(a);
  if (x.n == 0) return make_small(0);
  if (shift >= 0) {
    Uint limb_shift = Uint(shift) / 64, bit_shift = Uint(shift) % 64;
    if (x.n + limb_shift > MAX_BIG_LIMBS) return NON_VALUE;
    Limbs r(x.n + limb_shift + 1, 0);
    if (bit_shift) r[x.n + limb_shift] = mpn_lshift(r.data() + limb_shift, x.limbs, mp_size_t(x.n), unsigned(bit_shift));
    else std::copy(x.limbs, x.limbs + x.n, r.begin() + Sint(limb_shift));
    return result(p, r.data(), r.size(), x.neg);
  }
  Uint by = Uint(-(shift + 1)) + 1;
  Uint limb_shift = by / 64, bit_shift = by % 64;
  if (limb_shift >= x.n) return make_small(x.neg ? -1 : 0);
  if (!x.neg) {
    Limbs r(x.n - limb_shift);
    if (bit_shift) mpn_rshift(r.data(), x.limbs + limb_shift, mp_size_t(r.size()), unsigned(bit_shift));
    else std::copy(x.limbs + limb_shift, x.limbs + x.n, r.begin());
    return make_integer_from_limbs(p, r.data(), r.size(), false);
  }
  // Negative: floor(x / 2^by) = -((|x| - 1) >> by) - 1.
  Limbs m(x.limbs, x.limbs + x.n);
  mpn_sub_1(m.data(), m.data(), mp_size_t(m.size()), 1);
  Limbs r(x.n - limb_shift);
  if (bit_shift) mpn_rshift(r.data(), m.data() + limb_shift, mp_size_t(r.size()), unsigned(bit_shift));
  else std::copy(m.begin() + Sint(limb_shift), m.end(), r.begin());
  r.push_back(0);
  mpn_add_1(r.data(), r.data(), mp_size_t(r.size()), 1);
  return make_integer_from_limbs(p, r.data(), r.size(), true);
}

std::string integer_to_string(Term t, int base) {
  IntView x(t);
  if (x.n == 0) return "0";
  if (x.n == 1) {  // one machine word: no need for GMP
    char buf[66];
    char* end = buf + sizeof buf;
    char* p = end;
    for (uint64_t v = x.limbs[0]; v; v /= unsigned(base)) {
      unsigned d = unsigned(v % unsigned(base));
      *--p = char(d < 10 ? '0' + d : 'A' + d - 10);
    }
    if (x.neg) *--p = '-';
    return std::string(p, end);
  }
  Limbs tmp(x.limbs, x.limbs + x.n + 0);
  tmp.push_back(0);  // mpn_get_str needs one extra limb of room
  size_t digits = mpn_sizeinbase(x.limbs, mp_size_t(x.n), base) + 2;
  std::string s(digits, '\0');
  size_t len = mpn_get_str(reinterpret_cast<unsigned char*>(s.data()), base, tmp.data(), mp_size_t(x.n));
  s.resize(len);
  size_t i = 0;
  while (i + 1 < s.size() && s[i] == 0) ++i;  // mpn_get_str may leave leading zeros
  s.erase(0, i);
  for (char& c : s) c = char(c < 10 ? '0' + c : 'A' + c - 10);
  if (x.neg) s.insert(s.begin(), '-');
  return s;
}

Term string_to_integer(WordAllocator& a, std::string_view s, int base) {
  if (base < 2 || base > 36) return NON_VALUE;
  bool neg = false;
  size_t i = 0;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) { neg = s[0] == '-'; i = 1; }
  if (i >= s.size()) return NON_VALUE;
  std::string digits;
  digits.reserve(s.size() - i);
  for (; i < s.size(); ++i) {
    char c = s[i];
    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'z' ? c - 'a' + 10 : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : 99;
    if (d >= base) return NON_VALUE;
    digits.push_back(char(d));
  }
  if (digits.size() < 17) {
    __int128 v = 0;
    for (char d : digits) v = v * base + d;
    return make_integer_i128(a, neg ? -v : v);
  }
  Limbs r(digits.size() / 8 + 2);
  mp_size_t n = mpn_set_str(r.data(), reinterpret_cast<const unsigned char*>(digits.data()), digits.size(), base);
  return make_integer_from_limbs(a, r.data(), size_t(n), neg);
}

Term double_to_integer(WordAllocator& a, double d) {
  d = std::trunc(d);
  if (std::fabs(d) < 9.0e18) return make_integer_i128(a, __int128(int64_t(d)));
  int exp;
  double m = std::frexp(std::fabs(d), &exp);  // |d| = m * 2^exp, 0.5 <= m < 1
  uint64_t mant = uint64_t(std::ldexp(m, 53));
  size_t shift = size_t(exp - 53);
  Limbs r(shift / 64 + 2, 0);
  r[shift / 64] = mant << (shift % 64);
  if (shift % 64) r[shift / 64 + 1] = mant >> (64 - shift % 64);
  return make_integer_from_limbs(a, r.data(), r.size(), d < 0);
}

}  // namespace beamrun
