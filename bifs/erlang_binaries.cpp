// erlang_binaries.cpp - the binary BIFs of the erlang module: sizes, slices, conversions between
// binaries, lists and atoms.
#include <string>

#include "base/md5.h"
#include "bifs/bif_util.h"
#include "bifs/iolist.h"
#include "term/binary.h"
#include "term/utf8.h"

namespace beamrun {

namespace {

// ---- sizes --------------------------------------------------------------------------------------
Term bif_byte_size(Process* p, Term* a) {
  Term o;
  Uint off, bits;
  if (!bits_of(a[0], &o, &off, &bits)) return badarg(p);
  return make_small(Sint((bits + 7) / 8));
}
Term bif_bit_size(Process* p, Term* a) {
  Term o;
  Uint off, bits;
  if (!bits_of(a[0], &o, &off, &bits)) return badarg(p);
  return make_small(Sint(bits));
}
// size/1: tuples and bitstrings (whole bytes, rounded down).
Term bif_size(Process* p, Term* a) {
  if (is_tuple(a[0])) return make_small(Sint(tuple_arity(a[0])));
  Term o;
  Uint off, bits;
  if (!bits_of(a[0], &o, &off, &bits)) return badarg(p);
  return make_small(Sint(bits / 8));
}

// ---- slices -------------------------------------------------------------------------------------
// Bytes [start, start + len) of a bitstring (len may be negative); NON_VALUE when out of range.
Term part(Process* p, Term bin, Term start, Term len) {
  Term o;
  Uint off, bits;
  if (!bits_of(bin, &o, &off, &bits) || !is_small(start) || !is_small(len)) return NON_VALUE;
  Sint s = small_value(start), l = small_value(len), size = Sint(bits / 8);
  if (l < 0) {
    s += l;
    l = -l;
  }
  if (s < 0 || s > size || l > size - s) return NON_VALUE;
  return make_sub_binary(*p, o, off + Uint(s) * 8, Uint(l) * 8);
}
Term bif_binary_part3(Process* p, Term* a) {
  Term r = part(p, a[0], a[1], a[2]);
  return r == NON_VALUE ? badarg(p) : r;
}
Term bif_binary_part2(Process* p, Term* a) {
  if (!is_tuple(a[1]) || tuple_arity(a[1]) != 2) return badarg(p);
  Term r = part(p, a[0], tuple_element(a[1], 1), tuple_element(a[1], 2));
  return r == NON_VALUE ? badarg(p) : r;
}
Term bif_split_binary(Process* p, Term* a) {
  Term o;
  Uint off, bits;
  if (!bits_of(a[0], &o, &off, &bits) || !is_small(a[1])) return badarg(p);
  Sint at = small_value(a[1]);
  if (at < 0 || Uint(at) > bits / 8) return badarg(p);
  Uint cut = Uint(at) * 8;
  Term left = make_sub_binary(*p, o, off, cut);
  Term right = make_sub_binary(*p, o, off + cut, bits - cut);
  return make_tuple_n(p, {left, right});
}

// ---- lists --------------------------------------------------------------------------------------
// A binary (bitstring when `bits`) of the elements of a deep list; badarg for anything else.
Term flatten(Process* p, Term list, bool bits) {
  Uint n;
  if (!(is_list(list) || is_nil(list)) || !iolist_bits(list, bits, &n)) return badarg(p);
  uint8_t* dst;
  Term r = make_bitstring_uninit(*p, n, &dst);
  if (r == NON_VALUE) return p->bif_error(atom::system_limit);
  iolist_write(list, dst);
  return r;
}
Term bif_list_to_binary(Process* p, Term* a) {
  if (want_dirty(p, term_words_exceed(a[0], DIRTY_TERM_WORDS))) return go_dirty(p);
  return flatten(p, a[0], false);
}
Term bif_iolist_to_binary(Process* p, Term* a) {
  if (is_binary_term(a[0])) return a[0];
  if (want_dirty(p, term_words_exceed(a[0], DIRTY_TERM_WORDS))) return go_dirty(p);
  return flatten(p, a[0], false);
}
Term bif_list_to_bitstring(Process* p, Term* a) { return flatten(p, a[0], true); }
Term bif_iolist_size(Process* p, Term* a) {
  Uint n;
  if (is_binary_term(a[0])) {
    Term o;
    Uint off;
    bits_of(a[0], &o, &off, &n);
  } else if (!(is_list(a[0]) || is_nil(a[0])) || !iolist_bits(a[0], false, &n)) {
    return badarg(p);
  }
  return make_small(Sint(n / 8));
}

// erlang:md5(Data): the digest of a binary or an iolist.
Term bif_md5(Process* p, Term* a) {
  Md5 md5;
  auto feed = [&](const BitsView& v) {
    if (v.bit_offset == 0) {
      md5.update(v.bytes, v.bit_size / 8);
      return;
    }
    for (Uint i = 0; i < v.bit_size / 8; ++i) {
      uint8_t b = v.byte_at(i);
      md5.update(&b, 1);
    }
  };
  if (is_binary_term(a[0])) {
    BitsView v;
    if (!bitstring_view(a[0], &v) || v.bit_size % 8) return badarg(p);
    feed(v);
  } else if (!(is_list(a[0]) || is_nil(a[0])) ||
             !walk_iolist(a[0], false, [&](uint8_t b) { md5.update(&b, 1); }, feed)) {
    return badarg(p);
  }
  uint8_t digest[16];
  md5.finish(digest);
  return make_binary(*p, digest, sizeof digest);
}

// The bytes [from, to) of view v as a list, ending in `tail`.
Term bytes_to_list(Process* p, const BitsView& v, Uint from, Uint to, Term tail) {
  if (to == from) return tail;
  Term* cells = p->alloc(2 * (to - from));
  Term list = tail;
  for (Uint i = to; i-- > from;) list = write_cons(cells + 2 * (i - from), make_small(v.byte_at(i)), list);
  return list;
}
Term bif_binary_to_list1(Process* p, Term* a) {
  BitsView v;
  if (!bitstring_view(a[0], &v) || v.bit_size % 8) return badarg(p);
  return bytes_to_list(p, v, 0, v.bit_size / 8, NIL);
}
Term bif_binary_to_list3(Process* p, Term* a) {
  BitsView v;
  if (!bitstring_view(a[0], &v) || !is_small(a[1]) || !is_small(a[2])) return badarg(p);
  Sint start = small_value(a[1]), stop = small_value(a[2]), size = Sint(v.bit_size / 8);
  if (start < 1 || start > stop || stop > size) return badarg(p);
  return bytes_to_list(p, v, Uint(start - 1), Uint(stop), NIL);
}
Term bif_bitstring_to_list(Process* p, Term* a) {
  BitsView v;
  Term o;
  Uint off, bits;
  if (!bitstring_view(a[0], &v) || !bits_of(a[0], &o, &off, &bits)) return badarg(p);
  Term tail = NIL;
  if (bits % 8) {
    // The trailing bits stay a bitstring: the last element.
    Term rest = make_sub_binary(*p, o, off + bits / 8 * 8, bits % 8);
    Term* c = p->alloc(2);
    tail = write_cons(c, rest, NIL);
  }
  return bytes_to_list(p, v, 0, bits / 8, tail);
}

// ---- atoms --------------------------------------------------------------------------------------
enum class Enc { Latin1, Utf8, Bad };
Enc encoding_of(Process* p, Term t) {
  if (!is_atom(t)) return Enc::Bad;
  std::string_view n = p->vm().atoms().name(t);
  if (n == "latin1") return Enc::Latin1;
  if (n == "utf8" || n == "unicode") return Enc::Utf8;
  return Enc::Bad;
}

Term atom_to_binary(Process* p, Term atom, Enc enc) {
  if (!is_atom(atom) || enc == Enc::Bad) return badarg(p);
  std::string_view name = p->vm().atoms().name(atom);
  if (enc == Enc::Utf8) return make_binary(*p, name.data(), name.size());
  // Latin-1: every character must be below 256 (names are stored as UTF-8).
  std::string out;
  const uint8_t* b = reinterpret_cast<const uint8_t*>(name.data());
  for (size_t i = 0; i < name.size();) {
    uint32_t cp;
    size_t len = decode_utf8(b + i, name.size() - i, &cp);
    if (len == 0 || len == UTF8_TRUNCATED || cp > 0xFF) return badarg(p);
    out += char(cp);
    i += len;
  }
  return make_binary(*p, out.data(), out.size());
}
Term bif_atom_to_binary1(Process* p, Term* a) { return atom_to_binary(p, a[0], Enc::Utf8); }
Term bif_atom_to_binary2(Process* p, Term* a) { return atom_to_binary(p, a[0], encoding_of(p, a[1])); }

// The atom a binary names (UTF-8 text for the atom table), or NON_VALUE after raising.
Term binary_to_atom(Process* p, Term bin, Enc enc, bool existing) {
  const uint8_t* data;
  size_t size;
  if (!binary_bytes(bin, &data, &size) || enc == Enc::Bad) return badarg(p);
  std::string name;
  size_t chars;
  if (enc == Enc::Latin1) {
    for (size_t i = 0; i < size; ++i) append_utf8(name, data[i]);
    chars = size;
  } else {
    chars = utf8_length(data, size);  // strict: no overlongs, surrogates or values past U+10FFFF
    if (chars == SIZE_MAX) return badarg(p);
    name.assign(reinterpret_cast<const char*>(data), size);
  }
  if (chars > 255) return p->bif_error(atom::system_limit);
  if (existing) {
    Term t = p->vm().atoms().find(name);
    return t == NON_VALUE ? badarg(p) : t;
  }
  Term t = p->vm().atoms().try_intern(name);
  return t == NON_VALUE ? p->bif_error(atom::system_limit) : t;
}
Term bif_binary_to_atom1(Process* p, Term* a) { return binary_to_atom(p, a[0], Enc::Utf8, false); }
Term bif_binary_to_atom2(Process* p, Term* a) { return binary_to_atom(p, a[0], encoding_of(p, a[1]), false); }
Term bif_binary_to_existing_atom1(Process* p, Term* a) { return binary_to_atom(p, a[0], Enc::Utf8, true); }
Term bif_binary_to_existing_atom2(Process* p, Term* a) {
  return binary_to_atom(p, a[0], encoding_of(p, a[1]), true);
}

}  // namespace

void register_erlang_binary_bifs(Runtime& vm) {
  struct Entry { const char* name; uint32_t arity; BifFn fn; };
  static const Entry entries[] = {
      {"byte_size", 1, bif_byte_size}, {"bit_size", 1, bif_bit_size}, {"size", 1, bif_size},
      {"binary_part", 2, bif_binary_part2}, {"binary_part", 3, bif_binary_part3},
      {"split_binary", 2, bif_split_binary},
      {"list_to_binary", 1, bif_list_to_binary}, {"iolist_to_binary", 1, bif_iolist_to_binary},
      {"iolist_size", 1, bif_iolist_size}, {"list_to_bitstring", 1, bif_list_to_bitstring},
      {"md5", 1, bif_md5},
      {"binary_to_list", 1, bif_binary_to_list1}, {"binary_to_list", 3, bif_binary_to_list3},
      {"bitstring_to_list", 1, bif_bitstring_to_list},
      {"atom_to_binary", 1, bif_atom_to_binary1}, {"atom_to_binary", 2, bif_atom_to_binary2},
      {"binary_to_atom", 1, bif_binary_to_atom1}, {"binary_to_atom", 2, bif_binary_to_atom2},
      {"binary_to_existing_atom", 1, bif_binary_to_existing_atom1},
      {"binary_to_existing_atom", 2, bif_binary_to_existing_atom2},
  };
  for (const Entry& e : entries) vm.register_bif("erlang", e.name, e.arity, e.fn);
}

}  // namespace beamrun
