// Printer tests. Expected output is what the real erl (OTP 25) printed, recorded by
// tests/unit/data/gen_test_data.escript into tests/unit/data/*.tsv (hex bytes): never typed.
#include <gtest/gtest.h>

#include "tests/unit/test_util.h"

#include <chrono>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "term/atoms.h"
#include "term/export.h"
#include "term/term.h"
#include "text/printer.h"
#include "text/term_parser.h"

using namespace beamrun;
using namespace beamrun::test;

namespace {

// Words from a list of blocks that never move.
Term parse(const std::string& text, Arena& arena, AtomTable& atoms) {
  std::string err;
  Term t = parse_term(text, arena, atoms, &err);
  EXPECT_NE(t, NON_VALUE) << text << ": " << err;
  return t;
}

}  // namespace

TEST(Printer, MatchesErlOnRecordedTerms) {
  AtomTable atoms;
  Arena arena;
  auto rows = read_tsv("printer_cases.tsv");
  ASSERT_GT(rows.size(), 400u);
  int failures = 0;
  for (const auto& row : rows) {
    ASSERT_EQ(row.size(), 5u);
    Term t = parse(row[0], arena, atoms);
    if (t == NON_VALUE) continue;
    std::string d = display_term(t, atoms), p = format_p(t, atoms), w = format_w(t, atoms);
    std::string p25 = format_p(t, atoms, 25);
    bool ok = d == unhex(row[1]) && p == unhex(row[2]) && w == unhex(row[3]) && p25 == unhex(row[4]);
    if (!ok && ++failures <= 10) {
      EXPECT_EQ(d, unhex(row[1])) << "display of " << row[0];
      EXPECT_EQ(p, unhex(row[2])) << "~p of " << row[0];
      EXPECT_EQ(w, unhex(row[3])) << "~w of " << row[0];
      EXPECT_EQ(p25, unhex(row[4])) << "~p at column 25 of " << row[0];
    }
  }
  EXPECT_EQ(failures, 0);
}

TEST(Printer, FloatsMatchErl) {
  AtomTable atoms;
  auto rows = read_tsv("floats.tsv");
  ASSERT_GT(rows.size(), 3000u);
  int failures = 0;
  for (const auto& row : rows) {
    ASSERT_EQ(row.size(), 3u);
    std::string bytes = unhex(row[0]);
    uint64_t bits = 0;
    for (unsigned char c : bytes) bits = (bits << 8) | c;  // big-endian, as <<F/float>>
    double d;
    std::memcpy(&d, &bits, sizeof d);
    Term words[2];
    Term f = write_float(words, d);
    std::string disp = display_term(f, atoms), shortest = format_float_short(d);
    if ((disp != row[1] || shortest != row[2]) && ++failures <= 10) {
      EXPECT_EQ(disp, row[1]) << row[0];
      EXPECT_EQ(shortest, row[2]) << row[0];
    }
    if (shortest != format_p(f, atoms)) ADD_FAILURE() << "~p of a float is float_to_list short";
  }
  EXPECT_EQ(failures, 0);
}

// Pids, ports, refs and funs have no literal syntax; build the same terms by hand.
TEST(Printer, PidsPortsRefsFuns) {
  AtomTable atoms;
  Arena arena;
  auto rows = read_tsv("special_cases.tsv");
  ASSERT_EQ(rows.size(), 10u);

  Term pid = make_pid(5), port = make_port(7);
  auto ref = [&](Uint w2, Uint w1, Uint w0) {
    Term* p = arena.alloc_words(REF_WORDS);
    p[0] = make_header(3, Subtag::Ref);
    p[1] = w0;
    p[2] = w1;
    p[3] = w2;
    return make_boxed(p);
  };
  Term r1 = ref(1, 2, 3), r2 = ref(2485855121u, 3926130689u, 26718);
  std::vector<std::unique_ptr<Export>> exports;
  auto export_fun = [&](const char* m, const char* f, uint32_t arity) {
    exports.emplace_back(new Export);
    exports.back()->module = atoms.intern(m);
    exports.back()->function = atoms.intern(f);
    exports.back()->arity = arity;
    return write_export_fun(arena.alloc_words(EXPORT_FUN_WORDS), exports.back().get());
  };
  Term e1 = export_fun("lists", "map", 2), e2 = export_fun("A b", "and", 0), e3 = export_fun("erlang", "+", 2);

  // The closure's module, index and uniq, as erl reported them (fifth column).
  std::string info;
  for (const auto& row : rows)
    if (row[0] == "closure") info = row.at(4);
  size_t dot2 = info.rfind('.'), dot1 = info.rfind('.', dot2 - 1);
  FunEntry fe;
  fe.module = atoms.intern(info.substr(0, dot1));
  fe.index = uint32_t(std::stoul(info.substr(dot1 + 1, dot2 - dot1 - 1)));
  fe.old_uniq = uint32_t(std::stoul(info.substr(dot2 + 1)));
  Term* fp = arena.alloc_words(FUN_HEADER_WORDS);
  fp[0] = make_header(2, Subtag::Fun);
  fp[1] = reinterpret_cast<uintptr_t>(&fe);
  fp[2] = 0;
  Term closure = make_boxed(fp);

  auto tuple = [&](std::vector<Term> es) {
    Term* p = arena.alloc_words(1 + es.size());
    p[0] = make_tuple_header(es.size());
    for (size_t i = 0; i < es.size(); i++) p[1 + i] = es[i];
    return make_boxed(p);
  };
  auto list = [&](std::vector<Term> es) {
    Term l = NIL;
    for (size_t i = es.size(); i-- > 0;) l = write_cons(arena.alloc_words(2), es[i], l);
    return l;
  };
  std::map<std::string, Term> terms = {
      {"pid", pid},
      {"port", port},
      {"ref1", r1},
      {"ref2", r2},
      {"export1", e1},
      {"export2", e2},
      {"export3", e3},
      {"closure", closure},
      {"tuple", tuple({pid, port, r1, r2, e1, e2, e3, list({pid, port})})},
      {"list", list({pid, port, r1, r2, e1, e2, e3, closure, pid, port, r1, r2, e1, e2, e3, closure})},
  };
  for (const auto& row : rows) {
    Term t = terms.at(row[0]);
    EXPECT_EQ(display_term(t, atoms), unhex(row[1])) << row[0];
    EXPECT_EQ(format_p(t, atoms), unhex(row[2])) << row[0];
    EXPECT_EQ(format_w(t, atoms), unhex(row[3])) << row[0];
  }
}

TEST(Printer, MillionDeepTermsDoNotOverflowTheStack) {
  AtomTable atoms;
  const size_t depth = 1000000;
  std::vector<Term> cells(2 * depth);
  Term l = NIL;
  for (size_t i = 0; i < depth; i++) l = write_cons(&cells[2 * i], l, NIL);  // [[[...]]]
  std::string d = display_term(l, atoms);
  EXPECT_EQ(d.size(), 2 * depth + 2);
  EXPECT_EQ(d.substr(0, 4), "[[[[");
  EXPECT_EQ(format_w(l, atoms), d);
  EXPECT_EQ(format_p(l, atoms), d);  // one element per level: erl keeps it on one line too

  std::vector<Term> words(2 * depth);
  Term t = make_small(1);
  for (size_t i = 0; i < depth; i++) {
    words[2 * i] = make_tuple_header(1);
    words[2 * i + 1] = t;
    t = make_boxed(&words[2 * i]);
  }
  std::string p = format_p(t, atoms);
  EXPECT_EQ(p.size(), 2 * depth + 1);
  EXPECT_EQ(display_term(t, atoms), p);

  // Deep and wide: [1,[1,[1,...]]] must break lines near the top and still finish.
  std::vector<Term> c2(4 * depth);
  Term w = NIL;
  for (size_t i = 0; i < depth; i++) {
    Term inner = write_cons(&c2[4 * i], w, NIL);
    w = write_cons(&c2[4 * i + 2], make_small(123456), inner);
  }
  std::string pw = format_p(w, atoms);
  EXPECT_GT(pw.size(), 8 * depth);
  EXPECT_EQ(pw.substr(0, 10), "[123456,\n ");
}

// Printing is not quadratic in the digits (that would take minutes here); how fast it is
// belongs to bench/, not to a timed assertion.
TEST(Printer, HugeBignum) {
  AtomTable atoms;
  const size_t limbs = 100000;  // 2^6400000 - 1: about 1.9 million digits
  std::vector<Term> words(1 + limbs, ~Uint(0));
  words[0] = make_header(limbs, Subtag::PosBig);
  Term big = make_boxed(words.data());
  std::string d = display_term(big, atoms);
  EXPECT_EQ(d.size(), 1926592u);  // digits of 2^6400000 - 1
  EXPECT_EQ(d.back(), '5');  // 2^k - 1 with k a multiple of 4 ends in 5
  EXPECT_EQ(format_p(big, atoms), d);
}

TEST(Printer, ColumnAndLineLength) {
  AtomTable atoms;
  Arena arena;
  Term t = parse("[aaaaaaaaaa,bbbbbbbbbb,cccccccccc]", arena, atoms);
  // Expected text from erl: lists:flatten(io_lib_pretty:print(T, 1, 20, -1)) printed with ~w
  // was [91,97,...,44,10,32,98,...,44,10,32,99,...,93].
  EXPECT_EQ(format_p(t, atoms, 1, 20), "[aaaaaaaaaa,\n bbbbbbbbbb,\n cccccccccc]");
  EXPECT_EQ(format_p(t, atoms, 1, 80), "[aaaaaaaaaa,bbbbbbbbbb,cccccccccc]");
}
