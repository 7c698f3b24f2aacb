// test_gc.cpp - the copying collector keeps every reachable term intact, whatever moves.
#include <gtest/gtest.h>

#include <random>

#include "vm/printer.h"
#include "vm/process.h"
#include "vm/vm.h"

using namespace beamrun;

namespace {

// A random term built in the process: lists, tuples, floats, small ints, atoms, and shared
// subterms (the same object reachable twice must stay one object).
Term random_term(Process& p, std::mt19937_64& rng, int depth, std::vector<Term>& pool) {
  int kind = int(rng() % (depth > 0 ? 7 : 3));
  switch (kind) {
    case 0: return make_small(Sint(rng() % 2000) - 1000);
    case 1: return make_atom(rng() % 20);
    case 2: return write_float(p.alloc(FLOAT_WORDS), double(rng() % 1000) / 7.0);
    case 3: {
      Uint n = rng() % 5;
      Term* t = p.alloc(n + 1);
      t[0] = make_tuple_header(n);
      for (Uint i = 1; i <= n; ++i) t[i] = random_term(p, rng, depth - 1, pool);
      return make_boxed(t);
    }
    case 4: {
      Term l = NIL;
      for (Uint i = rng() % 6; i > 0; --i) l = write_cons(p.alloc(2), random_term(p, rng, depth - 1, pool), l);
      return l;
    }
    case 5:
      if (!pool.empty()) return pool[rng() % pool.size()];
      [[fallthrough]];
    default: {
      Term t = random_term(p, rng, depth - 1, pool);
      pool.push_back(t);
      return t;
    }
  }
}

}  // namespace

TEST(GC, ReachableTermsSurviveCollections) {
  VM vm;
  Process p(vm, vm.next_serial());
  std::mt19937_64 rng(12345);
  for (int round = 0; round < 200; ++round) {
    std::vector<Term> pool;
    unsigned live = 1 + unsigned(rng() % 8);
    std::vector<std::string> before;
    for (unsigned i = 0; i < live; ++i) {
      p.x[i] = random_term(p, rng, 6, pool);
      before.push_back(display_term(p.x[i], vm.atoms()));
    }
    // Some garbage, and a stack slot holding a root too.
    for (int g = 0; g < 50; ++g) random_term(p, rng, 3, pool);
    *--p.stop = p.x[0];
    p.collect(size_t(rng() % 500), live);
    for (unsigned i = 0; i < live; ++i) EXPECT_EQ(display_term(p.x[i], vm.atoms()), before[i]);
    EXPECT_EQ(display_term(*p.stop, vm.atoms()), before[0]);
    EXPECT_EQ(p.fragment_words(), 0u);
    ++p.stop;
  }
}

TEST(GC, SharingIsPreserved) {
  VM vm;
  Process p(vm, vm.next_serial());
  Term shared = write_cons(p.alloc(2), make_small(1), NIL);
  Term* t = p.alloc(3);
  t[0] = make_tuple_header(2);
  t[1] = shared;
  t[2] = shared;
  p.x[0] = make_boxed(t);
  p.collect(0, 1);
  EXPECT_EQ(tuple_element(p.x[0], 1), tuple_element(p.x[0], 2));
}

TEST(GC, HeapShrinksAfterGarbage) {
  VM vm;
  Process p(vm, vm.next_serial());
  // Grow the heap with live data, then drop it: the block must come back down.
  Term l = NIL;
  for (int i = 0; i < 100000; ++i) l = write_cons(p.alloc(2), make_small(i), l);
  p.x[0] = l;
  p.collect(0, 1);
  size_t big = p.heap_words();
  EXPECT_GE(big, 200000u);
  p.x[0] = NIL;
  p.collect(0, 1);
  EXPECT_LT(p.heap_words(), big / 4);
}
