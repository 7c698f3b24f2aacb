// erlang_numbers.cpp - the erlang module's number BIFs: abs, float, rounding to integers, and
// the conversions between numbers and text (lists and binaries).
#include <cmath>
#include <string>

#include "bifs/bif_util.h"
#include "process/arith.h"
#include "term/bignum.h"
#include "term/binary.h"
#include "term/float_text.h"
#include "text/printer.h"

namespace beamrun {

namespace {

// The bytes of a list of Latin-1 characters (integers 0..255), as ERTS reads the text of
// list_to_integer and list_to_float. False for anything else.
bool latin1_list(Term list, std::string* out) {
  out->clear();
  for (; is_list(list); list = cdr(list)) {
    Term c = car(list);
    if (!is_small(c) || small_value(c) < 0 || small_value(c) > 255) return false;
    out->push_back(char(small_value(c)));
  }
  return is_nil(list);
}

bool binary_text(Term bin, std::string* out) {
  const uint8_t* data;
  size_t size;
  if (!binary_bytes(bin, &data, &size)) return false;
  out->assign(reinterpret_cast<const char*>(data), size);
  return true;
}

Term latin1_to_list(Process* p, std::string_view s) {
  if (s.empty()) return NIL;
  Term* cells = p->alloc(2 * s.size());
  Term list = NIL;
  for (size_t i = s.size(); i-- > 0;) list = write_cons(cells + 2 * i, make_small(uint8_t(s[i])), list);
  return list;
}

Term text_to_binary(Process* p, std::string_view s) { return make_binary(*p, s.data(), s.size()); }

// A base argument: a small integer 2..36, else 0.
int base_of(Term t) {
  if (!is_small(t) || small_value(t) < 2 || small_value(t) > 36) return 0;
  return int(small_value(t));
}

// ---- abs, float, rounding -------------------------------------------------------------------
Term bif_abs(Process* p, Term* a) {
  Term v = a[0];
  if (is_small(v)) return make_integer(*p, small_value(v) < 0 ? -__int128(small_value(v)) : small_value(v));
  if (is_bignum(v)) return header_subtag(boxed_header(v)) == Subtag::NegBig ? big_neg(*p, v) : v;
  if (is_float(v)) {
    // As ERTS: only values below zero are negated, so abs(-0.0) stays -0.0.
    double d = float_value(v);
    return d < 0 ? make_float(*p, -d) : v;
  }
  return badarg(p);
}

Term bif_float(Process* p, Term* a) {
  if (is_float(a[0])) return a[0];
  double d;
  // A bignum beyond the double range is a badarg here (arithmetic says badarith).
  if (!number_to_double(a[0], &d)) return badarg(p);
  return make_float(*p, d);
}

template <double (*F)(double)>
Term float_to_int(Process* p, Term* a) {
  if (is_integer(a[0])) return a[0];
  if (!is_float(a[0])) return badarg(p);
  return double_to_integer(*p, F(float_value(a[0])));
}
double round_half_away(double d) { return std::round(d); }

// ---- integers and text ------------------------------------------------------------------------
Term bif_integer_to_list1(Process* p, Term* a) {
  if (!is_integer(a[0])) return badarg(p);
  return latin1_to_list(p, integer_to_string(a[0], 10));
}
Term bif_integer_to_list2(Process* p, Term* a) {
  int base = base_of(a[1]);
  if (!is_integer(a[0]) || base == 0) return badarg(p);
  return latin1_to_list(p, integer_to_string(a[0], base));
}
Term bif_integer_to_binary1(Process* p, Term* a) {
  if (!is_integer(a[0])) return badarg(p);
  return text_to_binary(p, integer_to_string(a[0], 10));
}
Term bif_integer_to_binary2(Process* p, Term* a) {
  int base = base_of(a[1]);
  if (!is_integer(a[0]) || base == 0) return badarg(p);
  return text_to_binary(p, integer_to_string(a[0], base));
}

// Optional sign and digits of the base, nothing else (no spaces, no underscores, no NUL).
Term text_to_int(Process* p, bool ok, const std::string& s, int base) {
  if (!ok || base == 0) return badarg(p);
  Term t = string_to_integer(*p, s, base);
  if (t == NON_VALUE) return badarg(p);
  // Larger than any integer BEAM can hold (over ten million digits).
  if (is_bignum(t) && header_arity(boxed_header(t)) > MAX_BIG_LIMBS) return p->bif_error(atom::system_limit);
  return t;
}
Term bif_list_to_integer1(Process* p, Term* a) {
  std::string s;
  bool ok = latin1_list(a[0], &s);
  return text_to_int(p, ok, s, 10);
}
Term bif_list_to_integer2(Process* p, Term* a) {
  std::string s;
  bool ok = latin1_list(a[0], &s);
  return text_to_int(p, ok, s, base_of(a[1]));
}
Term bif_binary_to_integer1(Process* p, Term* a) {
  std::string s;
  bool ok = binary_text(a[0], &s);
  return text_to_int(p, ok, s, 10);
}
Term bif_binary_to_integer2(Process* p, Term* a) {
  std::string s;
  bool ok = binary_text(a[0], &s);
  return text_to_int(p, ok, s, base_of(a[1]));
}

// ---- floats and text --------------------------------------------------------------------------
// The text of float_to_list/float_to_binary for an option list; false means badarg.
// Options are read left to right: the last format named wins, `compact` only affects
// {decimals, N}, and N is read as a C int (its low 32 bits), as ERTS does.
bool float_text(Term f, Term opts, std::string* out) {
  if (!is_float(f)) return false;
  enum { Scientific, Decimals, Short } fmt = Scientific;
  int n = 20;
  bool compact = false;
  for (; is_list(opts); opts = cdr(opts)) {
    Term o = car(opts);
    if (o == atom::compact) {
      compact = true;
    } else if (o == atom::short_) {
      fmt = Short;
    } else if (is_tuple(o) && tuple_arity(o) == 2 && is_small(tuple_element(o, 2)) &&
               (tuple_element(o, 1) == atom::decimals || tuple_element(o, 1) == atom::scientific)) {
      fmt = tuple_element(o, 1) == atom::decimals ? Decimals : Scientific;
      n = int32_t(uint32_t(uint64_t(small_value(tuple_element(o, 2)))));
    } else {
      return false;
    }
  }
  if (!is_nil(opts)) return false;
  double d = float_value(f);
  std::optional<std::string> s;
  switch (fmt) {
    case Short: s = format_float_short(d); break;
    case Decimals: s = format_float_fixed(d, n, compact); break;
    case Scientific: s = format_float_scientific(d, n); break;
  }
  if (!s) return false;
  *out = std::move(*s);
  return true;
}

Term bif_float_to_list1(Process* p, Term* a) {
  std::string s;
  if (!float_text(a[0], NIL, &s)) return badarg(p);
  return latin1_to_list(p, s);
}
Term bif_float_to_list2(Process* p, Term* a) {
  std::string s;
  if (!float_text(a[0], a[1], &s)) return badarg(p);
  return latin1_to_list(p, s);
}
Term bif_float_to_binary1(Process* p, Term* a) {
  std::string s;
  if (!float_text(a[0], NIL, &s)) return badarg(p);
  return text_to_binary(p, s);
}
Term bif_float_to_binary2(Process* p, Term* a) {
  std::string s;
  if (!float_text(a[0], a[1], &s)) return badarg(p);
  return text_to_binary(p, s);
}

Term text_to_float(Process* p, bool ok, const std::string& s) {
  if (!ok) return badarg(p);
  std::optional<double> d = parse_float_strict(s);
  if (!d) return badarg(p);
  return write_float(p->alloc(FLOAT_WORDS), *d);
}
Term bif_list_to_float(Process* p, Term* a) {
  std::string s;
  bool ok = latin1_list(a[0], &s);
  return text_to_float(p, ok, s);
}
Term bif_binary_to_float(Process* p, Term* a) {
  std::string s;
  bool ok = binary_text(a[0], &s);
  return text_to_float(p, ok, s);
}

}  // namespace

void register_erlang_number_bifs(Runtime& vm) {
  struct Entry { const char* name; uint32_t arity; BifFn fn; };
  static const Entry entries[] = {
      {"abs", 1, bif_abs}, {"float", 1, bif_float},
      {"trunc", 1, float_to_int<std::trunc>}, {"round", 1, float_to_int<round_half_away>},
      {"ceil", 1, float_to_int<std::ceil>}, {"floor", 1, float_to_int<std::floor>},
      {"integer_to_list", 1, bif_integer_to_list1}, {"integer_to_list", 2, bif_integer_to_list2},
      {"integer_to_binary", 1, bif_integer_to_binary1}, {"integer_to_binary", 2, bif_integer_to_binary2},
      {"list_to_integer", 1, bif_list_to_integer1}, {"list_to_integer", 2, bif_list_to_integer2},
      {"binary_to_integer", 1, bif_binary_to_integer1}, {"binary_to_integer", 2, bif_binary_to_integer2},
      {"float_to_list", 1, bif_float_to_list1}, {"float_to_list", 2, bif_float_to_list2},
      {"float_to_binary", 1, bif_float_to_binary1}, {"float_to_binary", 2, bif_float_to_binary2},
      {"list_to_float", 1, bif_list_to_float}, {"binary_to_float", 1, bif_binary_to_float},
  };
  for (const Entry& e : entries) vm.register_bif("erlang", e.name, e.arity, e.fn);
}

}  // namespace beamrun
