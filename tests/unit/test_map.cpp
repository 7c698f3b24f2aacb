// Map tests. The trie is checked against itself built other ways (it must be canonical) and
// against a plain reference; printing and order against what the real erl (OTP 25) printed for
// the same maps, recorded by tests/unit/data/gen_map_data.escript into data/map_cases.tsv.
#include <gtest/gtest.h>

#include "tests/unit/test_util.h"

#include <algorithm>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "term/atoms.h"
#include "term/map.h"
#include "term/term.h"
#include "term/term_order.h"
#include "text/printer.h"
#include "text/term_parser.h"

using namespace beamrun;
using namespace beamrun::test;

namespace {

struct Fixture {
  AtomTable atoms;
  Arena arena;

  Term parse(const std::string& text) {
    std::string err;
    Term t = parse_term(text, arena, atoms, &err);
    EXPECT_NE(t, NON_VALUE) << text << ": " << err;
    return t;
  }
  Term from(const std::vector<Term>& ks, const std::vector<Term>& vs) {
    return map_from_pairs(arena, ks.data(), vs.data(), ks.size(), atoms);
  }
  Term put(Term m, Term k, Term v) { return map_put(arena, m, k, v, atoms); }
  Term remove(Term m, Term k) { return map_remove(arena, m, k, atoms); }
  std::string show(Term t) { return display_term(t, atoms); }
  Term tuple2(Term a, Term b) {
    Term* t = arena.alloc_words(3);
    t[0] = make_tuple_header(2);
    t[1] = a;
    t[2] = b;
    return make_boxed(t);
  }
  Term flt(double d) { return write_float(arena.alloc_words(FLOAT_WORDS), d); }
  // Keys of several kinds, none of them atoms (whose hashes are this VM's own).
  Term key(int i) {
    switch (i % 4) {
      case 0: return make_small(i);
      case 1: return tuple2(make_small(i), NIL);
      case 2: return flt(i / 4.0);
      default: return parse("\"k" + std::to_string(i) + "\"");
    }
  }
};

Term small(Sint i) { return make_small(i); }

// Keys in walk order (maps:next) and list order (maps:keys).
std::vector<Term> walk_keys(Term m) {
  std::vector<Term> out;
  map_foreach_walk(m, [&](Term k, Term) { out.push_back(k); });
  return out;
}
std::vector<Term> list_keys(Term m) {
  std::vector<Term> out;
  map_foreach(m, [&](Term k, Term) { out.push_back(k); });
  return out;
}

}  // namespace

TEST(Map, PrintingAndOrderMatchErl) {
  Fixture f;
  std::ifstream in(data_path("map_cases.tsv"), std::ios::binary);
  ASSERT_TRUE(in.good()) << "missing " << data_path("map_cases.tsv");
  std::string line;
  int rows = 0, failures = 0;
  while (std::getline(in, line)) {
    std::vector<std::string> col;
    std::stringstream ss(line);
    std::string c;
    while (std::getline(ss, c, '\t')) col.push_back(c);
    ASSERT_EQ(col.size(), 6u);
    ++rows;
    Term m = f.parse(col[0]);
    if (m == NON_VALUE) continue;
    std::string d = display_term(m, f.atoms), p = format_p(m, f.atoms), w = format_w(m, f.atoms);
    Term keys = map_to_list(f.arena, m, MapPart::Keys);
    std::vector<Term> walked = walk_keys(m);
    Term walked_list = NIL;
    for (size_t i = walked.size(); i-- > 0;) walked_list = write_cons(f.arena.alloc_words(2), walked[i], walked_list);
    bool ok = d == unhex(col[1]) && p == unhex(col[2]) && w == unhex(col[3]) &&
              format_w(keys, f.atoms) == col[4] && format_w(walked_list, f.atoms) == col[5];
    if (!ok && ++failures <= 5) {
      EXPECT_EQ(d, unhex(col[1])) << "display of " << col[0].substr(0, 200);
      EXPECT_EQ(p, unhex(col[2])) << "~p of " << col[0].substr(0, 200);
      EXPECT_EQ(w, unhex(col[3])) << "~w of " << col[0].substr(0, 200);
      EXPECT_EQ(format_w(keys, f.atoms), col[4]) << "keys of " << col[0].substr(0, 200);
      EXPECT_EQ(format_w(walked_list, f.atoms), col[5]) << "walk of " << col[0].substr(0, 200);
    }
  }
  EXPECT_GT(rows, 40);
  EXPECT_EQ(failures, 0);
}

TEST(Map, FullHashCollisionsAreSaltedApart) {
  // 40660 and 59671 collide in all 32 bits in BEAM; below level 8 BEAM puts them in slots 2
  // and 1 of a node (seen in erl's display of such a map).
  EXPECT_EQ(map_hash(small(40660), 0), map_hash(small(59671), 0));
  EXPECT_EQ(map_hash(small(40660), 1) & 0xF, 2u);
  EXPECT_EQ(map_hash(small(59671), 1) & 0xF, 1u);
  EXPECT_EQ(map_hash(small(22575), 0), map_hash(small(119693), 0));
  // Equal keys hash alike: 0.0 and -0.0 are one key in OTP 25.
  Fixture f;
  EXPECT_EQ(map_hash(f.flt(0.0), 0), map_hash(f.flt(-0.0), 0));
}

TEST(Map, TrieIsCanonicalWhateverTheHistory) {
  Fixture f;
  std::mt19937 rng(12345);
  for (int round = 0; round < 40; ++round) {
    int n = 33 + int(rng() % 400);
    std::vector<Term> ks, vs;
    for (int i = 0; i < n; ++i) {
      ks.push_back(f.key(int(rng() % 2000)));
      vs.push_back(small(i));
    }
    Term built = f.from(ks, vs);
    // One key at a time, forwards and backwards (later pairs win in both, as in from_pairs).
    Term fwd = f.from({}, {});
    for (int i = 0; i < n; ++i) fwd = f.put(fwd, ks[i], vs[i]);
    Term bwd = f.from({}, {});
    for (int i = n; i-- > 0;)
      if (map_get(bwd, ks[i]) == NON_VALUE) bwd = f.put(bwd, ks[i], vs[i]);
    ASSERT_TRUE(eq_exact(built, fwd)) << round;
    ASSERT_TRUE(eq_exact(built, bwd)) << round;
    ASSERT_EQ(f.show(built), f.show(fwd)) << round;
    ASSERT_EQ(f.show(built), f.show(bwd)) << round;
    // Every key is found with its last value.
    for (int i = 0; i < n; ++i) {
      Term v = map_get(built, ks[i]);
      int last = i;
      for (int j = i + 1; j < n; ++j)
        if (eq_exact(ks[j], ks[i])) last = j;
      ASSERT_EQ(v, vs[last]);
    }
    EXPECT_EQ(map_get(built, small(100000)), NON_VALUE);
    // Remove some keys: the result is the map of the rest, however it was reached.
    Term m = built;
    std::vector<Term> rk, rv;
    map_foreach(built, [&](Term k, Term v) {
      if (rng() % 3 == 0) {
        m = f.remove(m, k);
      } else {
        rk.push_back(k);
        rv.push_back(v);
      }
    });
    Term rest = f.from(rk, rv);
    ASSERT_EQ(map_size(m), rk.size());
    ASSERT_TRUE(eq_exact(m, rest)) << round;
    ASSERT_EQ(f.show(m), f.show(rest)) << round;
    ASSERT_EQ(is_flatmap(m), rk.size() <= MAP_SMALL_LIMIT);
  }
}

TEST(Map, OrdersAreReversesOfEachOther) {
  Fixture f;
  std::vector<Term> ks, vs;
  for (int i = 0; i < 500; ++i) {
    ks.push_back(f.key(i));
    vs.push_back(small(i));
  }
  Term m = f.from(ks, vs);
  std::vector<Term> walked = walk_keys(m), listed = list_keys(m);
  std::reverse(walked.begin(), walked.end());
  EXPECT_EQ(walked, listed);
  // A flat map has a single order: its sorted keys.
  Term flat = f.parse("#{b => 1, a => 2, 3 => c}");
  EXPECT_EQ(walk_keys(flat), list_keys(flat));
  EXPECT_EQ(f.show(map_to_list(f.arena, flat, MapPart::Keys)), "[3,a,b]");
}

TEST(Map, BorderBetweenFlatAndTrie) {
  Fixture f;
  std::vector<Term> ks, vs;
  for (int i = 1; i <= 32; ++i) {
    ks.push_back(small(i));
    vs.push_back(small(i));
  }
  Term m32 = f.from(ks, vs);
  EXPECT_TRUE(is_flatmap(m32));
  Term m33 = f.put(m32, small(33), small(33));
  EXPECT_TRUE(is_hashmap(m33));
  EXPECT_EQ(map_size(m33), 33u);
  EXPECT_TRUE(eq_exact(f.remove(m33, small(33)), m32));
  EXPECT_TRUE(is_flatmap(f.remove(m33, small(5))));
  EXPECT_EQ(f.remove(m33, small(99)), m33);  // absent: the same map
  EXPECT_EQ(f.put(m33, small(7), small(7)), m33);  // same value: the same map
  // Duplicates bring a long list down to a flat map.
  ks.insert(ks.end(), ks.begin(), ks.end());
  vs.insert(vs.end(), vs.begin(), vs.end());
  EXPECT_TRUE(is_flatmap(f.from(ks, vs)));
  // Several keys at once over the border.
  Term keys[3] = {small(40), small(41), small(1)}, vals[3] = {small(0), small(0), small(-1)};
  Term grown = map_put_many(f.arena, m32, keys, vals, 3, f.atoms);
  EXPECT_TRUE(is_hashmap(grown));
  EXPECT_EQ(map_size(grown), 34u);
  EXPECT_EQ(map_get(grown, small(1)), small(-1));
}

TEST(Map, UpdateAndMerge) {
  Fixture f;
  std::vector<Term> ks, vs;
  for (int i = 0; i < 100; ++i) {
    ks.push_back(f.key(i));
    vs.push_back(small(i));
  }
  Term m = f.from(ks, vs);
  Term missing = NON_VALUE;
  Term nk[2] = {ks[10], ks[20]}, nv[2] = {small(-10), small(-20)};
  Term u = map_update_many(f.arena, m, nk, nv, 2, &missing);
  ASSERT_NE(u, NON_VALUE);
  EXPECT_EQ(map_get(u, ks[10]), small(-10));
  EXPECT_EQ(map_get(m, ks[10]), small(10));  // the original is untouched
  Term bad[2] = {ks[1], small(5000)};
  EXPECT_EQ(map_update_many(f.arena, m, bad, nv, 2, &missing), NON_VALUE);
  EXPECT_EQ(missing, small(5000));
  // merge(A, B) = the pairs of A then B, B winning: for flat and trie inputs of all sizes.
  for (int a : {0, 5, 30, 40, 100}) {
    for (int b : {0, 3, 20, 35, 90}) {
      std::vector<Term> ak, av, bk, bv;
      for (int i = 0; i < a; ++i) { ak.push_back(f.key(i)); av.push_back(small(i)); }
      for (int i = 0; i < b; ++i) { bk.push_back(f.key(i * 3)); bv.push_back(small(-i)); }
      Term merged = map_merge(f.arena, f.from(ak, av), f.from(bk, bv), f.atoms);
      std::vector<Term> allk = ak, allv = av;
      allk.insert(allk.end(), bk.begin(), bk.end());
      allv.insert(allv.end(), bv.begin(), bv.end());
      Term expect = f.from(allk, allv);
      ASSERT_TRUE(eq_exact(merged, expect)) << a << " " << b;
      ASSERT_EQ(f.show(merged), f.show(expect)) << a << " " << b;
    }
  }
}

TEST(Map, WalkFromPathsAsErlsMapNext) {
  // erl: for maps:from_list([{I,x} || I <- lists:seq(1,33)]), erts_internal:map_next/3 from
  // path 14 gives 12 then 33; from 16 it starts at 18; paths 15 and 31 are badarg; the first
  // 32 pairs from path 0 end with path 30.
  Fixture f;
  std::vector<Term> ks, vs;
  for (int i = 1; i <= 33; ++i) {
    ks.push_back(small(i));
    vs.push_back(f.parse("x"));
  }
  Term m = f.from(ks, vs);
  auto from = [&](Uint path, size_t limit, std::vector<Sint>* got, Uint* next, bool* done) {
    return map_walk_from(m, path, limit, next, done, [&](Term k, Term) { got->push_back(small_value(k)); });
  };
  std::vector<Sint> got;
  Uint next = 0;
  bool done = false;
  ASSERT_TRUE(from(14, 100, &got, &next, &done));
  EXPECT_EQ(got, (std::vector<Sint>{12, 33}));
  EXPECT_TRUE(done);
  got.clear();
  ASSERT_TRUE(from(16, 1, &got, &next, &done));
  EXPECT_EQ(got, (std::vector<Sint>{18}));
  EXPECT_FALSE(done);
  EXPECT_FALSE(from(15, 1, &got, &next, &done));
  EXPECT_FALSE(from(31, 1, &got, &next, &done));
  got.clear();
  ASSERT_TRUE(from(0, 32, &got, &next, &done));
  EXPECT_EQ(got.size(), 32u);
  EXPECT_EQ(got.front(), 16);
  EXPECT_FALSE(done);
  EXPECT_EQ(next, 30u);
  // A flat map comes whole from any valid position.
  Term flat = f.parse("#{a => 1, b => 2}");
  size_t count = 0;
  EXPECT_TRUE(map_walk_from(flat, 2, 1, &next, &done, [&](Term, Term) { ++count; }));
  EXPECT_EQ(count, 2u);
  EXPECT_FALSE(map_walk_from(flat, 3, 1, &next, &done, [&](Term, Term) {}));
}

TEST(Map, ComparisonIsBySizeThenSortedKeysThenValues) {
  Fixture f;
  // Tries of equal size: the smallest key that differs decides, then the values.
  std::vector<Term> ak, av, bk, bv;
  for (int i = 0; i < 40; ++i) {
    ak.push_back(small(i));
    av.push_back(small(i));
    bk.push_back(small(i == 39 ? 100 : i));
    bv.push_back(small(i));
  }
  Term a = f.from(ak, av), b = f.from(bk, bv);
  EXPECT_LT(compare_terms(a, b, f.atoms, false), 0);
  EXPECT_GT(compare_terms(b, a, f.atoms, false), 0);
  av[0] = small(5);
  Term a2 = f.from(ak, av);
  EXPECT_GT(compare_terms(a2, a, f.atoms, false), 0);
  EXPECT_FALSE(eq_exact(a2, a));
  // Values compare by the operator's mode, keys always exactly.
  av[0] = f.flt(0.0);
  Term a3 = f.from(ak, av);
  EXPECT_TRUE(eq_arith(a3, a, f.atoms));
  EXPECT_FALSE(eq_exact(a3, a));
  EXPECT_EQ(compare_terms(a3, a, f.atoms, false), 0);
  // Size first: 33 keys order after any 32.
  std::vector<Term> ck(ak.begin(), ak.begin() + 32), cv(av.begin(), av.begin() + 32);
  ck[0] = small(1000);
  EXPECT_LT(compare_terms(f.from(ck, cv), a, f.atoms, false), 0);
}
