// test_float_text.cpp - float_to_list/2's formats and list_to_float's syntax (term/float_text.cpp,
// with the option handling of bifs/erlang_numbers.cpp), against what erl printed and parsed,
// recorded by tests/unit/data/gen_number_data.escript.
#include <gtest/gtest.h>

#include "tests/unit/test_util.h"

#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "process/process.h"
#include "term/float_text.h"
#include "text/term_parser.h"
#include "vm/vm.h"

using namespace beamrun;
using namespace beamrun::test;

namespace {

double from_bits(const std::string& hex) {
  uint64_t bits = std::stoull(hex, nullptr, 16);
  double d;
  std::memcpy(&d, &bits, 8);
  return d;
}

std::string bits_of(double d) {
  uint64_t bits;
  std::memcpy(&bits, &d, 8);
  char buf[20];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(bits));
  return buf;
}

// The text of a list of character codes (a float_to_list result), or "badarg" when it raised.
std::string list_text(Term t) {
  if (t == NON_VALUE) return "badarg";
  std::string s;
  for (; is_list(t); t = cdr(t)) s += char(small_value(car(t)));
  return s;
}

}  // namespace

// Through the BIF itself, so that option parsing (last format wins, N read as a C int) is
// covered as well as the formats.
TEST(FloatText, FloatToListMatchesErl) {
  VM vm;
  Process p(vm, vm.next_serial());
  BifFn float_to_list = vm.find_bif(vm.atoms().intern("erlang"), vm.atoms().intern("float_to_list"), 2);
  ASSERT_NE(float_to_list, nullptr);
  auto rows = read_tsv("float_text.tsv");
  ASSERT_GT(rows.size(), 4000u);
  for (const auto& r : rows) {
    ASSERT_EQ(r.size(), 3u);
    Term args[2];
    args[0] = write_float(p.alloc(FLOAT_WORDS), from_bits(r[0]));
    args[1] = parse_term(r[1], p, vm.atoms(), nullptr);
    ASSERT_NE(args[1], NON_VALUE) << r[1];
    ASSERT_EQ(list_text(float_to_list(&p, args)), r[2]) << r[0] << " " << r[1];
  }
}

TEST(FloatText, ListToFloatMatchesErl) {
  auto rows = read_tsv("float_parse.tsv");
  ASSERT_GT(rows.size(), 3000u);
  for (const auto& r : rows) {
    ASSERT_EQ(r.size(), 2u);
    std::string text = unhex(r[0]);
    std::optional<double> d = parse_float_strict(text);
    ASSERT_EQ(d ? bits_of(*d) : "badarg", r[1]) << "[" << text << "]";
  }
}

// Widths erl rejects before formatting anything (the table has the boundaries).
TEST(FloatText, HugeWidthsAreRejectedUpFront) {
  EXPECT_FALSE(format_float_fixed(1.0, -1, false));
  EXPECT_FALSE(format_float_fixed(1.0, 1 << 30, true));
  EXPECT_FALSE(format_float_scientific(1.0, 1 << 30));
  EXPECT_FALSE(format_float_scientific(-1.0e-300, int(FLOAT_TEXT_MAX)));
}
