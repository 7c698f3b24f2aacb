// iolist.h - walking iolists (and bitstring lists) without recursion, for the BIFs that flatten
// them: list_to_binary, iolist_to_binary, iolist_size, list_to_bitstring, binary:list_to_bin.
#pragma once
#include <vector>

#include "term/binary.h"
#include "term/term.h"
#include "term/term_order.h"

namespace beamrun {

// Walks the deep list `t` in order, without recursion: on_int(Sint) for each integer element,
// on_leaf(Term) for every other element that is not a list or [] and for the tail of an
// improper list. Either returning false ends the walk with false; so does a leaf that is not
// a list, [] or accepted by on_leaf. iolists and chardata are both walked this way.
template <typename OnInt, typename OnLeaf>
bool walk_deep_list(Term t, OnInt&& on_int, OnLeaf&& on_leaf) {
  std::vector<Term> pending;  // tails to come back to after a nested list
  for (;;) {
    if (is_list(t)) {
      Term h = car(t);
      t = cdr(t);
      if (is_small(h)) {
        if (!on_int(small_value(h))) return false;
      } else if (is_list(h)) {
        pending.push_back(t);
        t = h;
      } else if (!is_nil(h) && !on_leaf(h)) {
        return false;
      }
      continue;
    }
    if (!is_nil(t) && !on_leaf(t)) return false;
    if (pending.empty()) return true;
    t = pending.back();
    pending.pop_back();
  }
}

// Calls on_byte(uint8_t) and on_bits(const BitsView&) for the elements of the deep list `t`
// in order: integers 0..255, binaries (bitstrings too when `bits`), nested lists, and binary
// tails of improper lists. False when `t` is not such a list (nothing partial is promised).
template <typename OnByte, typename OnBits>
bool walk_iolist(Term t, bool bits, OnByte&& on_byte, OnBits&& on_bits) {
  return walk_deep_list(
      t,
      [&](Sint v) {
        if (v < 0 || v > 255) return false;
        on_byte(uint8_t(v));
        return true;
      },
      [&](Term leaf) {
        BitsView v;
        if (!bitstring_view(leaf, &v) || (!bits && v.bit_size % 8)) return false;
        on_bits(v);
        return true;
      });
}

// The bits of an iolist (bitstring list when `bits`); false when it is none.
inline bool iolist_bits(Term t, bool bits, Uint* out) {
  Uint n = 0;
  bool ok = walk_iolist(t, bits, [&](uint8_t) { n += 8; }, [&](const BitsView& v) { n += v.bit_size; });
  *out = n;
  return ok;
}

// Writes an iolist already checked by iolist_bits to dst.
inline void iolist_write(Term t, uint8_t* dst) {
  Uint off = 0;
  walk_iolist(t, true, [&](uint8_t b) {
    if (off % 8 == 0) dst[off / 8] = b;
    else copy_bits(dst, off, &b, 0, 8);
    off += 8;
  }, [&](const BitsView& v) {
    copy_bits(dst, off, v.bytes, v.bit_offset, v.bit_size);
    off += v.bit_size;
  });
}

}  // namespace beamrun
