// map_hash.cpp - the hash that places keys in a hash map: ERTS's internal term hash
// (make_internal_hash) as OTP 25 uses it for maps, so that keys land in the slots they land in
// under BEAM. Bob Jenkins' 96-bit mix over 32-bit pieces of the term, type constants mixed in,
// one explicit stack for nested terms.
//
// Immediates are hashed by their whole word, which beamrun shares with ERTS for small integers
// and []; floats, bignums, binaries, tuples, lists and maps of those hash exactly as in BEAM.
#include <cstring>
#include <vector>

#include "term/hash.h"
#include "term/map.h"
#include "term/term_order.h"

namespace beamrun {

namespace {

constexpr auto& mix = jenkins_mix;

// The golden ratio and its multiples: one constant per kind of data mixed in.
constexpr uint32_t K(uint32_t n) { return uint32_t(0x9e3779b9u * n); }
constexpr uint32_t K_IMMED = K(1), K_STRING4 = K(4), K_REF0 = K(7), K_REF12 = K(8),
                   K_TUPLE = K(9), K_NEG_BIG = K(10), K_POS_BIG = K(11), K_FLOAT = K(12),
                   K_BINARY = K(13), K_EXPORT = K(14), K_BIT_TAIL = K(15), K_MAP = K(16),
                   K_CAR = K(17), K_CDR = K(18), K_FUN = K(20), K_FUN_ID = K(21),
                   K_STRING_TAIL = K(22), K_OTHER = K(5);
// Keeps the hash apart from erlang:phash2's.
constexpr uint32_t INTERNAL_SALT = 3432918353u;

struct Hash {
  uint32_t h;
  void two(uint32_t x, uint32_t y, uint32_t k) {
    uint32_t a = k + x, b = k + y;
    mix(a, b, h);
  }
  void one(uint32_t x, uint32_t k) { two(x, 0, k); }
  void word(Uint w, uint32_t k) { two(uint32_t(w), uint32_t(w >> 32), k); }
  void constant(uint32_t k) {  // a light mix of type information
    h ^= k;
    h = (h << 17) ^ (h >> 15);
  }
};

inline uint32_t block_hash(const uint8_t* k, size_t len, uint32_t init) { return jenkins_block_hash(k, len, init); }

void hash_bits(Hash& hs, const BitsView& v) {
  uint32_t con = K_BINARY + hs.h;
  Uint bytes = v.bit_size / 8, tail_bits = v.bit_size % 8;
  if (v.bit_size == 0) {
    hs.h = con;
    return;
  }
  std::vector<uint8_t> copy;
  const uint8_t* data = v.bytes;
  if (v.bit_offset != 0) {  // realign, as ERTS copies unaligned bits before hashing
    copy.resize(bytes + 1);
    for (Uint i = 0; i < bytes; ++i) copy[i] = v.byte_at(i);
    uint8_t last = 0;
    for (Uint j = 0; j < tail_bits; ++j) last = uint8_t(last | (v.bit_at(bytes * 8 + j) << (7 - j)));
    copy[bytes] = last;
    data = copy.data();
  }
  hs.h = block_hash(data, bytes, con);
  if (tail_bits) hs.two(uint32_t(tail_bits), uint32_t(data[bytes] >> (8 - tail_bits)), K_BIT_TAIL);
}

// A word that is never a term value: marks "the tail of an improper list comes next".
constexpr Term CDR_MARK = make_header(3, Subtag::Ref);

inline bool is_byte(Term t) { return is_small(t) && Uint(small_value(t)) < 256; }

// Terms still to hash: a few inline, the rest on the heap (keys are mostly shallow).
class PendingStack {
 public:
  bool empty() const { return n_ == 0; }
  void push(Term t) {
    if (n_ < INLINE) inline_[n_] = t;
    else if (spill_.size() > n_ - INLINE) spill_[n_ - INLINE] = t;
    else spill_.push_back(t);
    n_++;
  }
  Term pop() {
    n_--;
    return n_ < INLINE ? inline_[n_] : spill_[n_ - INLINE];
  }

 private:
  static constexpr size_t INLINE = 32;
  Term inline_[INLINE];
  std::vector<Term> spill_;
  size_t n_ = 0;
};

}  // namespace

uint32_t map_hash(Term term, uint32_t depth) {
  uint32_t salt = 0;
  if (depth > 0) {
    Hash s{0};
    s.two(depth, 1, K_STRING_TAIL);
    salt = s.h;
  }
  Hash hs{salt ^ INTERNAL_SALT};
  if (is_immed(term)) {
    hs.word(term, K_IMMED);
    return hs.h;
  }
  PendingStack stack;
  for (;;) {
    switch (primary_tag(term)) {
      case TAG_PRIMARY_LIST: {
        // Runs of byte-sized integers go in four at a time, as strings are common keys.
        int c = 0;
        uint32_t sh = 0;
        const Term* cell = list_ptr(term);
        while (is_byte(cell[0])) {
          sh = (sh << 8) + uint32_t(small_value(cell[0]));
          if (c == 3) {
            hs.one(sh, K_STRING4);
            c = 0;
            sh = 0;
          } else {
            c++;
          }
          term = cell[1];
          if (!is_list(term)) break;
          cell = list_ptr(term);
        }
        if (c > 0) hs.two(sh, uint32_t(c), K_STRING_TAIL);
        if (is_list(term)) {
          Term tail = cell[1];
          hs.constant(K_CAR);
          stack.push(tail);
          if (!is_list(tail)) stack.push(CDR_MARK);
          term = cell[0];
        }
        continue;  // hash `term`: a head, or the tail that ended the run
      }
      case TAG_PRIMARY_BOXED: {
        const Term* p = boxed_ptr(term);
        Term hdr = p[0];
        switch (header_subtag(hdr)) {
          case Subtag::Tuple: {
            Uint n = header_arity(hdr);
            hs.one(uint32_t(n), K_TUPLE);
            if (n == 0) break;
            for (Uint i = n; i > 1; --i) stack.push(p[i]);
            term = p[1];
            continue;
          }
          case Subtag::Map: {
            Uint n = p[1];
            hs.one(uint32_t(n), K_MAP);
            const Term* keys = boxed_ptr(p[2]) + 1;
            for (Uint i = n; i-- > 0;) {
              stack.push(p[3 + i]);
              stack.push(keys[i]);
            }
            break;
          }
          case Subtag::HashMap: {
            if (hashmap_node_is_head(p)) hs.one(uint32_t(p[2]), K_MAP);
            const Term* ch = hashmap_node_children(p);
            for (unsigned i = 0, n = hashmap_node_count(p); i < n; ++i) {
              if (is_list(ch[i])) {
                stack.push(cdr(ch[i]));
                stack.push(car(ch[i]));
              } else {
                stack.push(ch[i]);
              }
            }
            break;
          }
          case Subtag::Fun: {
            const FunEntry* fe = fun_entry(term);
            Uint nfree = fun_num_free(term);
            const Term* fv = fun_free_vars(term);
            hs.two(uint32_t(nfree), uint32_t(fe->module), K_FUN);
            hs.two(fe->index, fe->old_uniq, K_FUN_ID);
            if (nfree == 0) break;
            for (Uint i = nfree; i > 1; --i) stack.push(fv[i - 1]);
            term = fv[0];
            continue;
          }
          case Subtag::Export:
            hs.word(p[1], K_EXPORT);  // the entry's address: entries never move
            break;
          case Subtag::PosBig:
          case Subtag::NegBig: {
            uint32_t con = header_subtag(hdr) == Subtag::NegBig ? K_NEG_BIG : K_POS_BIG;
            Uint n = header_arity(hdr);
            while (n > 1 && p[n] == 0) n--;  // as if normalised
            for (Uint i = 1; i <= n; ++i) hs.word(p[i], con);
            break;
          }
          case Subtag::Float: {
            double d = float_value(term);
            if (d == 0.0) d = 0.0;  // -0.0 =:= 0.0 in OTP 25: one hash for both
            Uint bits;
            std::memcpy(&bits, &d, sizeof bits);
            hs.word(bits, K_FLOAT);
            break;
          }
          case Subtag::Ref:
            hs.one(uint32_t(p[1]), K_REF0);
            hs.two(uint32_t(p[2]), uint32_t(p[3]), K_REF12);
            break;
          case Subtag::HeapBin:
          case Subtag::RefcBin:
          case Subtag::SubBin: {
            BitsView v;
            if (bitstring_view(term, &v)) {
              hash_bits(hs, v);
              break;
            }
            [[fallthrough]];
          }
          default: {  // external pids, ports and refs: by their header and words
            // The header keeps a pid apart from a port with the same words. A reference's
            // words count as they are: #Ref<N.5> and #Ref<N.0.5> compare equal but hash
            // apart, as in ERTS, where a map of more than 32 keys keeps both.
            Uint n = header_arity(hdr);
            hs.word(hdr, K_OTHER);
            for (Uint i = 1; i <= n; ++i) hs.word(p[i], K_OTHER);
            break;
          }
        }
        break;
      }
      default:  // immediates
        hs.word(term, K_IMMED);
        break;
    }
    // The next pending term, if any.
    for (;;) {
      if (stack.empty()) return hs.h;
      term = stack.pop();
      if (term != CDR_MARK) break;
      hs.constant(K_CDR);
    }
  }
}

}  // namespace beamrun
