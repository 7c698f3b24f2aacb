// term_builders.h - the terms the micro-benchmarks copy, send and collect, built on any word
// allocator (a process heap or a plain arena), with their sizes known in advance.
#pragma once
#include <cstddef>
#include <memory>
#include <vector>

#include "term/term.h"
#include "tests/unit/term_arena.h"

namespace beamrun::micro {

// Source terms live in an arena, so they never move; tuple2 works on any word allocator.
using test::Arena;
using test::tuple2;

// [{N, N}, ..., {1, 1}]: n cons cells and n 2-tuples, 5n words.
inline Term list_of_tuples(WordAllocator& a, size_t n) {
  Term list = NIL;
  for (size_t i = 1; i <= n; ++i) {
    Term small = make_small(Sint(i));
    list = write_cons(a.alloc_words(2), tuple2(a, small, small), list);
  }
  return list;
}
constexpr size_t list_of_tuples_words(size_t n) { return 5 * n; }

// A complete binary tree of 2-tuples `depth` levels deep with small integers as leaves:
// 2^depth - 1 tuples, 3 words each. Deep enough that a recursive copier would notice.
inline Term tuple_tree(WordAllocator& a, unsigned depth, Sint leaf = 0) {
  if (depth == 0) return make_small(leaf);
  return tuple2(a, tuple_tree(a, depth - 1, 2 * leaf), tuple_tree(a, depth - 1, 2 * leaf + 1));
}
constexpr size_t tuple_tree_words(unsigned depth) { return 3 * ((size_t(1) << depth) - 1); }

// {1, 2, ..., n}: one boxed object, n + 1 words.
inline Term flat_tuple(WordAllocator& a, size_t n) {
  Term* t = a.alloc_words(n + 1);
  t[0] = make_tuple_header(n);
  for (size_t i = 1; i <= n; ++i) t[i] = make_small(Sint(i));
  return make_boxed(t);
}

}  // namespace beamrun::micro
