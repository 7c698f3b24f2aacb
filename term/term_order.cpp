#include "term/term_order.h"

#include <gmp.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string_view>
#include <vector>

#include "term/export.h"
#include "term/map.h"

namespace beamrun {

static_assert(sizeof(mp_limb_t) == sizeof(Uint), "bignum limbs are 64-bit GMP limbs");

namespace {

// --- type classes ---------------------------------------------------------------------------

// Rank of each class in the standard order. Closures and export funs share the fun class; a
// closure orders before any export fun (checked against OTP 25's lists:sort).
enum Rank : int {
  R_NUMBER, R_ATOM, R_REF, R_FUN, R_PORT, R_PID, R_TUPLE, R_MAP, R_NIL, R_LIST, R_BITS, R_OTHER
};

int rank_of(Term t) {
  switch (primary_tag(t)) {
    case TAG_PRIMARY_LIST:
      return R_LIST;
    case TAG_PRIMARY_BOXED:
      switch (header_subtag(boxed_header(t))) {
        case Subtag::Tuple: return R_TUPLE;
        case Subtag::PosBig:
        case Subtag::NegBig:
        case Subtag::Float: return R_NUMBER;
        case Subtag::Ref:
        case Subtag::ExternalRef: return R_REF;
        case Subtag::Fun:
        case Subtag::Export: return R_FUN;
        case Subtag::ExternalPort: return R_PORT;
        case Subtag::ExternalPid: return R_PID;
        case Subtag::Map:
        case Subtag::HashMap: return R_MAP;
        case Subtag::HeapBin:
        case Subtag::RefcBin:
        case Subtag::SubBin: return R_BITS;
        default: return R_OTHER;
      }
    case TAG_PRIMARY_IMMED1:
      if (is_small(t)) return R_NUMBER;
      if (is_atom(t)) return R_ATOM;
      if (is_nil(t)) return R_NIL;
      if (is_local_pid(t)) return R_PID;
      if (is_local_port(t)) return R_PORT;
      return R_OTHER;
    default:
      return R_OTHER;
  }
}

inline int sign_of(Sint d) { return (d > 0) - (d < 0); }
inline int cmp_uint(Uint a, Uint b) { return (a > b) - (a < b); }

int cmp_atoms(Term a, Term b, const AtomTable& atoms) {
  if (a == b) return 0;
  // char_traits<char> compares as unsigned char: byte order of UTF-8 = code point order.
  int c = atoms.name(a).compare(atoms.name(b));
  return sign_of(c);
}

// --- numbers --------------------------------------------------------------------------------

struct IntView {
  const Uint* limbs;  // magnitude, little-endian
  Uint n;             // limb count (>= 1)
  bool neg;
  Uint one;           // storage for a small's magnitude
};

void int_view(Term t, IntView* v) {
  if (is_small(t)) {
    Sint s = small_value(t);
    v->neg = s < 0;
    v->one = s < 0 ? Uint(0) - Uint(s) : Uint(s);
    v->limbs = &v->one;
    v->n = 1;
  } else {
    Term* p = boxed_ptr(t);
    v->neg = header_subtag(p[0]) == Subtag::NegBig;
    v->limbs = p + 1;
    v->n = header_arity(p[0]);
    while (v->n > 1 && v->limbs[v->n - 1] == 0) v->n--;  // tolerate non-normalised limbs
  }
}

int cmp_magnitudes(const Uint* a, Uint an, const Uint* b, Uint bn) {
  if (an != bn) return an < bn ? -1 : 1;
  int c = mpn_cmp(reinterpret_cast<const mp_limb_t*>(a), reinterpret_cast<const mp_limb_t*>(b),
                  mp_size_t(an));
  return sign_of(c);
}

int cmp_integers(Term a, Term b) {
  if (is_small(a) && is_small(b)) {
    Sint x = small_value(a), y = small_value(b);
    return (x > y) - (x < y);
  }
  IntView x, y;
  int_view(a, &x);
  int_view(b, &y);
  if (x.neg != y.neg) return x.neg ? -1 : 1;
  int c = cmp_magnitudes(x.limbs, x.n, y.limbs, y.n);
  return x.neg ? -c : c;
}

// Exact comparison of an integer with a double, without rounding the integer.
int cmp_integer_double(Term i, double d) {
  if (is_small(i)) {
    Sint s = small_value(i);
    const Sint exact_limit = Sint(1) << 53;  // every integer below this is a double exactly
    if (s > -exact_limit && s < exact_limit) {
      double x = double(s);
      return (x > d) - (x < d);
    }
  }
  IntView v;
  int_view(i, &v);
  bool d_neg = std::signbit(d) && d != 0.0;
  bool i_zero = v.n == 1 && v.limbs[0] == 0;
  if (i_zero) return d > 0 ? -1 : (d < 0 ? 1 : 0);
  if (v.neg != d_neg || d == 0.0) return v.neg ? -1 : 1;
  // Same sign, both non-zero: compare magnitudes |i| against |d|.
  double m = std::fabs(d);
  int e;
  double frac = std::frexp(m, &e);  // m = frac * 2^e, frac in [0.5, 1)
  int mag;                          // sign of |i| - |d|
  if (e <= 0) {
    mag = 1;  // |d| < 1 <= |i|
  } else {
    Uint mant = Uint(std::ldexp(frac, 53));  // 53 significant bits, exact
    int shift = e - 53;
    Uint limbs[20] = {0};  // |d| < 2^1024: at most 17 limbs
    Uint n;
    bool has_fraction = false;
    if (shift >= 0) {
      Uint word = Uint(shift) / 64, bit = Uint(shift) % 64;
      limbs[word] = mant << bit;
      if (bit) limbs[word + 1] = mant >> (64 - bit);
      n = word + 2;
    } else {
      has_fraction = (mant & ((Uint(1) << -shift) - 1)) != 0;
      limbs[0] = mant >> -shift;
      n = 1;
    }
    while (n > 1 && limbs[n - 1] == 0) n--;
    mag = cmp_magnitudes(v.limbs, v.n, limbs, n);
    if (mag == 0 && has_fraction) mag = -1;
  }
  return v.neg ? -mag : mag;
}

// Both a and b are numbers.
int cmp_numbers(Term a, Term b, bool exact) {
  bool af = is_float(a), bf = is_float(b);
  if (af && bf) {
    double x = float_value(a), y = float_value(b);
    return (x > y) - (x < y);  // OTP 25: 0.0 =:= -0.0
  }
  if (!af && !bf) return cmp_integers(a, b);
  if (exact) return af ? 1 : -1;  // map key order: every integer before every float
  return af ? -cmp_integer_double(b, float_value(a)) : cmp_integer_double(a, float_value(b));
}

// --- a small explicit stack -----------------------------------------------------------------

// Pairs of term arrays still to compare, element by element, in order.
struct Work {
  const Term* a;
  const Term* b;
  Uint n;
  bool exact;
};

class WorkStack {
 public:
  bool empty() const { return size_ == 0; }
  Work& top() { return at(size_ - 1); }
  void pop() { size_--; }
  void push(const Term* a, const Term* b, Uint n, bool exact) {
    if (n == 0) return;
    if (size_ < INLINE) {
      inline_[size_++] = Work{a, b, n, exact};
      return;
    }
    if (spill_.size() < size_ - INLINE + 1) spill_.resize(size_ - INLINE + 1);
    spill_[size_ - INLINE] = Work{a, b, n, exact};
    size_++;
  }

 private:
  static constexpr size_t INLINE = 32;
  Work& at(size_t i) { return i < INLINE ? inline_[i] : spill_[i - INLINE]; }
  Work inline_[INLINE];
  std::vector<Work> spill_;
  size_t size_ = 0;
};

// --- funs, refs, other boxed objects of the same class ------------------------------------

// Pids, ports and references of every node. A local one is this node's (nonode@nohost,
// creation 0). ERTS compares a pid's data (serial, then number) before its node, and a port's
// or a reference's node before its number or id words; nodes compare by name, then creation.
struct IdView {
  Term node;
  uint32_t creation;
  uint64_t data;  // pids: serial << 32 | number; ports: the number
};

IdView id_view(Term t) {
  if (is_local_pid(t)) return {atom::nonode_nohost, 0, uint64_t(local_pid_serial(t)) << 32 | local_pid_number(t)};
  if (is_local_port(t)) return {atom::nonode_nohost, 0, port_serial(t)};
  return {external_node(t), external_creation(t), external_data(t)};
}

// Node names, then creations; without an atom table (equality only) any difference is 1.
int cmp_nodes(Term na, uint32_t ca, Term nb, uint32_t cb, const AtomTable* atoms) {
  if (na != nb) return atoms ? cmp_atoms(na, nb, *atoms) : 1;
  return cmp_uint(ca, cb);
}

int cmp_pids(Term a, Term b, const AtomTable* atoms) {
  IdView x = id_view(a), y = id_view(b);
  int c = cmp_uint(x.data, y.data);
  return c ? c : cmp_nodes(x.node, x.creation, y.node, y.creation, atoms);
}

int cmp_ports(Term a, Term b, const AtomTable* atoms) {
  IdView x = id_view(a), y = id_view(b);
  int c = cmp_nodes(x.node, x.creation, y.node, y.creation, atoms);
  return c ? c : cmp_uint(x.data, y.data);
}

// A reference's id words, least significant first, with its node.
struct RefView {
  Term node;
  uint32_t creation;
  const Term* ids;
  Uint n;
};

RefView ref_view(Term t) {
  if (is_ref(t)) return {atom::nonode_nohost, 0, boxed_ptr(t) + 1, 3};  // w0, w1, w2
  return {external_node(t), external_creation(t), external_ref_ids(t), external_ref_count(t)};
}

int cmp_refs(Term a, Term b, const AtomTable* atoms) {
  RefView x = ref_view(a), y = ref_view(b);
  int c = cmp_nodes(x.node, x.creation, y.node, y.creation, atoms);
  if (c) return c;
  // From the most significant word down; missing words count as zeros.
  for (Uint i = std::max(x.n, y.n); i-- > 0;) {
    c = cmp_uint(i < x.n ? x.ids[i] : 0, i < y.n ? y.ids[i] : 0);
    if (c) return c;
  }
  return 0;
}

// --- maps -----------------------------------------------------------------------------------
//
// Maps order by size, then by their keys in key order (exact), then by the values in that
// order (in the comparison's mode). Flat maps hold their keys sorted. Two hash maps are
// compared the same way through sorted copies of their pairs, except when only equality is
// asked (no atom table): equal maps have equal tries (map.h), so the tries are compared node
// by node, keys exactly.

using SortedPairs = std::vector<std::vector<Term>>;  // keys then values; stable while comparing

// Sorted keys (first half) and their values (second half) of a map.
const Term* sorted_pairs(Term m, const AtomTable& atoms, SortedPairs& store) {
  std::vector<std::pair<Term, Term>> kv;
  kv.reserve(map_size(m));
  map_foreach(m, [&](Term k, Term v) { kv.emplace_back(k, v); });
  std::sort(kv.begin(), kv.end(), [&](const auto& x, const auto& y) { return compare_terms(x.first, y.first, atoms, true) < 0; });
  std::vector<Term> out(2 * kv.size());
  for (size_t i = 0; i < kv.size(); i++) {
    out[i] = kv[i].first;
    out[kv.size() + i] = kv[i].second;
  }
  store.push_back(std::move(out));
  return store.back().data();
}

// Pushes the children of two trie nodes with equal slots; false when their shapes differ.
bool push_children(const Term* x, const Term* y, bool exact, WorkStack& stack) {
  const Term* cx = hashmap_node_children(x);
  const Term* cy = hashmap_node_children(y);
  for (unsigned i = hashmap_node_count(x); i-- > 0;) {
    bool lx = is_list(cx[i]), ly = is_list(cy[i]);
    if (lx != ly) return false;
    if (lx) {
      stack.push(list_ptr(cx[i]) + 1, list_ptr(cy[i]) + 1, 1, exact);  // values
      stack.push(list_ptr(cx[i]), list_ptr(cy[i]), 1, true);           // keys
    } else {
      stack.push(cx + i, cy + i, 1, exact);
    }
  }
  return true;
}

int compare_maps(Term a, Term b, const AtomTable* atoms, bool exact, WorkStack& stack, SortedPairs& sorted) {
  const Term* x = boxed_ptr(a);
  const Term* y = boxed_ptr(b);
  bool fa = is_flatmap(a), fb = is_flatmap(b);
  if (fa && fb) {
    Uint n = flatmap_size(a), m = flatmap_size(b);
    if (n != m) return n < m ? -1 : 1;
    // All keys (in map order, always exact), then all values (in the caller's mode).
    stack.push(flatmap_values(a), flatmap_values(b), n, exact);
    stack.push(boxed_ptr(flatmap_keys(a)) + 1, boxed_ptr(flatmap_keys(b)) + 1, n, true);
    return 0;
  }
  if (!fa && !fb && !(hashmap_node_is_head(x) && hashmap_node_is_head(y))) {
    // Inner trie nodes, met only while comparing two tries for equality.
    if (x[1] != y[1] || !push_children(x, y, exact, stack)) return 1;
    return 0;
  }
  Uint n = map_size(a), m = map_size(b);
  if (n != m) return n < m ? -1 : 1;
  if (!atoms) {  // equality only
    if (fa || fb || x[1] != y[1] || !push_children(x, y, exact, stack)) return 1;
    return 0;
  }
  const Term* sa = sorted_pairs(a, *atoms, sorted);
  const Term* sb = sorted_pairs(b, *atoms, sorted);
  stack.push(sa + n, sb + n, n, exact);
  stack.push(sa, sb, n, true);
  return 0;
}

// The comparison engine. Returns at the first difference.
int compare_impl(Term a0, Term b0, const AtomTable* atoms, bool exact0) {
  WorkStack stack;
  SortedPairs sorted;  // hash maps' pairs in key order, while they are being compared
  stack.push(&a0, &b0, 1, exact0);
  while (!stack.empty()) {
    Work& w = stack.top();
    Term a = *w.a++;
    Term b = *w.b++;
    bool exact = w.exact;
    if (--w.n == 0) stack.pop();

    for (;;) {  // compares a with b; lists loop here on their heads
      if (a == b) break;
      // Hot cases first: two small integers, two atoms.
      if (is_small(a) && is_small(b)) return small_value(a) < small_value(b) ? -1 : 1;
      if (is_atom(a) && is_atom(b)) {
        if (!atoms) return 1;  // equality only: different atoms differ
        return cmp_atoms(a, b, *atoms);
      }
      int ra = rank_of(a), rb = rank_of(b);
      if (ra != rb) return ra < rb ? -1 : 1;
      switch (ra) {
        case R_NUMBER: {
          int c = cmp_numbers(a, b, exact);
          if (c) return c;
          break;
        }
        case R_LIST: {
          const Term* x = list_ptr(a);
          const Term* y = list_ptr(b);
          stack.push(x + 1, y + 1, 1, exact);  // tails after heads
          a = x[0];
          b = y[0];
          continue;
        }
        case R_TUPLE: {
          Uint n = tuple_arity(a), m = tuple_arity(b);
          if (n != m) return n < m ? -1 : 1;
          stack.push(boxed_ptr(a) + 1, boxed_ptr(b) + 1, n, exact);
          break;
        }
        case R_MAP: {
          int c = compare_maps(a, b, atoms, exact, stack, sorted);
          if (c) return c;
          break;
        }
        case R_BITS: {
          BitsView x, y;
          bitstring_view(a, &x);  // R_BITS holds only the three binary layouts
          bitstring_view(b, &y);
          int c = compare_bits(x, y);
          if (c) return c;
          break;
        }
        case R_FUN: {
          bool ca = is_fun(a), cb = is_fun(b);
          if (ca != cb) return ca ? -1 : 1;  // closures before export funs
          if (!ca) {
            const Export* x = export_fun_entry(a);
            const Export* y = export_fun_entry(b);
            if (x == y) break;
            if (!atoms) return 1;
            int c = cmp_atoms(x->module, y->module, *atoms);
            if (!c) c = cmp_atoms(x->function, y->function, *atoms);
            if (!c) c = cmp_uint(x->arity, y->arity);
            if (c) return c;
            break;
          }
          const FunEntry* x = fun_entry(a);
          const FunEntry* y = fun_entry(b);
          if (x != y) {
            int c = x->module == y->module ? 0 : (atoms ? cmp_atoms(x->module, y->module, *atoms) : 1);
            if (!c) c = cmp_uint(x->index, y->index);
            if (!c) c = cmp_uint(x->old_uniq, y->old_uniq);
            if (c) return c;
          }
          Uint n = fun_num_free(a), m = fun_num_free(b);
          if (n != m) return n < m ? -1 : 1;
          stack.push(fun_free_vars(a), fun_free_vars(b), n, exact);
          break;
        }
        case R_REF: {
          int c = cmp_refs(a, b, atoms);
          if (c) return c;
          break;
        }
        case R_PID: {
          int c = cmp_pids(a, b, atoms);
          if (c) return c;
          break;
        }
        case R_PORT: {
          int c = cmp_ports(a, b, atoms);
          if (c) return c;
          break;
        }
        default:
          return 1;  // nothing else reaches a comparison (match states and the like)
      }
      break;
    }
  }
  return 0;
}

}  // namespace

// --- bitstrings, public -----------------------------------------------------------------------

bool is_bitstring_term(Term t) {
  if (!is_boxed(t)) return false;
  Subtag s = header_subtag(boxed_header(t));
  return s == Subtag::HeapBin || s == Subtag::RefcBin || s == Subtag::SubBin;
}

bool bitstring_view(Term t, BitsView* out) {
  // Layouts in term.h: HeapBin bytes follow [hdr][size]; RefcBin keeps its bytes pointer in
  // word 3; a SubBin is bits [offset, offset + size) of its orig (a HeapBin or RefcBin).
  if (!is_boxed(t)) return false;
  const Term* b = boxed_ptr(t);
  Uint offset = 0, bits;
  switch (header_subtag(b[0])) {
    case Subtag::HeapBin:
    case Subtag::RefcBin:
      bits = b[1] * 8;
      break;
    case Subtag::SubBin:
      bits = b[1];
      offset = b[2];
      b = boxed_ptr(b[3]);
      break;
    default:
      return false;
  }
  const uint8_t* base = header_subtag(b[0]) == Subtag::RefcBin ? reinterpret_cast<const uint8_t*>(b[3])
                                                                : reinterpret_cast<const uint8_t*>(b + 2);
  out->bytes = base + offset / 8;
  out->bit_offset = offset % 8;
  out->bit_size = bits;
  return true;
}

int compare_bits(const BitsView& a, const BitsView& b) {
  Uint common = a.bit_size < b.bit_size ? a.bit_size : b.bit_size;
  Uint whole = common / 8;
  if (a.bit_offset == 0 && b.bit_offset == 0) {
    if (whole) {
      int c = std::memcmp(a.bytes, b.bytes, whole);
      if (c) return sign_of(c);
    }
  } else {
    for (Uint i = 0; i < whole; i++) {
      int c = int(a.byte_at(i)) - int(b.byte_at(i));
      if (c) return sign_of(c);
    }
  }
  if (common % 8) {
    // The last, partial byte: only its `rest` leading bits count. Read bit by bit so a
    // partial last byte is never read past its end.
    for (Uint k = whole * 8; k < common; k++) {
      int x = a.bit_at(k), y = b.bit_at(k);
      if (x != y) return x - y;
    }
  }
  return cmp_uint(a.bit_size, b.bit_size);
}

// --- public entry points --------------------------------------------------------------------

int compare_terms_slow(Term a, Term b, const AtomTable& atoms, bool exact) {
  if (is_atom(a) && is_atom(b)) return cmp_atoms(a, b, atoms);
  return compare_impl(a, b, &atoms, exact);
}

bool eq_exact_slow(Term a, Term b) {
  if (primary_tag(a) != primary_tag(b)) return false;
  return compare_impl(a, b, nullptr, true) == 0;
}

bool eq_arith_slow(Term a, Term b, const AtomTable& atoms) {
  return compare_impl(a, b, &atoms, false) == 0;
}

}  // namespace beamrun
