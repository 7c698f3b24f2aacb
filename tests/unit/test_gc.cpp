// test_gc.cpp - the generational copying collector: every reachable term stays intact whatever
// moves; promotion, full sweeps, heap sizes, fragments, off-heap binaries, literals.
#include <gtest/gtest.h>
#include "base/block_alloc.h"
#include "tests/unit/test_util.h"

#include <chrono>
#include <random>

#include "process/binaries.h"
#include "process/process.h"
#include "term/binary.h"
#include "text/printer.h"
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

namespace {

void expect_sound(Process& p, unsigned live) {
  const char* problem = nullptr;
  EXPECT_TRUE(p.verify_heap(live, &problem)) << problem;
}

// [N, N-1, ..., 1] built on p's heap.
Term int_list(Process& p, int n) {
  Term l = NIL;
  for (int i = 1; i <= n; ++i) l = write_cons(p.alloc(2), make_small(i), l);
  return l;
}

using test::tuple2;

Term big_binary(Process& p, size_t bytes) {
  std::vector<uint8_t> data(bytes, 7);
  return make_binary(p, data.data(), bytes);
}

}  // namespace

TEST(GC, HeapSizesFollowErtsSequence) {
  // 12, 38, then each the sum of the two before plus one, up to 23 sizes; then 20% steps.
  std::vector<size_t> seq = {12, 38};
  while (seq.size() < 23) seq.push_back(seq[seq.size() - 1] + seq[seq.size() - 2] + 1);
  for (int i = 0; i < 10; ++i) seq.push_back(seq.back() + seq.back() / 5);
  EXPECT_EQ(seq[5], 233u);
  EXPECT_EQ(seq[6], 376u);
  EXPECT_EQ(seq[7], 610u);
  EXPECT_EQ(seq[8], 987u);
  EXPECT_EQ(seq[16], 46422u);
  for (size_t i = 0; i < seq.size(); ++i) {
    EXPECT_EQ(Process::next_heap_size(seq[i]), seq[i]);
    EXPECT_EQ(Process::next_heap_size(seq[i] - 1), seq[i]);
    if (i + 1 < seq.size()) {
      EXPECT_EQ(Process::next_heap_size(seq[i] + 1), seq[i + 1]);
      EXPECT_EQ(Process::next_heap_size(seq[i], 1), seq[i + 1]);
    }
  }
  EXPECT_EQ(Process::next_heap_size(0), 12u);
  // The young heap only ever takes sizes of the sequence (or min_heap_size).
  VM vm;
  Process p(vm, vm.next_serial());
  for (int round = 0; round < 30; ++round) {
    p.x[0] = int_list(p, 100 * round * round);
    p.collect(0, 1);
    EXPECT_EQ(Process::next_heap_size(p.heap_words()), p.heap_words());
  }
}

TEST(GC, SurvivorsArePromotedAtTheSecondMinorCollection) {
  VM vm;
  Process p(vm, vm.next_serial());
  p.x[0] = int_list(p, 50);
  std::string before = display_term(p.x[0], vm.atoms());
  p.collect(0, 1);  // survives once: still young, below the high-water mark
  EXPECT_FALSE(p.in_old_heap(list_ptr(p.x[0])));
  EXPECT_EQ(p.old_heap_used(), 0u);
  p.x[1] = int_list(p, 10);  // younger than the mark
  p.collect(0, 2);  // survives twice: promoted
  EXPECT_TRUE(p.in_old_heap(list_ptr(p.x[0])));
  EXPECT_EQ(p.old_heap_used(), 100u);
  EXPECT_FALSE(p.in_old_heap(list_ptr(p.x[1])));
  EXPECT_EQ(display_term(p.x[0], vm.atoms()), before);
  EXPECT_EQ(p.minor_gcs(), 2u);
  expect_sound(p, 2);
  // Old terms no longer move at minor collections.
  Term old = p.x[0];
  for (int i = 0; i < 5; ++i) {
    p.x[1] = int_list(p, 200);
    p.x[1] = NIL;
    p.collect(0, 2);
  }
  EXPECT_EQ(p.x[0], old);
  // A full sweep brings everything back into one young heap and drops the old one.
  p.collect_major(0, 2);
  EXPECT_EQ(p.old_heap_words(), 0u);
  EXPECT_FALSE(p.in_old_heap(list_ptr(p.x[0])));
  EXPECT_EQ(p.minor_gcs(), 0u);
  EXPECT_EQ(display_term(p.x[0], vm.atoms()), before);
  expect_sound(p, 2);
}

TEST(GC, FullSweepAfterNMinorCollections) {
  VM vm;
  Process p(vm, vm.next_serial());
  p.set_fullsweep_after(3);
  p.x[0] = int_list(p, 20);
  uint64_t seen_max = 0;
  for (int i = 0; i < 12; ++i) {
    p.x[1] = int_list(p, 30);
    p.collect(0, 2);
    seen_max = std::max(seen_max, p.minor_gcs());
    EXPECT_LE(p.minor_gcs(), 3u);
    if (p.minor_gcs() == 0) {
      EXPECT_EQ(p.old_heap_words(), 0u);
    }
  }
  EXPECT_EQ(seen_max, 3u);
  EXPECT_EQ(p.collections(), 12u);

  // fullsweep_after 0: every collection is a full sweep, nothing is ever promoted.
  Process q(vm, vm.next_serial());
  q.set_fullsweep_after(0);
  q.x[0] = int_list(q, 20);
  for (int i = 0; i < 5; ++i) {
    q.collect(0, 1);
    EXPECT_EQ(q.old_heap_words(), 0u);
    EXPECT_EQ(q.minor_gcs(), 0u);
  }
}

TEST(GC, OldHeapWithoutRoomForcesFullSweep) {
  VM vm;
  Process p(vm, vm.next_serial());
  Term keep = NIL;
  p.x[0] = keep;
  // Live data grows at every collection: the old heap fills, and full sweeps make room.
  bool swept = false;
  for (int i = 0; i < 40; ++i) {
    p.x[0] = write_cons(p.alloc(2), int_list(p, 100), p.x[0]);
    size_t old_before = p.old_heap_words();
    p.collect(0, 1);
    if (old_before != 0 && p.old_heap_words() == 0) swept = true;
    expect_sound(p, 1);
  }
  EXPECT_TRUE(swept);
  Term l = p.x[0];
  int n = 0;
  while (is_list(l)) {
    EXPECT_EQ(display_term(car(l), vm.atoms()).size(), display_term(int_list(p, 100), vm.atoms()).size());
    l = cdr(l);
    ++n;
  }
  EXPECT_EQ(n, 40);
}

TEST(GC, GenerationsKeepRandomTermsIntact) {
  // Roots that live for several collections (so they get promoted), random minor and major
  // collections, fragments from large allocations, and a check of every pointer after each.
  VM vm;
  Process p(vm, vm.next_serial());
  p.set_fullsweep_after(7);
  std::mt19937_64 rng(99);
  constexpr unsigned ROOTS = 12;
  std::vector<std::string> shown(ROOTS);
  for (unsigned i = 0; i < ROOTS; ++i) {
    p.x[i] = NIL;
    shown[i] = "[]";
  }
  for (int round = 0; round < 400; ++round) {
    std::vector<Term> pool;
    unsigned r = unsigned(rng() % ROOTS);
    p.x[r] = random_term(p, rng, 5, pool);
    // Sometimes a root refers to an older root (old-to-older pointers, shared across ages).
    if (rng() % 3 == 0) p.x[r] = tuple2(p, p.x[r], p.x[(r + 1) % ROOTS]);
    shown[r] = display_term(p.x[r], vm.atoms());
    for (int g = 0; g < int(rng() % 40); ++g) random_term(p, rng, 3, pool);
    if (rng() % 10 == 0) {  // a big spill into a fragment, as a valid object (verify_heap walks)
      Term* t = p.alloc(3000);
      t[0] = make_tuple_header(2999);
      for (int i = 1; i < 3000; ++i) t[i] = make_small(i);
    }
    if (rng() % 13 == 0) {
      p.collect_major(size_t(rng() % 100), ROOTS);
    } else {
      p.collect(size_t(rng() % 100), ROOTS);
    }
    expect_sound(p, ROOTS);
    for (unsigned i = 0; i < ROOTS; ++i) ASSERT_EQ(display_term(p.x[i], vm.atoms()), shown[i]) << "round " << round;
  }
  EXPECT_GT(p.old_heap_used() + p.heap_used(), 0u);
}

TEST(GC, MatureTupleWrittenAfterCollectionStaysSound) {
  // setelement's fresh tuple may be collected before set_tuple_element writes a younger term
  // into it; promoting the tuple must not leave a dangling old-to-young pointer.
  VM vm;
  Process p(vm, vm.next_serial());
  p.x[0] = tuple2(p, make_small(1), make_small(2));
  p.collect(0, 1);  // the tuple is now mature
  Term young = int_list(p, 5);
  tuple_element(p.x[0], 2) = young;  // what set_tuple_element does
  p.collect(0, 1);  // the tuple is promoted; its element stays young, remembered
  EXPECT_TRUE(p.in_old_heap(boxed_ptr(p.x[0])));
  expect_sound(p, 1);
  for (int i = 0; i < 3; ++i) {
    int_list(p, 100);  // garbage
    p.collect(0, 1);
    expect_sound(p, 1);
  }
  EXPECT_EQ(display_term(p.x[0], vm.atoms()), "{1,[5,4,3,2,1]}");
  EXPECT_TRUE(p.in_old_heap(list_ptr(tuple_element(p.x[0], 2))));
}

TEST(GC, AdoptedFragmentsAreCopiedAndFreed) {
  // Thousands of message-like blocks adopted between two collections: the fragment test must
  // stay fast (sorted ranges), adopted words make a collection due, and the copies are right.
  VM vm;
  Process p(vm, vm.next_serial());
  constexpr int N = 20000;
  Term list = NIL;
  bool due_seen = false;
  for (int i = 0; i < N; ++i) {
    // A block with a 2-word preamble (as Message has), then a 2-tuple {i, Bin or i}.
    Term* block = static_cast<Term*>(block_malloc(7 * sizeof(Term)));
    block[0] = block[1] = 0xDEADBEEF;
    Term* t = block + 2;
    t[0] = make_tuple_header(2);
    t[1] = make_small(i);
    t[2] = make_small(-i);
    p.adopt_fragment(block, 7, nullptr, 0);
    if (p.gc_due()) due_seen = true;
    list = write_cons(p.alloc(2), make_boxed(t), list);  // the heap points into the blocks
  }
  EXPECT_TRUE(due_seen);
  p.x[0] = list;
  auto t0 = std::chrono::steady_clock::now();
  p.collect(0, 1);
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_LT(ms, 500.0);
  EXPECT_EQ(p.fragment_words(), 0u);
  expect_sound(p, 1);
  int expect = N - 1;
  for (Term l = p.x[0]; is_list(l); l = cdr(l), --expect) {
    Term t = car(l);
    ASSERT_TRUE(is_tuple(t));
    ASSERT_EQ(tuple_element(t, 1), make_small(expect));
    ASSERT_EQ(tuple_element(t, 2), make_small(-expect));
  }
  EXPECT_EQ(expect, -1);
}

TEST(GC, AdoptedBinaryHandlesJoinTheOffHeapList) {
  VM vm;
  Process p(vm, vm.next_serial());
  BinaryBlob* kept = blob_alloc(5000);
  BinaryBlob* dropped = blob_alloc(5000);
  kept->refc.fetch_add(1);  // the test's own references, to watch the counts
  dropped->refc.fetch_add(1);
  // One block holding two handles chained together (as a message copy makes them).
  Term* block = static_cast<Term*>(block_malloc(10 * sizeof(Term)));
  Term* h1 = block;
  Term* h2 = block + 5;
  for (auto [h, b] : {std::pair{h1, kept}, std::pair{h2, dropped}}) {
    h[0] = make_header(REFC_BIN_WORDS - 1, Subtag::RefcBin);
    h[1] = 5000;
    h[2] = reinterpret_cast<Word>(b);
    h[3] = reinterpret_cast<Word>(b->data());
  }
  h1[4] = reinterpret_cast<Word>(h2);
  h2[4] = 0;
  big_binary(p, 1000);  // one handle of the process's own, garbage
  p.adopt_fragment(block, 10, h1, 10000);
  EXPECT_EQ(p.bin_vheap, 11000u);
  p.x[0] = make_boxed(h1);
  p.collect(0, 1);
  EXPECT_EQ(kept->refc.load(), 2u);
  EXPECT_EQ(dropped->refc.load(), 1u);
  EXPECT_EQ(p.bin_vheap, 5000u);
  expect_sound(p, 1);
  const uint8_t* d;
  size_t n;
  ASSERT_TRUE(binary_bytes(p.x[0], &d, &n));
  EXPECT_EQ(n, 5000u);
  blob_release(kept);
  blob_release(dropped);
}

TEST(GC, OldBinariesSurviveMinorCollectionsAndGoAtFullSweeps) {
  VM vm;
  Process p(vm, vm.next_serial());
  p.x[0] = big_binary(p, 4000);
  BinaryBlob* b = refc_blob(boxed_ptr(p.x[0]));
  b->refc.fetch_add(1);
  p.collect(0, 1);
  p.collect(0, 1);  // promoted with its handle
  EXPECT_TRUE(p.in_old_heap(boxed_ptr(p.x[0])));
  EXPECT_EQ(p.bin_vheap, 0u);  // the young generation holds no binaries now
  p.collect(0, 1);
  EXPECT_EQ(b->refc.load(), 2u);  // a minor collection leaves old handles alone
  expect_sound(p, 1);
  p.x[0] = NIL;
  p.collect(0, 1);
  EXPECT_EQ(b->refc.load(), 2u);  // dropped, but only a full sweep sees old garbage
  p.collect_major(0, 1);
  EXPECT_EQ(b->refc.load(), 1u);
  blob_release(b);
}

TEST(GC, DroppedYoungBinariesAreFreedAtTheNextCollection) {
  VM vm;
  Process p(vm, vm.next_serial());
  std::vector<BinaryBlob*> blobs;
  for (int i = 0; i < 10; ++i) {
    Term t = big_binary(p, 2000);
    blobs.push_back(refc_blob(boxed_ptr(t)));
    blobs.back()->refc.fetch_add(1);
  }
  p.collect(0, 0);
  for (BinaryBlob* b : blobs) {
    EXPECT_EQ(b->refc.load(), 1u);
    blob_release(b);
  }
  EXPECT_EQ(p.off_heap, nullptr);
}

TEST(GC, OldBinaryGarbageIsBoundedByTheOldVirtualHeap) {
  // Binaries that live through two collections and then die pile up on the old heap; the old
  // virtual binary heap's limit forces the full sweeps that free them, long before the old
  // heap itself fills.
  VM vm;
  Process p(vm, vm.next_serial());
  p.x[0] = int_list(p, 20000);  // a big old heap, so fullness alone would take long
  p.collect(0, 1);
  p.collect(0, 1);
  size_t peak_blobs = 0;
  std::vector<BinaryBlob*> watch;
  for (int i = 0; i < 400; ++i) {
    p.x[1] = big_binary(p, 64 * 1024);
    BinaryBlob* b = refc_blob(boxed_ptr(p.x[1]));
    b->refc.fetch_add(1);
    watch.push_back(b);
    p.collect(0, 2);  // every binary lives through two collections: promoted, then dropped
    p.collect(0, 2);
    size_t alive = 0;
    for (BinaryBlob* w : watch) alive += w->refc.load() > 1;
    peak_blobs = std::max(peak_blobs, alive);
  }
  EXPECT_LT(peak_blobs * 64 * 1024, size_t(16) << 20);
  for (BinaryBlob* w : watch) blob_release(w);
}

TEST(GC, LiteralsAreNeverCopied) {
  VM vm;
  Process p(vm, vm.next_serial());
  // A "literal": a list and a tuple in memory no process owns.
  Term lit[7] = {};
  lit[0] = make_small(1);
  lit[1] = NIL;
  lit[2] = make_tuple_header(2);
  lit[3] = make_list(lit);
  lit[4] = atom::ok;
  Term tuple = make_boxed(lit + 2);
  Term snapshot[7];
  std::memcpy(snapshot, lit, sizeof lit);
  p.x[0] = tuple2(p, tuple, make_list(lit));
  p.x[1] = tuple;
  for (int i = 0; i < 4; ++i) {
    p.collect(0, 2);
    EXPECT_EQ(p.x[1], tuple);
    EXPECT_EQ(tuple_element(p.x[0], 1), tuple);
    EXPECT_EQ(tuple_element(p.x[0], 2), make_list(lit));
  }
  p.collect_major(0, 2);
  EXPECT_EQ(p.x[1], tuple);
  EXPECT_EQ(std::memcmp(snapshot, lit, sizeof lit), 0);
}

TEST(GC, SizesAndLimits) {
  VM vm;
  Process p(vm, vm.next_serial());
  EXPECT_EQ(p.heap_size(), 233u);
  EXPECT_EQ(p.total_heap_size(), 233u);
  EXPECT_GT(p.memory_bytes(), 233u * sizeof(Term));
  p.x[0] = int_list(p, 1000);
  int_list(p, 500);  // garbage
  EXPECT_EQ(p.total_heap_size(), 233u + p.fragment_words());
  p.collect(0, 1);
  p.collect(0, 1);
  EXPECT_EQ(p.total_heap_size(), p.heap_size() + p.old_heap_words());
  EXPECT_GT(p.gc_words_reclaimed(), 0u);
  EXPECT_FALSE(p.max_heap_exceeded);
  p.set_max_heap_size(1000, true, true);
  p.collect(0, 1);
  EXPECT_TRUE(p.max_heap_exceeded);

  Process q(vm, vm.next_serial());
  q.set_min_heap_size(4000);
  EXPECT_EQ(q.min_heap_size(), 4185u);
  EXPECT_EQ(q.heap_size(), 4185u);
  q.collect(0, 0);
  EXPECT_GE(q.heap_size(), 4185u);
}

TEST(GC, StressOptionMakesEveryPointCollect) {
  VMOptions o;
  o.gc_stress = true;
  VM vm(o);
  Process p(vm, vm.next_serial());
  EXPECT_TRUE(p.gc_due());
  p.collect(0, 0);
  EXPECT_TRUE(p.gc_due());
  VM plain;
  Process q(plain, plain.next_serial());
  EXPECT_FALSE(q.gc_due());
}
