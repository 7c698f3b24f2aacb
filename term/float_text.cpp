// float_text.cpp - ERTS's fixed and scientific float formats, and its strict float syntax.
#include "term/float_text.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>

namespace beamrun {

namespace {

// 10^0 .. 10^18, all exact doubles and all below 2^64.
constexpr int FAST_MAX_DECIMALS = 18;
constexpr double POW10[FAST_MAX_DECIMALS + 1] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,
                                                 1e7,  1e8,  1e9,  1e10, 1e11, 1e12, 1e13,
                                                 1e14, 1e15, 1e16, 1e17, 1e18};
constexpr double TWO_POW_53 = 9007199254740992.0;

// ERTS has a fast path for {decimals, N} that is not exact: for N <= 18 and |d| < 2^53 it
// splits off the integer part, multiplies the fraction by 10^N in double precision and rounds
// that product half away from zero. So 0.125 gives "0.13" (printf would give "0.12") and
// 0.75849204999999997 with N = 7 gives "0.7584921" (the product rounds up to ...20.5).
std::string fixed_fast(double d, int decimals) {
  double a = std::fabs(d);
  uint64_t whole = uint64_t(a);
  double product = (a - double(whole)) * POW10[decimals];  // the fraction is exact
  uint64_t frac = uint64_t(std::round(product));
  uint64_t limit = uint64_t(POW10[decimals]);
  if (frac >= limit) {  // rounded up into the integer part
    frac -= limit;
    ++whole;
  }
  std::string s = std::signbit(d) ? "-" : "";
  s += std::to_string(whole);
  if (decimals > 0) {
    std::string f = std::to_string(frac);
    s += '.';
    s.append(size_t(decimals) - f.size(), '0');
    s += f;
  }
  return s;
}

}  // namespace

std::optional<std::string> format_float_fixed(double d, int decimals, bool compact) {
  if (decimals < 0) return std::nullopt;
  std::string s;
  if (decimals <= FAST_MAX_DECIMALS && std::fabs(d) < TWO_POW_53) {
    s = fixed_fast(d, decimals);
  } else {
    // Other values are printf's exact "%.*f" (ties to even). The length check comes first.
    if (decimals > int(FLOAT_TEXT_MAX)) return std::nullopt;
    char buf[FLOAT_TEXT_MAX + 1];
    int n = std::snprintf(buf, sizeof buf, "%.*f", decimals, d);
    if (n < 0 || size_t(n) > FLOAT_TEXT_MAX) return std::nullopt;
    s.assign(buf, size_t(n));
    // ERTS's compaction of this text, when there is no decimal point (N = 0), strips the
    // integer's trailing zeros: 1.0e20 gives "1". The fast path above does not.
    if (compact && decimals == 0) {
      while (s.size() > 1 && s.back() == '0') s.pop_back();
      return s;
    }
  }
  if (compact && decimals > 0) {
    // Trailing zeros go, but one digit stays after the point.
    size_t keep = s.find('.') + 2;
    while (s.size() > keep && s.back() == '0') s.pop_back();
  }
  return s;
}

std::optional<std::string> format_float_scientific(double d, int digits) {
  // At most "-d." + digits + "e-308": bail out before asking printf for megabytes.
  if (digits > int(FLOAT_TEXT_MAX)) return std::nullopt;
  char buf[FLOAT_TEXT_MAX + 1];
  int n = std::snprintf(buf, sizeof buf, "%.*e", digits, d);
  if (n < 0 || size_t(n) > FLOAT_TEXT_MAX) return std::nullopt;
  return std::string(buf, size_t(n));
}

std::optional<double> parse_float_strict(std::string_view text) {
  if (size_t nul = text.find('\0'); nul != std::string_view::npos) text = text.substr(0, nul);
  size_t i = 0, n = text.size();
  auto digits = [&]() {
    size_t start = i;
    while (i < n && text[i] >= '0' && text[i] <= '9') ++i;
    return i - start;
  };
  bool neg = false;  // from_chars takes no '+': the sign is applied at the end
  if (i < n && (text[i] == '+' || text[i] == '-')) neg = text[i++] == '-';
  size_t int_start = i;
  if (digits() == 0) return std::nullopt;
  size_t int_end = i;
  if (i >= n || (text[i] != '.' && text[i] != ',')) return std::nullopt;
  ++i;
  size_t frac_start = i;
  if (digits() == 0) return std::nullopt;
  size_t frac_end = i;
  long exp = 0;
  if (i < n && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool eneg = false;
    if (i < n && (text[i] == '+' || text[i] == '-')) eneg = text[i++] == '-';
    size_t start = i;
    if (digits() == 0) return std::nullopt;
    for (size_t k = start; k < i; ++k) exp = std::min(exp * 10 + (text[k] - '0'), 100000L);
    if (eneg) exp = -exp;
  }
  if (i != n) return std::nullopt;

  std::string num(text.substr(int_start));
  num[int_end - int_start] = '.';
  double v = 0;
  auto r = std::from_chars(num.data(), num.data() + num.size(), v,
                           std::chars_format::scientific | std::chars_format::fixed);
  if (r.ec == std::errc::result_out_of_range) {
    // Too large (a badarg) or too small (zero, as strtod gives it)? The decimal exponent of
    // the first significant digit tells.
    long mag = 0;
    size_t k = int_start;
    while (k < int_end && text[k] == '0') ++k;
    if (k < int_end) {
      mag = long(int_end - k) - 1;
    } else {
      k = frac_start;
      while (k < frac_end && text[k] == '0') ++k;
      mag = -long(k - frac_start) - 1;
    }
    if (mag + exp >= 0) return std::nullopt;
    v = 0.0;
  } else if (r.ec != std::errc() || r.ptr != num.data() + num.size() || !std::isfinite(v)) {
    return std::nullopt;
  }
  return neg ? -v : v;
}

}  // namespace beamrun
