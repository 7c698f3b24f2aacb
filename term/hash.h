// hash.h - BEAM's portable term hashes: erlang:phash2/1,2 and erlang:phash/2.
//
// Both must give exactly BEAM's values (programs store them, and partition data by them), so
// they follow ERTS's definitions in every detail:
//   phash2  ERTS's make_hash2: Bob Jenkins' mix over 32-bit pieces of each term, with a
//           constant per type; strings hashed four bytes at a time; binaries with Jenkins'
//           block hash; map pairs hashed independently and combined with xor, so that the
//           result does not depend on iteration order.
//   phash   ERTS's make_hash: the older multiplicative hash (H = H * prime + byte) with a
//           different prime per type; maps fall back to make_hash2.
// Atoms are hashed by their text (hashpjw over the UTF-8 bytes, with the two-byte sequences
// of Latin-1 characters folded back into one byte), pids and ports by their number, references
// by their first word, floats by their bits with -0.0 taken as 0.0, and funs by module, index,
// uniq and free variables.
//
// Both walk the term with an explicit stack.
#pragma once
#include <cstddef>
#include <cstdint>

#include "term/atoms.h"
#include "term/term.h"

namespace beamrun {

// The full 32-bit make_hash2 value (phash2/1 keeps its low 27 bits).
uint32_t term_hash2(Term t, const AtomTable& atoms);
// The full 32-bit make_hash value (phash/2 reduces it into 1..Range).
uint32_t term_hash1(Term t, const AtomTable& atoms);

// hashpjw of an atom's text, as ERTS stores it with every atom.
uint32_t atom_text_hash(const uint8_t* utf8, size_t len);

// Bob Jenkins' mix and his lookup2 hash of a block of bytes, chained on `init`: the building
// blocks of both ERTS hashes (phash2 here, and the internal map hash in map_hash.cpp).
inline void jenkins_mix(uint32_t& a, uint32_t& b, uint32_t& c) {
  a -= b; a -= c; a ^= (c >> 13);
  b -= c; b -= a; b ^= (a << 8);
  c -= a; c -= b; c ^= (b >> 13);
  a -= b; a -= c; a ^= (c >> 12);
  b -= c; b -= a; b ^= (a << 16);
  c -= a; c -= b; c ^= (b >> 5);
  a -= b; a -= c; a ^= (c >> 3);
  b -= c; b -= a; b ^= (a << 10);
  c -= a; c -= b; c ^= (b >> 15);
}
uint32_t jenkins_block_hash(const uint8_t* k, size_t len, uint32_t init);

}  // namespace beamrun
