// unicode.cpp - the natives of the unicode module: characters_to_list/2,
// characters_to_binary/2 (unicode output) and bin_is_7bit/1.
//
// Input is chardata: code points, binaries in the input encoding, and lists of those, nested
// and possibly improper with a binary tail. Bad UTF-8 gives {error, Done, Rest}; UTF-8 cut at the
// end of a binary gives {incomplete, Done, Rest}; anything that is not chardata is badarg. Rest is
// BEAM's: the input left at the innermost level, consed onto each enclosing level's rest
// when that is not empty.
#include <vector>

#include "bifs/bif_util.h"
#include "interp/stacktrace.h"
#include "term/binary.h"
#include "term/utf8.h"

namespace beamrun {

namespace {

enum class Outcome { Ok, Error, Incomplete, Badarg };

struct Decoded {
  std::vector<uint32_t> cps;
  Outcome outcome = Outcome::Ok;
  Term rest = NIL;
};

bool valid_cp(Sint c) { return c >= 0 && c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF); }

// Decodes UTF-8 from bytes[0..n); returns how many bytes were consumed and sets *outcome when
// it stopped early.
size_t decode_utf8_text(const uint8_t* b, size_t n, std::vector<uint32_t>& out, Outcome* outcome) {
  size_t i = 0;
  while (i < n) {
    uint32_t cp;
    size_t len = decode_utf8(b + i, n - i, &cp);
    // Cut short, it is incomplete if what is there is a valid beginning (as ERTS, whatever
    // value the rest would make).
    if (len == UTF8_TRUNCATED) { *outcome = Outcome::Incomplete; return i; }
    if (len == 0) { *outcome = Outcome::Error; return i; }
    out.push_back(cp);
    i += len;
  }
  return n;
}

// The part of binary `bin` from byte `from` on, as a sub-binary (or the binary itself).
Term binary_rest(Process* p, Term bin, size_t from) {
  if (from == 0) return bin;
  const uint8_t* d;
  size_t n;
  binary_bytes(bin, &d, &n);
  return make_binary(*p, d + from, n - from);
}

Decoded decode(Process* p, Term data, bool utf8_in) {
  Decoded r;
  // Each frame is an enclosing list level: the tail still to walk after the current element.
  std::vector<Term> tails;
  Term cur = data;
  auto stop = [&](Outcome o, Term innermost) {
    r.outcome = o;
    Term rest = innermost;
    // As ERTS: after an error, each enclosing list level gives [Rest | Tail], even when its
    // Tail is []; input cut short (incomplete, nothing after it) leaves the bare rest.
    for (size_t i = tails.size(); i-- > 0;)
      if (o == Outcome::Error || !is_nil(tails[i])) rest = write_cons(p->alloc(2), rest, tails[i]);
    r.rest = rest;
  };
  for (;;) {
    if (is_list(cur)) {
      Term h = car(cur);
      if (is_small(h)) {
        Sint c = small_value(h);
        if (!valid_cp(c) || (!utf8_in && c > 255)) {
          stop(Outcome::Error, cur);
          return r;
        }
        r.cps.push_back(uint32_t(c));
        cur = cdr(cur);
        continue;
      }
      if (is_list(h) || is_nil(h) || is_binary_term(h)) {
        tails.push_back(cdr(cur));
        cur = h;
        continue;
      }
      r.outcome = Outcome::Badarg;
      return r;
    }
    if (is_binary_term(cur)) {
      const uint8_t* d;
      size_t n;
      binary_bytes(cur, &d, &n);
      if (utf8_in) {
        Outcome o = Outcome::Ok;
        size_t used = decode_utf8_text(d, n, r.cps, &o);
        if (o != Outcome::Ok) {
          stop(o, binary_rest(p, cur, used));
          return r;
        }
      } else {
        for (size_t i = 0; i < n; ++i) r.cps.push_back(d[i]);
      }
    } else if (!is_nil(cur)) {
      r.outcome = Outcome::Badarg;
      return r;
    }
    // This level is done: continue with the enclosing one.
    if (tails.empty()) return r;
    cur = tails.back();
    tails.pop_back();
  }
}

// The input encoding: unicode/utf8 or latin1; -1 for the others (utf16, utf32, {utf16, little}...,
// and anything invalid), which ERTS leaves to Erlang code (Export::fallback).
int input_encoding(Process* p, Term enc) {
  if (enc == p->vm().atoms().intern("unicode") || enc == p->vm().atoms().intern("utf8")) return 1;
  if (enc == p->vm().atoms().intern("latin1")) return 0;
  return -1;
}

Term as_list(Process* p, const std::vector<uint32_t>& cps) {
  std::vector<Term> items;
  items.reserve(cps.size());
  for (uint32_t c : cps) items.push_back(make_small(c));
  return make_list_from(*p, items.data(), unsigned(items.size()));
}

Term as_utf8_binary(Process* p, const std::vector<uint32_t>& cps) {
  std::string s;
  for (uint32_t c : cps) append_utf8(s, c);
  return make_binary(*p, s.data(), s.size());
}

Term convert(Process* p, Term* a, bool to_binary) {
  int enc = input_encoding(p, a[1]);
  if (enc < 0) return trap_to_fallback(p);
  Decoded d = decode(p, a[0], enc == 1);
  if (d.outcome == Outcome::Badarg) return badarg(p);
  Term done = to_binary ? as_utf8_binary(p, d.cps) : as_list(p, d.cps);
  if (d.outcome == Outcome::Ok) return done;
  Term tag = p->vm().atoms().intern(d.outcome == Outcome::Error ? "error" : "incomplete");
  return make_tuple_n(p, {tag, done, d.rest});
}

Term bif_characters_to_list(Process* p, Term* a) { return convert(p, a, false); }
Term bif_characters_to_binary(Process* p, Term* a) { return convert(p, a, true); }

Term bif_bin_is_7bit(Process* p, Term* a) {
  const uint8_t* d;
  size_t n;
  // As ERTS: anything but a binary (a list, a bitstring) is simply not 7-bit; unicode.erl
  // asks this of any chardata.
  if (!binary_bytes(a[0], &d, &n)) return atom::false_;
  for (size_t i = 0; i < n; ++i)
    if (d[i] >= 0x80) return atom::false_;
  return atom::true_;
}

}  // namespace

void register_unicode_bifs(Runtime& vm) {
  vm.register_bif("unicode", "characters_to_list", 2, bif_characters_to_list);
  vm.register_bif("unicode", "characters_to_binary", 2, bif_characters_to_binary);
  vm.register_bif("unicode", "bin_is_7bit", 1, bif_bin_is_7bit);
  // As ERTS, the natives trap to unicode.erl for the encodings they do not convert.
  Term unicode = vm.atoms().intern("unicode");
  vm.exports().get(unicode, vm.atoms().intern("characters_to_list"), 2)->fallback =
      vm.exports().get(unicode, vm.atoms().intern("characters_to_list_int"), 2);
  vm.exports().get(unicode, vm.atoms().intern("characters_to_binary"), 2)->fallback =
      vm.exports().get(unicode, vm.atoms().intern("characters_to_binary_int"), 2);
}

}  // namespace beamrun
