// test_bignum.cpp - integers beyond the small range (term/bignum.cpp, through process/arith.cpp as the
// interpreter uses them): limb boundaries, sign combinations, bitwise operations on negatives,
// huge shifts, normalisation to smalls, text in every base, conversions to and from doubles.
// Expected values were computed by erl and recorded by tests/unit/data/gen_number_data.escript.
#include <gtest/gtest.h>

#include "tests/unit/test_util.h"

#include <chrono>
#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "process/arith.h"
#include "process/process.h"
#include "term/bignum.h"
#include "vm/vm.h"

using namespace beamrun;
using namespace beamrun::test;

namespace {

// The escript's digest of a long text: "#Length:Sum", Sum = sum of C * (I rem 9973 + 1).
std::string digest(const std::string& s) {
  uint64_t sum = 0;
  for (size_t i = 0; i < s.size(); ++i) sum = (sum + uint64_t(uint8_t(s[i])) * ((i + 1) % 9973 + 1)) % 1000000007;
  return "#" + std::to_string(s.size()) + ":" + std::to_string(sum);
}
std::string text(const std::string& s) { return s.size() <= 200 ? s : digest(s); }

class Bignum : public ::testing::Test {
 protected:
  VM vm;
  Process p{vm, vm.next_serial()};

  Term hex(const std::string& s) {
    Term t = string_to_integer(p, s, 16);
    EXPECT_NE(t, NON_VALUE) << s;
    return t;
  }
  std::string show(Term t) { return integer_to_string(t, 16); }
  BifFn bif(const char* module, const char* name, uint32_t arity) {
    return vm.find_bif(vm.atoms().intern(module), vm.atoms().intern(name), arity);
  }
  Term apply(const std::string& op, Term a, Term b) {
    if (op == "+") return arith_add(p, a, b);
    if (op == "-") return arith_sub(p, a, b);
    if (op == "*") return arith_mul(p, a, b);
    if (op == "div") return arith_idiv(p, a, b);
    if (op == "rem") return arith_rem(p, a, b);
    if (op == "band") return arith_band(p, a, b);
    if (op == "bor") return arith_bor(p, a, b);
    if (op == "bxor") return arith_bxor(p, a, b);
    if (op == "bsl") return arith_bsl(p, a, b);
    if (op == "bsr") return arith_bsr(p, a, b);
    if (op == "bnot") return arith_bnot(p, a);
    if (op == "neg") return arith_neg(p, a);
    if (op == "abs") return bif("erlang", "abs", 1)(&p, &a);
    ADD_FAILURE() << "unknown op " << op;
    return NON_VALUE;
  }
};

}  // namespace

TEST_F(Bignum, ArithmeticMatchesErl) {
  auto rows = read_tsv("bignum_cases.tsv");
  ASSERT_GT(rows.size(), 5000u);
  for (const auto& r : rows) {
    ASSERT_EQ(r.size(), 5u);
    const std::string &op = r[0], &want = r[3], &kind = r[4];
    std::string what = r[1] + " " + op + " " + r[2];
    Term a = hex(r[1]);
    Term b = r[2].empty() ? NON_VALUE : hex(r[2]);
    p.exc_kind = ExcKind::None;
    Term got = apply(op, a, b);
    if (kind == "error") {
      ASSERT_EQ(got, NON_VALUE) << what;
      ASSERT_EQ(p.exc_reason, vm.atoms().intern(want)) << what;
      continue;
    }
    ASSERT_NE(got, NON_VALUE) << what;
    ASSERT_EQ(text(show(got)), want) << what;
    // Normalised: a value in the small range is always a small, never a bignum.
    ASSERT_EQ(is_small(got), kind == "small") << what;
  }
}

TEST_F(Bignum, TextInEveryBaseMatchesErlAndReadsBack) {
  auto rows = read_tsv("bignum_text.tsv");
  ASSERT_GT(rows.size(), 1000u);
  for (const auto& r : rows) {
    ASSERT_EQ(r.size(), 3u);
    Term a = hex(r[0]);
    int base = std::stoi(r[1]);
    std::string s = integer_to_string(a, base);
    ASSERT_EQ(text(s), r[2]) << r[0] << " in base " << base;
    Term back = string_to_integer(p, s, base);
    ASSERT_EQ(show(back), r[0]) << s;
    std::string lower = s;
    for (char& c : lower) c = char(std::tolower(uint8_t(c)));
    ASSERT_EQ(show(string_to_integer(p, lower, base)), r[0]) << lower;
  }
}

TEST_F(Bignum, TextRejectsWhatErlRejects) {
  for (const char* bad : {"", "-", "+", "+-1", "1_000", " 1", "1 ", "12a", "1.0", "--1"})
    EXPECT_EQ(string_to_integer(p, bad, 10), NON_VALUE) << bad;
  EXPECT_EQ(string_to_integer(p, "9", 8), NON_VALUE);
  EXPECT_EQ(string_to_integer(p, "z", 35), NON_VALUE);
  EXPECT_EQ(string_to_integer(p, std::string_view("1\0", 2), 10), NON_VALUE);
  EXPECT_EQ(string_to_integer(p, "+0000000000000000000000000000000012", 10), make_small(12));
  EXPECT_EQ(string_to_integer(p, "-0", 10), make_small(0));
}

TEST_F(Bignum, ToDoubleRoundsLimbByLimbAsErl) {
  for (const auto& r : read_tsv("bignum_float.tsv")) {
    ASSERT_EQ(r.size(), 2u);
    double d;
    bool ok = number_to_double(hex(r[0]), &d);
    if (r[1] == "badarg") {
      ASSERT_FALSE(ok) << r[0];
      continue;
    }
    ASSERT_TRUE(ok) << r[0];
    uint64_t bits;
    std::memcpy(&bits, &d, 8);
    char buf[20];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(bits));
    ASSERT_EQ(buf, r[1]) << r[0];
  }
}

TEST_F(Bignum, FloatsToIntegersMatchErl) {
  for (const auto& r : read_tsv("float_trunc.tsv")) {
    ASSERT_EQ(r.size(), 5u);
    uint64_t bits = std::stoull(r[0], nullptr, 16);
    double d;
    std::memcpy(&d, &bits, 8);
    EXPECT_EQ(text(show(double_to_integer(p, std::trunc(d)))), r[1]) << r[0];
    EXPECT_EQ(text(show(double_to_integer(p, std::round(d)))), r[2]) << r[0];
    EXPECT_EQ(text(show(double_to_integer(p, std::ceil(d)))), r[3]) << r[0];
    EXPECT_EQ(text(show(double_to_integer(p, std::floor(d)))), r[4]) << r[0];
  }
}

TEST_F(Bignum, ConstructionNormalises) {
  uint64_t min_mag = uint64_t(MAX_SMALL) + 1;  // |MIN_SMALL| = 2^59
  EXPECT_EQ(make_integer_from_limbs(p, &min_mag, 1, true), make_small(MIN_SMALL));
  EXPECT_TRUE(is_bignum(make_integer_from_limbs(p, &min_mag, 1, false)));
  uint64_t zeros[3] = {5, 0, 0};
  EXPECT_EQ(make_integer_from_limbs(p, zeros, 3, true), make_small(-5));
  EXPECT_EQ(make_integer_from_limbs(p, zeros, 0, true), make_small(0));
  uint64_t two[3] = {0, 1, 0};
  Term t = make_integer_from_limbs(p, two, 3, false);
  ASSERT_TRUE(is_bignum(t));
  EXPECT_EQ(header_arity(boxed_header(t)), 2u);
  EXPECT_EQ(make_integer_i128(p, __int128(MIN_SMALL)), make_small(MIN_SMALL));
  EXPECT_TRUE(is_bignum(make_integer_i128(p, __int128(MIN_SMALL) - 1)));
  __int128 most_negative = -(__int128(1) << 126) * 2;
  EXPECT_EQ(arith_sub(p, make_integer_i128(p, most_negative), arith_bsl(p, make_small(-1), make_small(127))),
            make_small(0));
}

TEST_F(Bignum, ThousandsOfDigitsInEveryBaseMatchErl) {
  auto rows = read_tsv("bignum_big.tsv");
  ASSERT_GE(rows.size(), 7u);
  for (const auto& r : rows) {
    ASSERT_EQ(r.size(), 36u);
    Term a = hex(r[0]);
    for (int base = 2; base <= 36; ++base) {
      std::string s = integer_to_string(a, base);
      ASSERT_EQ(digest(s), r[size_t(base) - 1]) << "base " << base << ", " << r[0].size() << " hex digits";
      ASSERT_EQ(arith_sub(p, string_to_integer(p, s, base), a), make_small(0)) << "base " << base;
    }
  }
}

TEST_F(Bignum, HugeTextConversionsAreSubquadratic) {
  // 3^200000 has 95,425 digits: digit-by-digit conversion takes seconds, GMP's takes ms.
  Term x = make_small(1), base = make_small(3);
  for (int e = 200000, bit = 1 << 17; bit; bit >>= 1) {
    x = arith_mul(p, x, x);
    if (e & bit) x = arith_mul(p, x, base);
  }
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 5; ++i) {
    std::string s = integer_to_string(x, 10);
    ASSERT_EQ(arith_sub(p, string_to_integer(p, s, 10), x), make_small(0));
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(secs, 2.0);
  // The same number as erl computed it (the last row of the recording).
  auto rows = read_tsv("bignum_big.tsv");
  EXPECT_EQ(digest(integer_to_string(x, 10)), rows.back()[9]);
}
