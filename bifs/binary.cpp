// binary.cpp - the native functions of the binary module (those OTP 25 implements in C;
// bin_to_list/1,2,3 and replace/3,4 are Erlang code in OTP's binary.beam, which runs as is).
//
// Search patterns: a binary, a non-empty list of binaries, or a compiled pattern. A compiled
// pattern is {bm, Patterns} for one binary and {ac, Patterns} for several, as in BEAM, but its
// second element is a binary holding the patterns (each a 4-byte big-endian length and the
// bytes) where BEAM has a magic reference: it lives on the heap like any term, so it needs no
// off-heap bookkeeping, and `binary:match/2,3` and friends accept it like BEAM's.
#include <algorithm>
#include <array>
#include <cstring>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "bifs/bif_util.h"
#include "bifs/iolist.h"
#include "interp/stacktrace.h"
#include "term/bignum.h"
#include "term/binary.h"

namespace beamrun {

namespace {

using Bytes = std::string_view;

Bytes as_bytes(const uint8_t* d, size_t n) { return Bytes(reinterpret_cast<const char*>(d), n); }

bool bytes_of(Term t, Bytes* out) {
  const uint8_t* d;
  size_t n;
  if (!binary_bytes(t, &d, &n)) return false;
  *out = as_bytes(d, n);
  return true;
}

// ---- patterns ------------------------------------------------------------------------------------

// Reads a search pattern argument (see the file comment); false for anything else.
bool read_patterns(Process* p, Term t, std::vector<Bytes>* out) {
  out->clear();
  Bytes b;
  if (bytes_of(t, &b)) {
    if (b.empty()) return false;
    out->push_back(b);
    return true;
  }
  if (is_list(t)) {
    for (; is_list(t); t = cdr(t)) {
      if (!bytes_of(car(t), &b) || b.empty()) return false;
      out->push_back(b);
    }
    return is_nil(t);
  }
  if (is_tuple(t) && tuple_arity(t) == 2 && is_atom(tuple_element(t, 1))) {
    std::string_view kind = p->vm().atoms().name(tuple_element(t, 1));
    if ((kind != "bm" && kind != "ac") || !bytes_of(tuple_element(t, 2), &b)) return false;
    const auto* s = reinterpret_cast<const uint8_t*>(b.data());
    for (size_t i = 0; i < b.size();) {
      if (b.size() - i < 4) return false;
      size_t len = size_t(s[i]) << 24 | size_t(s[i + 1]) << 16 | size_t(s[i + 2]) << 8 | s[i + 3];
      i += 4;
      if (len == 0 || len > b.size() - i) return false;
      out->push_back(b.substr(i, len));
      i += len;
    }
    return !out->empty() && (kind == "ac" || out->size() == 1);
  }
  return false;
}

// Finds the leftmost match in [from, to) of the subject, the longest one at that position.
class Searcher {
 public:
  explicit Searcher(const std::vector<Bytes>& pats) : pats_(pats) {
    if (pats.size() == 1) {
      one_.emplace(pats[0].begin(), pats[0].end());
    } else {
      for (size_t i = 0; i < pats.size(); ++i) by_first_[uint8_t(pats[i][0])].push_back(i);
    }
  }

  // True with *pos/*len set when found.
  bool find(Bytes s, size_t from, size_t to, size_t* pos, size_t* len) const {
    if (one_) {
      auto begin = s.begin() + long(from), end = s.begin() + long(to);
      auto it = std::search(begin, end, *one_);
      if (it == end) return false;
      *pos = size_t(it - s.begin());
      *len = pats_[0].size();
      return true;
    }
    for (size_t i = from; i < to; ++i) {
      size_t best = 0;
      for (size_t k : by_first_[uint8_t(s[i])]) {
        Bytes pat = pats_[k];
        if (pat.size() > best && pat.size() <= to - i && std::memcmp(s.data() + i, pat.data(), pat.size()) == 0)
          best = pat.size();
      }
      if (best) {
        *pos = i;
        *len = best;
        return true;
      }
    }
    return false;
  }

 private:
  const std::vector<Bytes>& pats_;
  std::optional<std::boyer_moore_horspool_searcher<Bytes::const_iterator>> one_;
  std::array<std::vector<size_t>, 256> by_first_;
};

// ---- options -------------------------------------------------------------------------------------

struct Options {
  size_t lo = 0, hi = 0;  // the scope
  bool global = false, trim = false, trim_all = false;
};

// {scope, {Start, Length}}: Length may be negative (counting back from Start).
bool read_scope(Term t, size_t size, Options* o) {
  if (!is_tuple(t) || tuple_arity(t) != 2) return false;
  Term s = tuple_element(t, 1), l = tuple_element(t, 2);
  if (!is_small(s) || !is_small(l)) return false;
  Sint start = small_value(s), len = small_value(l);
  if (len < 0) {
    start += len;
    len = -len;
  }
  if (start < 0 || Uint(start) > size || Uint(len) > size - Uint(start)) return false;
  o->lo = size_t(start);
  o->hi = size_t(start + len);
  return true;
}

// Options of match/matches (`split` false) or split; false on anything unknown. As in BEAM, an
// improper tail after the options is ignored.
bool read_options(Process* p, Term list, size_t size, bool split, Options* o) {
  o->lo = 0;
  o->hi = size;
  if (!is_list(list) && !is_nil(list)) return false;
  AtomTable& atoms = p->vm().atoms();
  for (; is_list(list); list = cdr(list)) {
    Term e = car(list);
    if (is_tuple(e) && tuple_arity(e) == 2 && is_atom(tuple_element(e, 1)) &&
        atoms.name(tuple_element(e, 1)) == "scope") {
      if (!read_scope(tuple_element(e, 2), size, o)) return false;
    } else if (split && is_atom(e) && atoms.name(e) == "global") {
      o->global = true;
    } else if (split && is_atom(e) && atoms.name(e) == "trim") {
      o->trim = true;
    } else if (split && is_atom(e) && atoms.name(e) == "trim_all") {
      o->trim_all = true;
    } else {
      return false;
    }
  }
  return true;
}

// ---- match, matches, split -----------------------------------------------------------------------

Term pos_len(Process* p, size_t pos, size_t len) { return make_tuple_n(p, {make_small(Sint(pos)), make_small(Sint(len))}); }

Term do_match(Process* p, Term subject, Term pattern, Term opts, bool all) {
  Bytes s;
  std::vector<Bytes> pats;
  Options o;
  if (!bytes_of(subject, &s) || !read_options(p, opts, s.size(), false, &o)) return badarg(p);
  // As ERTS, a search that ends at 0 (an empty subject, or scope {0, 0}) finds nothing
  // whatever the patterns, even invalid ones.
  if (o.hi == 0) return all ? NIL : p->vm().atoms().intern("nomatch");
  if (!read_patterns(p, pattern, &pats)) return badarg(p);
  Searcher searcher(pats);
  size_t pos, len;
  if (!all) {
    if (!searcher.find(s, o.lo, o.hi, &pos, &len)) return p->vm().atoms().intern("nomatch");
    return pos_len(p, pos, len);
  }
  std::vector<Term> found;
  for (size_t from = o.lo; from < o.hi && searcher.find(s, from, o.hi, &pos, &len); from = pos + len)
    found.push_back(pos_len(p, pos, len));
  return make_list_from(*p, found.data(), unsigned(found.size()));
}
Term bif_match2(Process* p, Term* a) { return do_match(p, a[0], a[1], NIL, false); }
Term bif_match3(Process* p, Term* a) { return do_match(p, a[0], a[1], a[2], false); }
Term bif_matches2(Process* p, Term* a) { return do_match(p, a[0], a[1], NIL, true); }
Term bif_matches3(Process* p, Term* a) { return do_match(p, a[0], a[1], a[2], true); }

Term do_split(Process* p, Term subject, Term pattern, Term opts) {
  Bytes s;
  std::vector<Bytes> pats;
  Options o;
  if (!bytes_of(subject, &s) || !read_options(p, opts, s.size(), true, &o)) return badarg(p);
  // As ERTS, a search that ends at 0 (an empty subject, or scope {0, 0}) finds nothing
  // whatever the patterns, even invalid ones: the subject is one part.
  if (o.hi > 0 && !read_patterns(p, pattern, &pats)) return badarg(p);
  Term orig = NON_VALUE;
  Uint off = 0, bits;
  bits_of(subject, &orig, &off, &bits);  // a binary: bytes_of succeeded
  // Cut points: the parts lie between the matches, the ends of the subject outside the scope.
  std::vector<std::pair<size_t, size_t>> parts;
  Searcher searcher(pats);
  size_t start = 0, from = o.lo, pos, len;
  while (from < o.hi && searcher.find(s, from, o.hi, &pos, &len)) {
    parts.push_back({start, pos});
    start = from = pos + len;
    if (!o.global) break;
  }
  parts.push_back({start, s.size()});
  if (o.trim_all) {
    parts.erase(std::remove_if(parts.begin(), parts.end(), [](auto& pr) { return pr.first == pr.second; }), parts.end());
  } else if (o.trim) {
    while (!parts.empty() && parts.back().first == parts.back().second) parts.pop_back();
  }
  std::vector<Term> items;
  for (auto [b, e] : parts) items.push_back(make_sub_binary(*p, orig, off + 8 * b, 8 * (e - b)));
  return make_list_from(*p, items.data(), unsigned(items.size()));
}
Term bif_split2(Process* p, Term* a) { return do_split(p, a[0], a[1], NIL); }
Term bif_split3(Process* p, Term* a) { return do_split(p, a[0], a[1], a[2]); }

Term bif_compile_pattern(Process* p, Term* a) {
  std::vector<Bytes> pats;
  if (is_tuple(a[0]) || !read_patterns(p, a[0], &pats)) return badarg(p);
  std::string enc;
  for (Bytes b : pats) {
    size_t n = b.size();
    enc += char(n >> 24);
    enc += char(n >> 16);
    enc += char(n >> 8);
    enc += char(n);
    enc += b;
  }
  Term bin = make_binary(*p, enc.data(), enc.size());
  if (bin == NON_VALUE) return p->bif_error(atom::system_limit);
  return make_tuple_n(p, {p->vm().atoms().intern(pats.size() == 1 ? "bm" : "ac"), bin});
}

// ---- slices and bytes ----------------------------------------------------------------------------

// Bytes [start, start + len) of a bitstring (len may be negative), as binary_part/3.
Term part(Process* p, Term bin, Term start, Term len) {
  Term o;
  Uint off, bits;
  if (!bits_of(bin, &o, &off, &bits) || !is_small(start) || !is_small(len)) return badarg(p);
  Sint s = small_value(start), l = small_value(len), size = Sint(bits / 8);
  if (l < 0) {
    s += l;
    l = -l;
  }
  if (s < 0 || s > size || l > size - s) return badarg(p);
  return make_sub_binary(*p, o, off + Uint(s) * 8, Uint(l) * 8);
}
Term bif_part3(Process* p, Term* a) { return part(p, a[0], a[1], a[2]); }
Term bif_part2(Process* p, Term* a) {
  if (!is_tuple(a[1]) || tuple_arity(a[1]) != 2) return badarg(p);
  return part(p, a[0], tuple_element(a[1], 1), tuple_element(a[1], 2));
}

Term bif_at(Process* p, Term* a) {
  Bytes s;
  if (!bytes_of(a[0], &s) || !is_small(a[1]) || small_value(a[1]) < 0 || Uint(small_value(a[1])) >= s.size())
    return badarg(p);
  return make_small(uint8_t(s[size_t(small_value(a[1]))]));
}
Term bif_first(Process* p, Term* a) {
  Bytes s;
  if (!bytes_of(a[0], &s) || s.empty()) return badarg(p);
  return make_small(uint8_t(s.front()));
}
Term bif_last(Process* p, Term* a) {
  Bytes s;
  if (!bytes_of(a[0], &s) || s.empty()) return badarg(p);
  return make_small(uint8_t(s.back()));
}

Term copy_times(Process* p, Term bin, Term times) {
  Bytes s;
  if (!bytes_of(bin, &s) || !is_small(times) || small_value(times) < 0) return badarg(p);
  Uint n = Uint(small_value(times));
  if (s.size() && n > (Uint(1) << 46) / s.size()) return p->bif_error(atom::system_limit);
  uint8_t* out;
  Term r = make_binary_uninit(*p, s.size() * n, &out);
  if (r == NON_VALUE) return p->bif_error(atom::system_limit);
  bytes_of(bin, &s);  // the same bytes: nothing moved, but keep the view honest
  for (Uint i = 0; i < n; ++i) std::memcpy(out + i * s.size(), s.data(), s.size());
  return r;
}
Term bif_copy1(Process* p, Term* a) { return copy_times(p, a[0], make_small(1)); }
Term bif_copy2(Process* p, Term* a) { return copy_times(p, a[0], a[1]); }

Term bif_referenced_byte_size(Process* p, Term* a) {
  Term o;
  Uint off, bits;
  if (!bits_of(a[0], &o, &off, &bits)) return badarg(p);
  return make_small(Sint(referenced_byte_size(a[0])));
}

Term bif_list_to_bin(Process* p, Term* a) {
  Uint n;
  if (!(is_list(a[0]) || is_nil(a[0])) || !iolist_bits(a[0], false, &n)) return badarg(p);
  uint8_t* dst;
  Term r = make_binary_uninit(*p, n / 8, &dst);
  if (r == NON_VALUE) return p->bif_error(atom::system_limit);
  iolist_write(a[0], dst);
  return r;
}

// ---- unsigned integers ---------------------------------------------------------------------------

// 1 for big, 0 for little, -1 for anything else.
int big_endian(Process* p, Term t) {
  if (!is_atom(t)) return -1;
  std::string_view n = p->vm().atoms().name(t);
  return n == "big" ? 1 : n == "little" ? 0 : -1;
}

Term decode_unsigned(Process* p, Term bin, int big) {
  Bytes s;
  if (!bytes_of(bin, &s) || big < 0) return badarg(p);
  std::vector<uint64_t> limbs((s.size() + 7) / 8 + 1, 0);
  for (size_t i = 0; i < s.size(); ++i) {
    size_t k = big ? s.size() - 1 - i : i;  // k: byte index counted from the least significant
    limbs[k / 8] |= uint64_t(uint8_t(s[i])) << (8 * (k % 8));
  }
  return make_integer_from_limbs(*p, limbs.data(), limbs.size(), false);
}
Term bif_decode_unsigned1(Process* p, Term* a) { return decode_unsigned(p, a[0], 1); }
Term bif_decode_unsigned2(Process* p, Term* a) { return decode_unsigned(p, a[0], big_endian(p, a[1])); }

Term encode_unsigned(Process* p, Term v, int big) {
  if (!is_integer(v) || big < 0) return badarg(p);
  IntView iv(v);
  if (iv.neg) return badarg(p);
  std::string le;
  for (size_t i = 0; i < iv.n; ++i)
    for (int k = 0; k < 8; ++k) le += char(iv.limbs[i] >> (8 * k));
  while (le.size() > 1 && le.back() == 0) le.pop_back();
  if (le.empty()) le.push_back(0);
  if (big) std::reverse(le.begin(), le.end());
  return make_binary(*p, le.data(), le.size());
}
Term bif_encode_unsigned1(Process* p, Term* a) { return encode_unsigned(p, a[0], 1); }
Term bif_encode_unsigned2(Process* p, Term* a) { return encode_unsigned(p, a[0], big_endian(p, a[1])); }

// ---- common prefix and suffix --------------------------------------------------------------------

Term common(Process* p, Term list, bool suffix) {
  std::vector<Bytes> bins;
  Bytes b;
  for (Term l = list; is_list(l); l = cdr(l)) {
    if (!bytes_of(car(l), &b)) return badarg(p);
    bins.push_back(b);
  }
  if (list_length(list) < 0 || bins.empty()) return badarg(p);
  size_t n = bins[0].size();
  for (Bytes x : bins) {
    size_t k = 0, m = std::min(n, x.size());
    if (suffix) {
      while (k < m && bins[0][bins[0].size() - 1 - k] == x[x.size() - 1 - k]) ++k;
    } else {
      while (k < m && bins[0][k] == x[k]) ++k;
    }
    n = k;
  }
  return make_small(Sint(n));
}
Term bif_longest_common_prefix(Process* p, Term* a) { return common(p, a[0], false); }
Term bif_longest_common_suffix(Process* p, Term* a) { return common(p, a[0], true); }

}  // namespace

void register_binary_bifs(Runtime& vm) {
  struct Entry { const char* name; uint32_t arity; BifFn fn; };
  static const Entry entries[] = {
      {"part", 2, bif_part2}, {"part", 3, bif_part3}, {"at", 2, bif_at},
      {"first", 1, bif_first}, {"last", 1, bif_last}, {"copy", 1, bif_copy1}, {"copy", 2, bif_copy2},
      {"match", 2, bif_match2}, {"match", 3, bif_match3}, {"matches", 2, bif_matches2},
      {"matches", 3, bif_matches3}, {"split", 2, bif_split2}, {"split", 3, bif_split3},
      {"compile_pattern", 1, bif_compile_pattern},
      {"decode_unsigned", 1, bif_decode_unsigned1}, {"decode_unsigned", 2, bif_decode_unsigned2},
      {"encode_unsigned", 1, bif_encode_unsigned1}, {"encode_unsigned", 2, bif_encode_unsigned2},
      {"longest_common_prefix", 1, bif_longest_common_prefix},
      {"longest_common_suffix", 1, bif_longest_common_suffix},
      {"referenced_byte_size", 1, bif_referenced_byte_size}, {"list_to_bin", 1, bif_list_to_bin},
  };
  for (const Entry& e : entries) vm.register_bif("binary", e.name, e.arity, e.fn);
}

}  // namespace beamrun
