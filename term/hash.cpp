// hash.cpp - phash2 (make_hash2) and phash (make_hash), as ERTS defines them. See hash.h.
#include "term/hash.h"

#include <cstring>
#include <string_view>
#include <vector>

#include "term/bignum.h"
#include "term/export.h"
#include "term/map.h"
#include "term/term_order.h"

namespace beamrun {

uint32_t atom_text_hash(const uint8_t* p, size_t len) {
  uint32_t h = 0;
  while (len--) {
    uint8_t v = *p++;
    // Atoms were Latin-1 before R16: a character below 256 hashes as its one byte.
    if (len && (v & 0xFE) == 0xC2 && (*p & 0xC0) == 0x80) {
      v = uint8_t((v << 6) | (*p & 0x3F));
      p++;
      len--;
    }
    h = (h << 4) + v;  // hashpjw
    if (uint32_t g = h & 0xF0000000u) {
      h ^= g >> 24;
      h ^= g;
    }
  }
  return h;
}

namespace {

uint32_t atom_hash(Term a, const AtomTable& atoms) {
  std::string_view s = atoms.name(a);
  return atom_text_hash(reinterpret_cast<const uint8_t*>(s.data()), s.size());
}

bool is_byte_term(Term t) { return is_small(t) && Uint(small_value(t)) <= 255; }

// The bits of a bitstring as whole bytes (copied when not byte-aligned) and the value of the
// trailing bits (0..7 of them), right-aligned.
struct Bytes {
  const uint8_t* data;
  uint32_t size;
  unsigned tail_bits;
  unsigned tail_value;
  std::vector<uint8_t> copy;
  explicit Bytes(const BitsView& v) {
    size = uint32_t(v.bit_size / 8);
    tail_bits = unsigned(v.bit_size % 8);
    if (v.bit_offset == 0) {
      data = v.bytes;
    } else {
      copy.resize(size);
      for (uint32_t i = 0; i < size; i++) copy[i] = v.byte_at(i);
      data = copy.data();
    }
    tail_value = 0;
    for (unsigned k = 0; k < tail_bits; k++) tail_value = tail_value << 1 | unsigned(v.bit_at(Uint(size) * 8 + k));
  }
};

// ---- make_hash2 -----------------------------------------------------------------------------

constexpr uint32_t HCONST = 0x9e3779b9u;  // the golden ratio; HCONST_n = HCONST * n mod 2^32
constexpr uint32_t HCONST_2 = 0x3c6ef372u, HCONST_3 = 0xdaa66d2bu, HCONST_4 = 0x78dde6e4u,
                   HCONST_5 = 0x1715609du, HCONST_6 = 0xb54cda56u, HCONST_7 = 0x5384540fu,
                   HCONST_9 = 0x8ff34781u, HCONST_10 = 0x2e2ac13au, HCONST_11 = 0xcc623af3u,
                   HCONST_12 = 0x6a99b4acu, HCONST_13 = 0x08d12e65u, HCONST_14 = 0xa708a81eu,
                   HCONST_15 = 0x454021d7u, HCONST_16 = 0xe3779b90u, HCONST_19 = 0xbe1e08bbu;
constexpr uint32_t NIL_DEF = 2;              // ERTS's tag number for [], mixed into the hash
constexpr uint32_t NIL_FIRST = 3468870702u;  // the hash of [] when nothing precedes it

constexpr auto& mix = jenkins_mix;

// Jenkins' lookup2 block hash, used for binaries.
uint32_t block_hash(const uint8_t* k, uint32_t length, uint32_t initval) {
  uint32_t a = HCONST, b = HCONST, c = initval;
  uint32_t len = length;
  auto word = [](const uint8_t* p) {
    return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
  };
  while (len >= 12) {
    a += word(k);
    b += word(k + 4);
    c += word(k + 8);
    mix(a, b, c);
    k += 12;
    len -= 12;
  }
  c += length;
  // The low byte of c is the length's: the last bytes go to its upper three bytes.
  switch (len) {
    case 11: c += uint32_t(k[10]) << 24; [[fallthrough]];
    case 10: c += uint32_t(k[9]) << 16; [[fallthrough]];
    case 9: c += uint32_t(k[8]) << 8; [[fallthrough]];
    case 8: b += uint32_t(k[7]) << 24; [[fallthrough]];
    case 7: b += uint32_t(k[6]) << 16; [[fallthrough]];
    case 6: b += uint32_t(k[5]) << 8; [[fallthrough]];
    case 5: b += k[4]; [[fallthrough]];
    case 4: a += uint32_t(k[3]) << 24; [[fallthrough]];
    case 3: a += uint32_t(k[2]) << 16; [[fallthrough]];
    case 2: a += uint32_t(k[1]) << 8; [[fallthrough]];
    case 1: a += k[0]; break;
    default: break;
  }
  mix(a, b, c);
  return c;
}

struct Hash2 {
  uint32_t hash = 0;
  void mix2(uint32_t x, uint32_t y, uint32_t k) {
    uint32_t a = k + x, b = k + y;
    mix(a, b, hash);
  }
  void mix1(uint32_t x, uint32_t k) { mix2(x, 0, k); }
  // The magnitude's 64-bit limbs, each as two 32-bit halves.
  void limbs(const uint64_t* l, size_t n, bool neg) {
    uint32_t con = neg ? HCONST_10 : HCONST_11;
    for (size_t i = 0; i < n; i++) mix2(uint32_t(l[i]), uint32_t(l[i] >> 32), con);
  }
};

}  // namespace

uint32_t term_hash2(Term term, const AtomTable& atoms) {
  // Besides terms, the stack holds the end of a map (the hash and pair accumulator of the
  // enclosing level, to restore) and the end of one key-value pair.
  enum class Kind : uint8_t { Term, MapPair, MapTail };
  struct Item {
    Kind kind;
    Term t;
    uint32_t saved_hash, saved_xor;
  };
  std::vector<Item> stack;
  Hash2 h;
  uint32_t xor_pairs = 0;

process:
  if (is_list(term)) {
    // Runs of bytes hash four at a time.
    int c = 0;
    uint32_t sh = 0;
    const Term* cell = list_ptr(term);
    while (is_byte_term(cell[0])) {
      sh = (sh << 8) + uint32_t(small_value(cell[0]));
      if (c == 3) {
        h.mix1(sh, HCONST_4);
        c = 0;
        sh = 0;
      } else {
        c++;
      }
      term = cell[1];
      if (!is_list(term)) break;
      cell = list_ptr(term);
    }
    if (c > 0) h.mix1(sh, HCONST_4);
    if (is_list(term)) {
      stack.push_back(Item{Kind::Term, cell[1], 0, 0});
      term = cell[0];
    }
    goto process;  // the element, or the tail after the bytes
  }
  if (is_boxed(term)) {
    const Term* p = boxed_ptr(term);
    switch (header_subtag(p[0])) {
      case Subtag::Tuple: {
        Uint n = header_arity(p[0]);
        h.mix1(uint32_t(n), HCONST_9);
        if (n == 0) goto common;
        for (Uint i = n; i >= 2; i--) stack.push_back(Item{Kind::Term, p[i], 0, 0});
        term = p[1];
        goto process;
      }
      case Subtag::Map:
      case Subtag::HashMap: {
        size_t n = map_size(term);
        h.mix1(uint32_t(n), HCONST_16);
        if (n == 0) goto common;
        // Each pair is hashed from zero and the pair hashes are combined with xor, so the
        // order of iteration does not matter.
        stack.push_back(Item{Kind::MapTail, NIL, h.hash, xor_pairs});
        std::vector<std::pair<Term, Term>> pairs;
        pairs.reserve(n);
        map_foreach(term, [&](Term k, Term v) { pairs.emplace_back(k, v); });
        for (size_t i = pairs.size(); i-- > 0;) {
          stack.push_back(Item{Kind::MapPair, NIL, 0, 0});
          stack.push_back(Item{Kind::Term, pairs[i].second, 0, 0});
          stack.push_back(Item{Kind::Term, pairs[i].first, 0, 0});
        }
        h.hash = 0;
        xor_pairs = 0;
        goto common;
      }
      case Subtag::Export: {
        const Export* e = export_fun_entry(term);
        h.mix2(e->arity, atom_hash(e->module, atoms), HCONST);
        h.mix1(atom_hash(e->function, atoms), HCONST_14);
        goto common;
      }
      case Subtag::Fun: {
        const FunEntry* fe = fun_entry(term);
        Uint nfree = fun_num_free(term);
        const Term* env = fun_free_vars(term);
        h.mix2(uint32_t(nfree), atom_hash(fe->module, atoms), HCONST);
        h.mix2(fe->index, fe->old_uniq, HCONST);
        if (nfree == 0) goto common;
        for (Uint i = nfree - 1; i >= 1; i--) stack.push_back(Item{Kind::Term, env[i], 0, 0});
        term = env[0];
        goto process;
      }
      case Subtag::HeapBin:
      case Subtag::RefcBin:
      case Subtag::SubBin: {
        BitsView v;
        if (!bitstring_view(term, &v)) goto common;
        Bytes b(v);
        uint32_t con = HCONST_13 + h.hash;
        if (b.size == 0 && b.tail_bits == 0) {
          h.hash = con;
        } else {
          h.hash = block_hash(b.data, b.size, con);
          if (b.tail_bits > 0) h.mix2(b.tail_bits, b.tail_value, HCONST_15);
        }
        goto common;
      }
      case Subtag::PosBig:
      case Subtag::NegBig: {
        IntView v(term);
        h.limbs(v.limbs, v.n, v.neg);
        goto common;
      }
      case Subtag::Ref: h.mix1(uint32_t(p[1]), HCONST_7); goto common;
      // Another node's identifiers hash as this node's do: by number (first id word) alone.
      case Subtag::ExternalPid: h.mix1(uint32_t(external_data(term)), HCONST_5); goto common;
      case Subtag::ExternalPort: h.mix1(uint32_t(external_data(term)), HCONST_6); goto common;
      case Subtag::ExternalRef: h.mix1(external_ref_id0(term), HCONST_7); goto common;
      case Subtag::Float: {
        double d = float_value(term);
        if (d == 0.0) d = 0.0;  // -0.0 hashes as 0.0
        uint64_t bits;
        std::memcpy(&bits, &d, sizeof bits);
        h.mix2(uint32_t(bits >> 32), uint32_t(bits), HCONST_12);
        goto common;
      }
      default: goto common;  // nothing else reaches a BIF
    }
  }
  if (is_local_pid(term)) {
    h.mix1(uint32_t(local_pid_number(term)), HCONST_5);  // the number only, not the serial
  } else if (is_local_port(term)) {
    h.mix1(uint32_t(port_serial(term)), HCONST_6);
  } else if (is_atom(term)) {
    if (h.hash == 0) h.hash = atom_hash(term, atoms);
    else h.mix1(atom_hash(term, atoms), HCONST_3);
  } else if (is_nil(term)) {
    if (h.hash == 0) h.hash = NIL_FIRST;
    else h.mix1(NIL_DEF, HCONST_2);
  } else if (is_small(term)) {
    Sint x = small_value(term);
    if (x < -(Sint(1) << 27) || x >= (Sint(1) << 27)) {
      // Beyond 28 bits a small hashes as the bignum of the same value.
      uint64_t mag = x < 0 ? uint64_t(-x) : uint64_t(x);
      h.limbs(&mag, 1, x < 0);
    } else {
      int32_t y = int32_t(x);
      if (y < 0) h.mix1(uint32_t(-y), HCONST);  // negatives are mixed twice
      h.mix1(uint32_t(y), HCONST);
    }
  }

common:
  while (!stack.empty()) {
    Item it = stack.back();
    stack.pop_back();
    switch (it.kind) {
      case Kind::MapTail:
        // Back at the map's level: its hash so far, mixed with the combined pair hashes.
        h.hash = it.saved_hash;
        h.mix1(xor_pairs, HCONST_19);
        xor_pairs = it.saved_xor;
        break;
      case Kind::MapPair:
        xor_pairs ^= h.hash;
        h.hash = 0;
        break;
      case Kind::Term:
        term = it.t;
        goto process;
    }
  }
  return h.hash;
}

// ---- make_hash ------------------------------------------------------------------------------

namespace {

// Primes just above 2^28.
constexpr uint32_t FUNNY_NUMBER1 = 268440163u, FUNNY_NUMBER2 = 268439161u, FUNNY_NUMBER3 = 268435459u,
                   FUNNY_NUMBER4 = 268436141u, FUNNY_NUMBER5 = 268438633u, FUNNY_NUMBER6 = 268437017u,
                   FUNNY_NUMBER8 = 268437511u, FUNNY_NUMBER9 = 268439627u, FUNNY_NUMBER10 = 268440479u,
                   FUNNY_NUMBER11 = 268440577u, FUNNY_NUMBER12 = 268440581u, FUNNY_NUMBER13 = 268440593u,
                   FUNNY_NUMBER14 = 268440611u;

// The bytes of a 32-bit value, least significant first.
inline uint32_t step32(uint32_t hash, uint32_t x, uint32_t prime) {
  hash = hash * prime + (x & 0xFF);
  hash = hash * prime + ((x >> 8) & 0xFF);
  hash = hash * prime + ((x >> 16) & 0xFF);
  return hash * prime + (x >> 24);
}

}  // namespace

uint32_t term_hash1(Term term, const AtomTable& atoms) {
  // Continuations: a whole term; the rest of a list after an element that is not a byte; the
  // end of a tuple (its arity is mixed in last); the end of a list (one last multiplication).
  enum class Kind : uint8_t { Term, ListRest, TupleEnd, ListEnd };
  struct Item {
    Kind kind;
    Term t;
  };
  std::vector<Item> stack;
  uint32_t hash = 0;

process:
  if (is_list(term)) {
    for (;;) {
      const Term* cell = list_ptr(term);
      if (is_byte_term(cell[0])) {
        hash = hash * FUNNY_NUMBER2 + uint32_t(small_value(cell[0]));
        if (is_list(cell[1])) {
          term = cell[1];
          continue;
        }
        stack.push_back(Item{Kind::ListEnd, NIL});
        term = cell[1];
        goto process;
      }
      stack.push_back(Item{Kind::ListRest, cell[1]});
      term = cell[0];
      goto process;
    }
  }
  if (is_boxed(term)) {
    const Term* p = boxed_ptr(term);
    switch (header_subtag(p[0])) {
      case Subtag::Tuple: {
        Uint n = header_arity(p[0]);
        stack.push_back(Item{Kind::TupleEnd, Term(n)});
        for (Uint i = n; i >= 1; i--) stack.push_back(Item{Kind::Term, p[i]});
        break;
      }
      case Subtag::Map:
      case Subtag::HashMap: hash = hash * FUNNY_NUMBER13 + FUNNY_NUMBER14 + term_hash2(term, atoms); break;
      case Subtag::Export: {
        const Export* e = export_fun_entry(term);
        hash = hash * FUNNY_NUMBER11 + e->arity;
        hash = hash * FUNNY_NUMBER1 + atom_hash(e->module, atoms);
        hash = hash * FUNNY_NUMBER1 + atom_hash(e->function, atoms);
        break;
      }
      case Subtag::Fun: {
        const FunEntry* fe = fun_entry(term);
        Uint nfree = fun_num_free(term);
        hash = hash * FUNNY_NUMBER10 + uint32_t(nfree);
        hash = hash * FUNNY_NUMBER1 + atom_hash(fe->module, atoms);
        hash = hash * FUNNY_NUMBER2 + fe->index;
        hash = hash * FUNNY_NUMBER2 + fe->old_uniq;
        const Term* env = fun_free_vars(term);
        for (Uint i = nfree; i-- > 0;) stack.push_back(Item{Kind::Term, env[i]});
        break;
      }
      case Subtag::HeapBin:
      case Subtag::RefcBin:
      case Subtag::SubBin: {
        BitsView v;
        if (!bitstring_view(term, &v)) break;
        Bytes b(v);
        for (uint32_t i = 0; i < b.size; i++) hash = hash * FUNNY_NUMBER1 + b.data[i];
        if (b.tail_bits > 0) hash = (hash * FUNNY_NUMBER1 + b.tail_value) * FUNNY_NUMBER12 + b.tail_bits;
        hash = hash * FUNNY_NUMBER4 + b.size;
        break;
      }
      case Subtag::PosBig:
      case Subtag::NegBig: {
        // Bytewise, least significant first, over whole 32-bit words of the magnitude.
        IntView v(term);
        for (size_t i = 0; i < v.n; i++) {
          uint64_t d = v.limbs[i];
          int bytes = (i + 1 == v.n && (d >> 32) == 0) ? 4 : 8;
          for (int j = 0; j < bytes; j++, d >>= 8) hash = hash * FUNNY_NUMBER2 + uint32_t(d & 0xFF);
        }
        hash *= v.neg ? FUNNY_NUMBER4 : FUNNY_NUMBER3;
        break;
      }
      case Subtag::Ref: hash = step32(hash, uint32_t(p[1]), FUNNY_NUMBER9) * FUNNY_NUMBER10; break;
      case Subtag::ExternalPid:
        hash = step32(hash, uint32_t(external_data(term)), FUNNY_NUMBER5) * FUNNY_NUMBER6;
        break;
      case Subtag::ExternalPort:
        hash = step32(hash, uint32_t(external_data(term)), FUNNY_NUMBER9) * FUNNY_NUMBER10;
        break;
      case Subtag::ExternalRef:
        hash = step32(hash, external_ref_id0(term), FUNNY_NUMBER9) * FUNNY_NUMBER10;
        break;
      case Subtag::Float: {
        double d = float_value(term);
        if (d == 0.0) d = 0.0;
        uint64_t bits;
        std::memcpy(&bits, &d, sizeof bits);
        hash = hash * FUNNY_NUMBER6 + (uint32_t(bits) ^ uint32_t(bits >> 32));
        break;
      }
      default: break;
    }
  } else if (is_local_pid(term)) {
    hash = step32(hash, uint32_t(local_pid_number(term)), FUNNY_NUMBER5) * FUNNY_NUMBER6;
  } else if (is_local_port(term)) {
    hash = step32(hash, uint32_t(port_serial(term)), FUNNY_NUMBER9) * FUNNY_NUMBER10;
  } else if (is_atom(term)) {
    hash = hash * FUNNY_NUMBER1 + atom_hash(term, atoms);
  } else if (is_nil(term)) {
    hash = hash * FUNNY_NUMBER3 + 1;
  } else if (is_small(term)) {
    Sint y1 = small_value(term);
    uint64_t y2 = y1 < 0 ? uint64_t(-y1) : uint64_t(y1);
    hash = step32(hash, uint32_t(y2), FUNNY_NUMBER2);
    if (y2 >> 32) hash = step32(hash, uint32_t(y2 >> 32), FUNNY_NUMBER2);
    hash *= y1 < 0 ? FUNNY_NUMBER4 : FUNNY_NUMBER3;
  }

  while (!stack.empty()) {
    Item it = stack.back();
    stack.pop_back();
    switch (it.kind) {
      case Kind::Term: term = it.t; goto process;
      case Kind::TupleEnd: hash = hash * FUNNY_NUMBER9 + uint32_t(it.t); break;
      case Kind::ListEnd: hash *= FUNNY_NUMBER8; break;
      case Kind::ListRest:
        if (is_list(it.t)) {
          term = it.t;
          goto process;
        }
        stack.push_back(Item{Kind::ListEnd, NIL});
        term = it.t;
        goto process;
    }
  }
  return hash;
}

uint32_t jenkins_block_hash(const uint8_t* k, size_t len, uint32_t init) {
  return block_hash(k, uint32_t(len), init);
}

}  // namespace beamrun
