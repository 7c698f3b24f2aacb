// Term order tests. order_cases.tsv holds pairs of terms with the order the real erl (OTP 25)
// gave them, recorded by tests/unit/data/gen_test_data.escript: `==`/`<` for the arithmetic
// order, map key order (maps:keys/1) for the exact one.
#include <gtest/gtest.h>

#include "tests/unit/test_util.h"

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "term/atoms.h"
#include "term/export.h"
#include "term/term.h"
#include "term/term_order.h"
#include "text/term_parser.h"

using namespace beamrun;
using namespace beamrun::test;

namespace {

int sign(int x) { return (x > 0) - (x < 0); }

struct Fixture {
  AtomTable atoms;
  Arena arena;
  Term parse(const std::string& text) {
    std::string err;
    Term t = parse_term(text, arena, atoms, &err);
    EXPECT_NE(t, NON_VALUE) << text << ": " << err;
    return t;
  }
  int cmp(const std::string& a, const std::string& b, bool exact = false) {
    return sign(compare_terms(parse(a), parse(b), atoms, exact));
  }
};

}  // namespace

TEST(TermOrder, MatchesErlOnRecordedPairs) {
  Fixture f;
  std::ifstream in(data_path("order_cases.tsv"), std::ios::binary);
  ASSERT_TRUE(in.good());
  std::string line;
  int rows = 0, failures = 0;
  while (std::getline(in, line)) {
    std::vector<std::string> col;
    std::stringstream ss(line);
    std::string x;
    while (std::getline(ss, x, '\t')) col.push_back(x);
    ASSERT_EQ(col.size(), 4u);
    rows++;
    Term a = f.parse(col[0]), b = f.parse(col[1]);
    int arith = std::stoi(col[2]), exact = std::stoi(col[3]);
    int got_arith = sign(compare_terms(a, b, f.atoms, false));
    int got_exact = sign(compare_terms(a, b, f.atoms, true));
    bool ok = got_arith == arith && got_exact == exact &&
              sign(compare_terms(b, a, f.atoms, false)) == -arith &&
              sign(compare_terms(b, a, f.atoms, true)) == -exact && eq_arith(a, b, f.atoms) == (arith == 0) &&
              eq_exact(a, b) == (exact == 0);
    if (!ok && ++failures <= 10) {
      ADD_FAILURE() << col[0] << " vs " << col[1] << ": erl " << arith << "/" << exact << ", got " << got_arith
                    << "/" << got_exact << " eq_arith " << eq_arith(a, b, f.atoms) << " eq_exact "
                    << eq_exact(a, b);
    }
  }
  EXPECT_GT(rows, 5000);
  EXPECT_EQ(failures, 0);
}

TEST(TermOrder, ClassOrder) {
  Fixture f;
  // number < atom < reference < fun < port < pid < tuple < map < nil < list < bitstring
  Term ref_words[4] = {make_header(3, Subtag::Ref), 1, 2, 3};
  Export e;
  e.module = f.atoms.intern("m");
  e.function = f.atoms.intern("f");
  Term exp_words[2];
  Term efun = write_export_fun(exp_words, &e);
  std::vector<Term> ordered = {f.parse("1"),        f.parse("a"),         make_boxed(ref_words), efun,
                               make_port(1),        make_pid(1),          f.parse("{}"),         f.parse("#{}"),
                               NIL,                 f.parse("[1]"),       f.parse("<<>>")};
  for (size_t i = 0; i < ordered.size(); i++)
    for (size_t j = 0; j < ordered.size(); j++)
      EXPECT_EQ(sign(compare_terms(ordered[i], ordered[j], f.atoms, false)), i < j ? -1 : i > j ? 1 : 0)
          << i << " vs " << j;
}

TEST(TermOrder, Numbers) {
  Fixture f;
  EXPECT_EQ(f.cmp("1", "1.0"), 0);
  EXPECT_EQ(f.cmp("1", "1.0", true), -1);    // map key order: integers first
  EXPECT_EQ(f.cmp("2", "1.0", true), -1);
  EXPECT_EQ(f.cmp("-0.0", "0.0", true), 0);  // OTP 25: 0.0 =:= -0.0
  EXPECT_EQ(f.cmp("9007199254740993", "9007199254740992.0"), 1);
  EXPECT_EQ(f.cmp("-9007199254740993", "-9007199254740992.0"), -1);
  EXPECT_EQ(f.cmp("576460752303423489", "576460752303423488.0"), 1);  // 2^59 + 1: a small
  EXPECT_EQ(f.cmp("18446744073709551616", "18446744073709551616.0"), 0);
  EXPECT_EQ(f.cmp("18446744073709551617", "18446744073709551616.0"), 1);
  EXPECT_EQ(f.cmp("-18446744073709551617", "-18446744073709551616.0"), -1);
  EXPECT_EQ(f.cmp("1" + std::string(400, '0'), "1.0e300"), 1);
  EXPECT_EQ(f.cmp("-1" + std::string(400, '0'), "-1.0e300"), -1);
  EXPECT_EQ(f.cmp("1" + std::string(30, '0'), "1" + std::string(29, '0')), 1);
  EXPECT_EQ(f.cmp("-1" + std::string(30, '0'), "1"), -1);
  EXPECT_EQ(f.cmp("5", "5.5"), -1);
  EXPECT_EQ(f.cmp("6", "5.5"), 1);
  EXPECT_EQ(f.cmp("0", "1.0e-300"), -1);
  EXPECT_EQ(f.cmp("0", "-1.0e-300"), 1);
  EXPECT_TRUE(eq_arith(f.parse("{1, [2]}"), f.parse("{1.0, [2.0]}"), f.atoms));
  EXPECT_FALSE(eq_exact(f.parse("{1, [2]}"), f.parse("{1.0, [2.0]}")));
}

TEST(TermOrder, MapsCompareKeysExactlyThenValues) {
  Fixture f;
  EXPECT_EQ(f.cmp("#{1 => a}", "#{1.0 => a}"), -1);
  EXPECT_FALSE(eq_arith(f.parse("#{1 => a}"), f.parse("#{1.0 => a}"), f.atoms));
  EXPECT_TRUE(eq_arith(f.parse("#{a => 1}"), f.parse("#{a => 1.0}"), f.atoms));
  EXPECT_EQ(f.cmp("#{a => 2}", "#{b => 1}"), -1);
  EXPECT_EQ(f.cmp("#{a => 2, c => 1}", "#{b => 1, c => 0}"), -1);  // keys before values
  EXPECT_EQ(f.cmp("#{a => 1, b => 2}", "#{c => 0}"), 1);            // size first
}

TEST(TermOrder, Bitstrings) {
  auto view = [](const uint8_t* bytes, Uint bits, Uint offset = 0) { return BitsView{bytes, offset, bits}; };
  const uint8_t one_bit[] = {0x80}, zero[] = {0x00}, b12[] = {1, 2}, b120[] = {1, 2, 0};
  EXPECT_EQ(compare_bits(view(one_bit, 1), view(zero, 8)), 1);  // <<1:1>> > <<0>>
  EXPECT_EQ(compare_bits(view(b12, 16), view(b120, 17)), -1);   // <<1,2>> < <<1,2,0:1>>
  const uint8_t x[] = {0x40}, y[] = {0x20};                      // <<1:2>> vs <<1:3>>
  EXPECT_EQ(compare_bits(view(x, 2), view(y, 3)), 1);
  const uint8_t s7[] = {0x80}, s8[] = {0x80};                    // <<64:7>> < <<128>>
  EXPECT_EQ(compare_bits(view(s7, 7), view(s8, 8)), -1);
  // The same bits at a bit offset compare equal.
  const uint8_t shifted[] = {0x00, 0x02, 0x04, 0x00};  // <<1,2>> starting at bit 7
  EXPECT_EQ(compare_bits(view(shifted, 16, 7), view(b12, 16)), 0);
}

TEST(TermOrder, FunsRefsPids) {
  Fixture f;
  FunEntry fa, fb;
  fa.module = fb.module = f.atoms.intern("m");
  fa.index = 0;
  fb.index = 1;
  auto closure = [&](FunEntry* fe, std::vector<Term> free) {
    Term* p = f.arena.alloc_words(FUN_HEADER_WORDS + free.size());
    p[0] = make_header(2 + free.size(), Subtag::Fun);
    p[1] = reinterpret_cast<uintptr_t>(fe);
    p[2] = free.size();
    for (size_t i = 0; i < free.size(); i++) p[3 + i] = free[i];
    return make_boxed(p);
  };
  Export e;
  e.module = f.atoms.intern("a");
  e.function = f.atoms.intern("b");
  Term efun = write_export_fun(f.arena.alloc_words(EXPORT_FUN_WORDS), &e);
  EXPECT_LT(compare_terms(closure(&fa, {}), efun, f.atoms, false), 0);  // closures first
  EXPECT_LT(compare_terms(closure(&fa, {}), closure(&fb, {}), f.atoms, false), 0);
  EXPECT_LT(compare_terms(closure(&fa, {make_small(1)}), closure(&fa, {make_small(2)}), f.atoms, false), 0);
  EXPECT_TRUE(eq_arith(closure(&fa, {make_small(1)}), closure(&fa, {f.parse("1.0")}), f.atoms));
  EXPECT_FALSE(eq_exact(closure(&fa, {make_small(1)}), closure(&fa, {f.parse("1.0")})));

  Term r1[4] = {make_header(3, Subtag::Ref), 26714, 3926130689u, 2485855121u};
  Term r2[4] = {make_header(3, Subtag::Ref), 26715, 3926130689u, 2485855121u};
  Term r3[4] = {make_header(3, Subtag::Ref), 1, 1, 2485855122u};
  EXPECT_LT(compare_terms(make_boxed(r1), make_boxed(r2), f.atoms, false), 0);
  EXPECT_LT(compare_terms(make_boxed(r2), make_boxed(r3), f.atoms, false), 0);  // high word first
  EXPECT_LT(compare_terms(make_pid(3), make_pid(10), f.atoms, false), 0);
  EXPECT_LT(compare_terms(make_port(3), make_port(10), f.atoms, false), 0);
}

TEST(TermOrder, MillionDeepTermsUseNoCppStack) {
  AtomTable atoms;
  const size_t depth = 1000000;
  auto nested = [&](std::vector<Term>& cells, Term leaf) {
    cells.assign(2 * depth, 0);
    Term l = leaf;
    for (size_t i = 0; i < depth; i++) l = write_cons(&cells[2 * i], l, NIL);
    return l;
  };
  std::vector<Term> c1, c2, c3;
  Term a = nested(c1, make_small(1)), b = nested(c2, make_small(1)), c = nested(c3, make_small(2));
  EXPECT_EQ(compare_terms(a, b, atoms, false), 0);
  EXPECT_TRUE(eq_exact(a, b));
  EXPECT_TRUE(eq_arith(a, b, atoms));
  EXPECT_LT(compare_terms(a, c, atoms, true), 0);
  EXPECT_FALSE(eq_exact(a, c));

  std::vector<Term> t1(2 * depth), t2(2 * depth);
  Term x = NIL, y = NIL;
  for (size_t i = 0; i < depth; i++) {
    t1[2 * i] = t2[2 * i] = make_tuple_header(1);
    t1[2 * i + 1] = x;
    t2[2 * i + 1] = y;
    x = make_boxed(&t1[2 * i]);
    y = make_boxed(&t2[2 * i]);
  }
  EXPECT_TRUE(eq_exact(x, y));

  // A long flat list: the work stack stays small.
  std::vector<Term> l1(2 * depth), l2(2 * depth);
  Term p = NIL, q = NIL;
  for (size_t i = 0; i < depth; i++) {
    p = write_cons(&l1[2 * i], make_small(Sint(i)), p);
    q = write_cons(&l2[2 * i], make_small(Sint(i)), q);
  }
  EXPECT_TRUE(eq_exact(p, q));
  l2[0] = make_small(-1);  // the last element differs
  EXPECT_GT(compare_terms(p, q, atoms, false), 0);
}
