// hashmap.cpp - building, searching and changing hash map tries (layout in map.h).
//
// A key's slot at level L is nibble L % 8 of map_hash(Key, L / 8). Sorting keys by their hash
// with the nibbles reversed (lowest nibble most significant) lines them up in walk order; a
// trie is then cut out of that line level by level. Changes copy the path from the root to the
// changed slot and share everything else.
#include "term/hashmap.h"

#include <algorithm>
#include <cstdlib>
#include <vector>

#include "term/term_order.h"

namespace beamrun {

namespace {

inline bool same_key(Term a, Term b) { return a == b || (!is_immed(a) && !is_immed(b) && eq_exact(a, b)); }

inline unsigned nibble(uint32_t hash, unsigned level) { return (hash >> (4 * (level & 7))) & 0xF; }

// The hash's nibbles in reverse order, so that ordering by it is ordering by slot, level 0 first.
inline uint32_t slot_order(uint32_t h) {
  h = ((h & 0x0F0F0F0Fu) << 4) | ((h >> 4) & 0x0F0F0F0Fu);
  return __builtin_bswap32(h);
}

Term* alloc_node(WordAllocator& a, bool head, uint32_t bitmap, unsigned count) {
  Uint words = 2 + (head ? 1 : 0) + count;
  Term* n = a.alloc_words(words);
  n[0] = make_header(words - 1, Subtag::HashMap);
  n[1] = (head ? HASHMAP_HEAD_BIT : 0) | bitmap;
  return n;
}

// A copy of `node` with its child at `pos` replaced by `child`.
Term copy_with(WordAllocator& a, const Term* node, unsigned pos, Term child) {
  Uint words = header_arity(node[0]) + 1;
  Term* n = a.alloc_words(words);
  std::copy(node, node + words, n);
  hashmap_node_children(n)[pos] = child;
  return make_boxed(n);
}

// A copy of `node` with `child` added in slot `slot` (free), at child position `pos`.
Term copy_inserting(WordAllocator& a, const Term* node, unsigned slot, unsigned pos, Term child) {
  bool head = hashmap_node_is_head(node);
  unsigned count = hashmap_node_count(node);
  Term* n = alloc_node(a, head, hashmap_node_bitmap(node) | (1u << slot), count + 1);
  if (head) n[2] = node[2];  // the caller counts the new pair
  const Term* from = hashmap_node_children(node);
  Term* to = hashmap_node_children(n);
  std::copy(from, from + pos, to);
  to[pos] = child;
  std::copy(from + pos, from + count, to + pos + 1);
  return make_boxed(n);
}

// A copy of `node` without the child in slot `slot` (child position `pos`).
Term copy_removing(WordAllocator& a, const Term* node, unsigned slot, unsigned pos) {
  bool head = hashmap_node_is_head(node);
  unsigned count = hashmap_node_count(node);
  Term* n = alloc_node(a, head, hashmap_node_bitmap(node) & ~(1u << slot), count - 1);
  if (head) n[2] = node[2] - 1;
  const Term* from = hashmap_node_children(node);
  Term* to = hashmap_node_children(n);
  std::copy(from, from + pos, to);
  std::copy(from + pos + 1, from + count, to + pos);
  return make_boxed(n);
}

// A key's hash, recomputed with the next salt each time the walk passes eight levels.
struct KeyHash {
  Term key;
  uint32_t hash;
  uint32_t depth = 0;
  explicit KeyHash(Term k) : key(k), hash(map_hash(k, 0)) {}
  unsigned slot(unsigned level) {
    if (level / 8 != depth) {
      depth = level / 8;
      hash = map_hash(key, depth);
    }
    return nibble(hash, level);
  }
};

// Where two different keys part below `level`: the slots they share on the way (levels
// `level`, `level + 1`...), then their two different slots. Returns the number shared.
unsigned parting(KeyHash& ka, KeyHash& kb, unsigned level, unsigned* shared, unsigned* sa, unsigned* sb) {
  unsigned n = 0;
  for (unsigned l = level;; ++l) {
    *sa = ka.slot(l);
    *sb = kb.slot(l);
    if (*sa != *sb) return n;
    if (n == 256) std::abort();  // distinct keys always part: the hash is broken
    shared[n++] = *sa;
  }
}

// Words of the subtrie that `parting` describes.
inline size_t pair_subtrie_words(unsigned nshared) { return 4 + 3 * size_t(nshared); }

// The subtrie holding two leaves whose keys part as `parting` found.
Term pair_subtrie(WordAllocator& a, const unsigned* shared, unsigned nshared, unsigned sa, Term leaf_a,
                  unsigned sb, Term leaf_b) {
  Term* n = alloc_node(a, false, (1u << sa) | (1u << sb), 2);
  n[2] = sa < sb ? leaf_a : leaf_b;
  n[3] = sa < sb ? leaf_b : leaf_a;
  Term t = make_boxed(n);
  for (unsigned i = nshared; i-- > 0;) {
    Term* up = alloc_node(a, false, 1u << shared[i], 1);
    up[2] = t;
    t = make_boxed(up);
  }
  return t;
}

// Hands out the words of one block allocated up front, so that a change to a trie takes one
// allocation (one heap fragment at most).
class Carver final : public WordAllocator {
 public:
  Carver(WordAllocator& a, size_t n) : next_(a.alloc_words(n)), left_(n) {}
  Term* alloc_words(size_t n) override {
    if (n > left_) std::abort();  // the size computed up front was wrong
    Term* r = next_;
    next_ += n;
    left_ -= n;
    return r;
  }

 private:
  Term* next_;
  size_t left_;
};

inline size_t node_words(const Term* node) { return header_arity(node[0]) + 1; }

struct Leaf {
  uint32_t order;  // slot_order of the hash at the current depth
  uint32_t hash;
  size_t index;    // position in the input: the later of equal keys wins
  Term key;
  size_t cell;     // which [Key|Value] cell of the result
};

// Lays a trie out in a scratch vector first, so that the result takes one allocation (one
// heap fragment at most) however many nodes it has. A child there is a placeholder: cell i as
// (i << 2 | list tag), the node at scratch offset o as (o << 2 | boxed tag).
class Builder {
 public:
  // leaves[lo, hi) share their slots above `level`, and are sorted by `order`. Returns the
  // node's offset in the scratch.
  size_t node(std::vector<Leaf>& leaves, size_t lo, size_t hi, unsigned level, bool head) {
    if (level > 32 * 8) std::abort();
    if (level > 0 && level % 8 == 0) {
      // The hash is spent: these keys collide in all 32 bits. Rehash with the next salt.
      for (size_t i = lo; i < hi; ++i) {
        leaves[i].hash = map_hash(leaves[i].key, level / 8);
        leaves[i].order = slot_order(leaves[i].hash);
      }
      std::sort(leaves.begin() + lo, leaves.begin() + hi,
                [](const Leaf& x, const Leaf& y) { return x.order < y.order; });
    }
    Term kids[16];
    uint32_t bitmap = 0;
    unsigned count = 0;
    for (size_t i = lo; i < hi;) {
      unsigned s = nibble(leaves[i].hash, level);
      size_t j = i + 1;
      while (j < hi && nibble(leaves[j].hash, level) == s) ++j;
      kids[count++] = j - i == 1 ? (Term(leaves[i].cell) << 2 | TAG_PRIMARY_LIST)
                                 : (Term(node(leaves, i, j, level + 1, false)) << 2 | TAG_PRIMARY_BOXED);
      bitmap |= 1u << s;
      i = j;
    }
    size_t at = scratch_.size();
    scratch_.push_back(make_header(1 + (head ? 1 : 0) + count, Subtag::HashMap));
    scratch_.push_back((head ? HASHMAP_HEAD_BIT : 0) | bitmap);
    if (head) scratch_.push_back(hi - lo);
    scratch_.insert(scratch_.end(), kids, kids + count);
    return at;
  }

  // The trie in `nodes` (scratch.size() words), its cells at `cells`; returns the head.
  Term place(Term* nodes, const Term* cells, size_t root) const {
    std::copy(scratch_.begin(), scratch_.end(), nodes);
    for (size_t at = 0; at < scratch_.size(); at += header_arity(nodes[at]) + 1) {
      Term* kid = hashmap_node_children(nodes + at);
      for (unsigned k = hashmap_node_count(nodes + at); k-- > 0;) {
        Uint index = kid[k] >> 2;
        kid[k] = is_list(kid[k]) ? make_list(cells + 2 * index) : make_boxed(nodes + index);
      }
    }
    return make_boxed(nodes + root);
  }

  size_t words() const { return scratch_.size(); }

 private:
  std::vector<Term> scratch_;
};

}  // namespace

Term hashmap_build(WordAllocator& a, const Term* keys, const Term* values, size_t n) {
  std::vector<Leaf> leaves(n);
  for (size_t i = 0; i < n; ++i) {
    uint32_t h = map_hash(keys[i], 0);
    leaves[i] = Leaf{slot_order(h), h, i, keys[i], 0};
  }
  std::sort(leaves.begin(), leaves.end(), [](const Leaf& x, const Leaf& y) {
    return x.order != y.order ? x.order < y.order : x.index < y.index;
  });
  // Drop all but the last of equal keys; they sit in the same run of equal hashes.
  size_t kept = 0;
  for (size_t i = 0; i < n;) {
    size_t j = i + 1;
    while (j < n && leaves[j].order == leaves[i].order) ++j;
    size_t run_start = kept;
    for (size_t k = i; k < j; ++k) {
      bool dup = false;
      for (size_t m = run_start; m < kept; ++m) {
        if (same_key(leaves[m].key, leaves[k].key)) {
          leaves[m] = leaves[k];  // later in the input: replaces, keeping its place
          dup = true;
          break;
        }
      }
      if (!dup) leaves[kept++] = leaves[k];
    }
    i = j;
  }
  leaves.resize(kept);
  for (size_t i = 0; i < kept; ++i) leaves[i].cell = i;
  if (kept == 0) {
    Term* h = alloc_node(a, true, 0, 0);
    h[2] = 0;
    return make_boxed(h);
  }
  Builder b;
  size_t root = b.node(leaves, 0, kept, 0, true);
  Term* block = a.alloc_words(2 * kept + b.words());
  for (const Leaf& l : leaves) write_cons(block + 2 * l.cell, l.key, values[l.index]);
  return b.place(block + 2 * kept, block, root);
}

Term hashmap_get(Term map, Term key) {
  uint32_t h = map_hash(key, 0);
  const Term* node = boxed_ptr(map);
  for (unsigned level = 0;;) {
    unsigned s = nibble(h, level);
    uint32_t bm = hashmap_node_bitmap(node);
    if (!(bm & (1u << s))) return NON_VALUE;
    Term child = hashmap_node_children(node)[popcount16(bm & ((1u << s) - 1))];
    if (is_list(child)) return same_key(car(child), key) ? cdr(child) : NON_VALUE;
    node = boxed_ptr(child);
    if ((++level & 7) == 0) h = map_hash(key, level / 8);
  }
}

namespace {

// The nodes from the root down to where a key's walk ends, and the child position taken at each.
struct Path {
  struct Step {
    const Term* node;
    unsigned pos;
  };
  // Eight levels per hash; more than a few hashes deep needs collisions the hash prevents.
  static constexpr size_t MAX = 256;
  Step steps[MAX];
  size_t size = 0;

  size_t words() const {
    size_t w = 0;
    for (size_t i = 0; i < size; ++i) w += header_arity(steps[i].node[0]) + 1;
    return w;
  }
  void push(const Term* node, unsigned pos) {
    if (size == MAX) std::abort();
    steps[size++] = Step{node, pos};
  }
  // Copies the path upwards with `child` replacing the last step's child.
  Term rebuild(WordAllocator& a, Term child) const {
    for (size_t i = size; i-- > 0;) child = copy_with(a, steps[i].node, steps[i].pos, child);
    return child;
  }
};

}  // namespace

Term hashmap_put(WordAllocator& a, Term map, Term key, Term value, bool must_exist) {
  KeyHash kh(key);
  Path path;
  const Term* node = boxed_ptr(map);
  unsigned level = 0, s, pos;
  Term child = NON_VALUE;  // the leaf in the key's slot, if any
  for (;; ++level) {
    s = kh.slot(level);
    uint32_t bm = hashmap_node_bitmap(node);
    pos = popcount16(bm & ((1u << s) - 1));
    if (!(bm & (1u << s))) break;
    child = hashmap_node_children(node)[pos];
    if (is_list(child)) break;
    path.push(node, pos);
    node = boxed_ptr(child);
    child = NON_VALUE;
  }
  bool same = child != NON_VALUE && same_key(car(child), key);
  if (must_exist && !same) return NON_VALUE;
  if (same && cdr(child) == value && car(child) == key) return map;
  // Everything new in one block: the path's copies, the changed node, the leaf, a subtrie.
  unsigned shared[256], nshared = 0, sa = 0, sb = 0;
  size_t words = path.words() + node_words(node) + 2;
  if (child == NON_VALUE) {
    words += 1;
  } else if (!same) {
    KeyHash other(car(child));
    nshared = parting(other, kh, level + 1, shared, &sa, &sb);
    words += pair_subtrie_words(nshared);
  }
  Carver c(a, words);
  // The new key replaces an equal old one: they are equal, yet 0.0 and -0.0 differ in print.
  Term leaf = write_cons(c.alloc_words(2), key, value);
  Term replacement;
  if (child == NON_VALUE) replacement = copy_inserting(c, node, s, pos, leaf);
  else if (same) replacement = copy_with(c, node, pos, leaf);
  else replacement = copy_with(c, node, pos, pair_subtrie(c, shared, nshared, sa, child, sb, leaf));
  Term result = path.rebuild(c, replacement);
  if (!same) boxed_ptr(result)[2] += 1;  // the head is always a fresh copy
  return result;
}

Term hashmap_remove(WordAllocator& a, Term map, Term key, Term* value) {
  if (value) *value = NON_VALUE;
  KeyHash kh(key);
  Path path;
  const Term* node = boxed_ptr(map);
  unsigned s, pos;
  for (unsigned level = 0;; ++level) {
    s = kh.slot(level);
    uint32_t bm = hashmap_node_bitmap(node);
    if (!(bm & (1u << s))) return map;
    pos = popcount16(bm & ((1u << s) - 1));
    Term child = hashmap_node_children(node)[pos];
    if (is_list(child)) {
      if (!same_key(car(child), key)) return map;
      if (value) *value = cdr(child);
      break;
    }
    path.push(node, pos);
    node = boxed_ptr(child);
  }
  // A node left with a single leaf gives way to it, and so do the single-child nodes above it,
  // up to the first node with more children (canonical form: a node only where two keys share
  // a prefix). The head always stays.
  size_t up = path.size;
  bool collapse = !hashmap_node_is_head(node) && hashmap_node_count(node) == 2 &&
                  is_list(hashmap_node_children(node)[1 - pos]);
  if (collapse) {
    while (up > 0 && !hashmap_node_is_head(path.steps[up - 1].node) && hashmap_node_count(path.steps[up - 1].node) == 1) --up;
  }
  size_t words = collapse ? 0 : node_words(node) - 1;
  for (size_t i = 0; i < up; ++i) words += node_words(path.steps[i].node);
  Carver c(a, words);
  Term child = collapse ? hashmap_node_children(node)[1 - pos] : copy_removing(c, node, s, pos);
  if (!collapse && hashmap_node_is_head(node)) return child;  // copy_removing counted the head down
  for (size_t i = up; i-- > 0;) child = copy_with(c, path.steps[i].node, path.steps[i].pos, child);
  boxed_ptr(child)[2] -= 1;
  return child;
}

}  // namespace beamrun
