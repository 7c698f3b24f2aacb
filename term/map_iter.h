// map_iter.h - the walks over a map's pairs (see map.h for the two orders). No recursion: a hash
// map's depth is bounded by its hash (a level per nibble), and the walks keep one small frame
// per level.
#pragma once
#include <cstdlib>

#include "term/map.h"

namespace beamrun {

namespace map_detail {

// Levels a walk can descend. Reaching it needs 32 keys whose 32-bit hashes collide at every
// salt, which the hash does not allow; the walks stop rather than overrun.
constexpr unsigned MAX_LEVELS = 256;

struct WalkFrame {
  const Term* children;
  unsigned count;
  unsigned pos;  // next child to visit (walk order) or last visited (list order)
};

// Calls f on the pairs under `node` in walk order (reverse=false) or list order (reverse=true).
template <typename F>
void walk_hashmap(const Term* node, bool reverse, F&& f) {
  WalkFrame stack[MAX_LEVELS];
  unsigned depth = 0;
  unsigned count = hashmap_node_count(node);
  stack[0] = WalkFrame{hashmap_node_children(node), count, reverse ? count : 0};
  for (;;) {
    WalkFrame& w = stack[depth];
    Term child;
    if (reverse) {
      if (w.pos == 0) {
        if (depth == 0) return;
        --depth;
        continue;
      }
      child = w.children[--w.pos];
    } else {
      if (w.pos == w.count) {
        if (depth == 0) return;
        --depth;
        continue;
      }
      child = w.children[w.pos++];
    }
    if (is_list(child)) {
      f(car(child), cdr(child));
    } else if (depth + 1 < MAX_LEVELS) {
      const Term* sub = boxed_ptr(child);
      unsigned n = hashmap_node_count(sub);
      stack[++depth] = WalkFrame{hashmap_node_children(sub), n, reverse ? n : 0};
    } else {
      std::abort();  // a trie deeper than any hash can make it: memory is corrupt
    }
  }
}

}  // namespace map_detail

template <typename F>
void map_foreach(Term map, F&& f) {
  if (is_flatmap(map)) {
    Uint n = flatmap_size(map);
    Term keys = flatmap_keys(map);
    const Term* vals = flatmap_values(map);
    for (Uint i = 0; i < n; ++i) f(tuple_element(keys, i + 1), vals[i]);
    return;
  }
  map_detail::walk_hashmap(boxed_ptr(map), true, f);
}

template <typename F>
void map_foreach_walk(Term map, F&& f) {
  if (is_flatmap(map)) {
    map_foreach(map, f);
    return;
  }
  map_detail::walk_hashmap(boxed_ptr(map), false, f);
}

template <typename F>
bool map_walk_from(Term map, Uint path, size_t limit, Uint* next, bool* done, F&& f) {
  using map_detail::WalkFrame;
  if (is_flatmap(map)) {
    // ERTS hands out a flat map whole, whatever the position, once the position is valid.
    if (path > flatmap_size(map)) return false;
    map_foreach(map, f);
    *done = true;
    return true;
  }
  // A path is a small integer: room for 14 levels of 4 bits.
  constexpr unsigned PATH_LEVELS = 14;
  WalkFrame stack[PATH_LEVELS];
  unsigned depth = 0;
  const Term* node = boxed_ptr(map);
  // Descend along the path to the pair it names.
  for (Uint rest = path;; rest >>= 4) {
    unsigned count = hashmap_node_count(node);
    unsigned pos = unsigned(rest & 0xF);
    if (pos >= count) return false;
    stack[depth] = WalkFrame{hashmap_node_children(node), count, pos};
    Term child = stack[depth].children[pos];
    if (is_list(child)) {
      if ((rest >> 4) != 0) return false;  // the path goes on below a pair
      break;
    }
    if (++depth == PATH_LEVELS) return false;
    node = boxed_ptr(child);
  }
  // Walk on from there; stack[depth].pos is the pair to emit next.
  size_t emitted = 0;
  for (;;) {
    WalkFrame& w = stack[depth];
    if (w.pos == w.count) {
      if (depth == 0) {
        *done = true;
        return true;
      }
      --depth;
      stack[depth].pos++;
      continue;
    }
    Term child = w.children[w.pos];
    if (!is_list(child)) {
      const Term* sub = boxed_ptr(child);
      if (depth + 1 == PATH_LEVELS) {
        // Deeper than a path can say (a freak of collisions): emit the subtree whole.
        map_detail::walk_hashmap(sub, false, f);
        w.pos++;
        continue;
      }
      stack[++depth] = WalkFrame{hashmap_node_children(sub), hashmap_node_count(sub), 0};
      continue;
    }
    if (emitted == limit) {
      Uint p = 0;
      for (unsigned i = depth + 1; i-- > 0;) p = (p << 4) | stack[i].pos;
      *next = p;
      *done = false;
      return true;
    }
    f(car(child), cdr(child));
    ++emitted;
    w.pos++;
  }
}

}  // namespace beamrun
