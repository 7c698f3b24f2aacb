// Term parser tests. parser_cases.tsv holds literals and what erl_parse:parse_term/1 (OTP 25)
// made of them (their ~w text, or "error"), recorded by tests/unit/data/gen_test_data.escript.
#include <gtest/gtest.h>

#include "tests/unit/test_util.h"

#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "term/atoms.h"
#include "term/export.h"
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
  std::string error;
  Term parse(std::string_view text) {
    error.clear();
    return parse_term(text, arena, atoms, &error);
  }
  std::string w(std::string_view text) {
    Term t = parse(text);
    return t == NON_VALUE ? "error: " + error : format_w(t, atoms);
  }
};

}  // namespace

TEST(TermParser, AgreesWithErlParse) {
  Fixture f;
  std::ifstream in(data_path("parser_cases.tsv"), std::ios::binary);
  ASSERT_TRUE(in.good());
  std::string line;
  int rows = 0;
  while (std::getline(in, line)) {
    size_t tab = line.rfind('\t');
    ASSERT_NE(tab, std::string::npos);
    std::string src = line.substr(0, tab), expected = line.substr(tab + 1);
    rows++;
    Term t = f.parse(src);
    if (expected == "error") {
      EXPECT_EQ(t, NON_VALUE) << "erl rejects: " << src << " but got " << (t ? format_w(t, f.atoms) : "");
      EXPECT_FALSE(f.error.empty());
      EXPECT_EQ(f.error.find('\n'), std::string::npos);
    } else {
      ASSERT_NE(t, NON_VALUE) << src << ": " << f.error;
      EXPECT_EQ(format_w(t, f.atoms), unhex(expected)) << src;
    }
  }
  EXPECT_GT(rows, 100);
}

TEST(TermParser, Layouts) {
  Fixture f;
  // Smalls stay immediate up to 2^59 - 1; beyond, PosBig/NegBig with little-endian limbs.
  EXPECT_TRUE(is_small(f.parse("576460752303423487")));
  EXPECT_TRUE(is_small(f.parse("-576460752303423488")));
  Term big = f.parse("-18446744073709551617");  // -(2^64 + 1)
  ASSERT_TRUE(is_bignum(big));
  EXPECT_EQ(header_subtag(boxed_header(big)), Subtag::NegBig);
  ASSERT_EQ(header_arity(boxed_header(big)), 2u);
  EXPECT_EQ(boxed_ptr(big)[1], 1u);
  EXPECT_EQ(boxed_ptr(big)[2], 1u);

  Term fl = f.parse("-2.0e3");
  ASSERT_TRUE(is_float(fl));
  EXPECT_EQ(float_value(fl), -2000.0);

  Term bin = f.parse("<<\"héllo\"/utf8>>");
  ASSERT_TRUE(is_heap_binary(bin));
  EXPECT_EQ(heap_binary_size(bin), 6u);
  EXPECT_EQ(header_arity(boxed_header(bin)), heap_binary_words(6) - 1);
  EXPECT_EQ(std::memcmp(heap_binary_data(bin), "h\xc3\xa9llo", 6), 0);
  EXPECT_EQ(heap_binary_data(bin)[6], 0);  // padding is zeroed
  EXPECT_EQ(heap_binary_data(bin)[7], 0);

  Term m = f.parse("#{b => 1, 1.0 => x, a => 2, 1 => y}");
  ASSERT_TRUE(is_map(m));
  EXPECT_EQ(header_arity(boxed_header(m)), 2u + 4u);
  ASSERT_EQ(flatmap_size(m), 4u);
  Term keys = flatmap_keys(m);
  ASSERT_TRUE(is_tuple(keys));
  ASSERT_EQ(tuple_arity(keys), 4u);
  for (Uint i = 1; i < 4; i++)  // sorted in exact order: 1 < 1.0 < a < b
    EXPECT_LT(compare_terms(tuple_element(keys, i), tuple_element(keys, i + 1), f.atoms, true), 0);
  EXPECT_EQ(format_w(m, f.atoms), "#{1 => y,1.0 => x,a => 2,b => 1}");

  Term empty = f.parse("#{}");
  ASSERT_TRUE(is_map(empty));
  EXPECT_EQ(flatmap_size(empty), 0u);
  EXPECT_TRUE(is_tuple(flatmap_keys(empty)));

  Term atom = f.parse("'Hello world'");
  ASSERT_TRUE(is_atom(atom));
  EXPECT_EQ(f.atoms.name(atom), "Hello world");
  EXPECT_EQ(f.atoms.name(f.parse("'é'")), "\xc3\xa9");  // atom text is UTF-8
  EXPECT_EQ(f.parse("[]"), NIL);
}

TEST(TermParser, WhitespaceCommentsAndFinalDot) {
  Fixture f;
  EXPECT_EQ(f.w("  {a, 1}.  \n"), "{a,1}");
  EXPECT_EQ(f.w("[1, % one\n 2] % done"), "[1,2]");
  EXPECT_EQ(f.w("1."), "1");
  EXPECT_EQ(f.w("1.5."), "1.5");
  EXPECT_EQ(f.parse("1.."), NON_VALUE);
  EXPECT_EQ(f.parse(""), NON_VALUE);
  EXPECT_EQ(f.parse("   "), NON_VALUE);
}

TEST(TermParser, Limits) {
  Fixture f;
  std::string keys = "#{";
  for (int i = 0; i < 33; i++) keys += (i ? ",k" : "k") + std::to_string(i) + " => " + std::to_string(i);
  keys += "}";
  Term big = f.parse(keys);  // more than 32 keys: a hash map
  ASSERT_NE(big, NON_VALUE) << f.error;
  EXPECT_TRUE(is_hashmap(big));
  EXPECT_EQ(f.parse("<<1:4>>"), NON_VALUE);  // bitstrings need a sub-binary layout
  EXPECT_EQ(f.parse("'" + std::string(256, 'a') + "'"), NON_VALUE);
  EXPECT_NE(f.parse("'" + std::string(255, 'a') + "'"), NON_VALUE);
  EXPECT_EQ(f.parse("\"\xff\""), NON_VALUE);  // invalid UTF-8
  EXPECT_EQ(f.parse("[1,2"), NON_VALUE);
  EXPECT_NE(f.error.find("offset 4"), std::string::npos) << f.error;
}

TEST(TermParser, MillionDeepNesting) {
  Fixture f;
  const size_t depth = 1000000;
  std::string text = std::string(depth, '[') + "x" + std::string(depth, ']');
  Term t = f.parse(text);
  ASSERT_NE(t, NON_VALUE) << f.error;
  size_t levels = 0;
  while (is_list(t)) {
    EXPECT_EQ(cdr(t), NIL);
    t = car(t);
    levels++;
  }
  EXPECT_EQ(levels, depth);
  EXPECT_EQ(f.atoms.name(t), "x");

  std::string tuples;
  for (size_t i = 0; i < depth; i++) tuples += "{1,";
  tuples += "2" + std::string(depth, '}');
  Term u = f.parse(tuples);
  ASSERT_NE(u, NON_VALUE) << f.error;
  EXPECT_EQ(display_term(u, f.atoms), tuples);
  EXPECT_EQ(f.parse(std::string(depth, '{')), NON_VALUE);
}
