// parse_beam: a real module compiled by erlc at test time, hand-assembled files for the forms
// local erlc cannot write (OTP 26-28, and operand encodings of compilers before OTP 25, loaded
// and run), malformed files of every kind, and the corpus of every installed OTP and Elixir
// .beam file.
#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdio>
#include <cstdlib>
#include <deque>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "beam_builder.h"
#include "loader/beam_file.h"
#include "loader/genop.h"
#include "loader/translate.h"
#include "process/process.h"
#include "term/atoms.h"
#include "term/export.h"
#include "text/printer.h"
#include "vm/vm.h"

using namespace beamrun;
using namespace beamrun::test;

namespace {

std::string parse_error(const Bytes& file) {
  AtomTable atoms;
  try {
    parse_beam(file, "test.beam", atoms);
  } catch (const BeamError& e) {
    return e.what();
  }
  return "";
}

void expect_error(const Bytes& file, const char* fragment) {
  std::string e = parse_error(file);
  EXPECT_NE(e, "") << "no error, expected: " << fragment;
  EXPECT_NE(e.find(fragment), std::string::npos) << e;
}

// A module compiled by the local erlc into a fresh temporary directory.
class CompiledModule : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    char tmpl[] = "/tmp/beamrun_loader_XXXXXX";
    if (!mkdtemp(tmpl)) return;
    dir_ = new std::string(tmpl);
    std::ofstream(*dir_ + "/loader_sample.erl") << R"(-module(loader_sample).
-export([f/1, big/0, neg/0, flt/0, lit/0, fn/0, m/1, s/1, t/1, r/0, b/1]).
f(X) -> X + 1.
big() -> 123456789012345678901234567890.
neg() -> -123456789012345678901234567890.
flt() -> 3.25.
lit() -> {hello, [1, 2, 3], <<"bin">>, "str", #{a => 1, b => 2}, -7}.
fn() -> fun lists:map/2.
m(X) -> fun(Y) -> X + Y end.
s(X) -> case X of 1 -> a; 2 -> b; 3 -> c; 4 -> d; _ -> e end.
t(X) -> try X() catch error:R -> R end.
r() -> receive {ok, V} -> V after 100 -> timeout end.
b(<<A:8, B/binary>>) -> {A, B, <<B/binary, A>>}.
)";
    std::string cmd = "cd " + *dir_ + " && erlc loader_sample.erl > /dev/null 2>&1";
    if (std::system(cmd.c_str()) != 0) return;
    std::ifstream in(*dir_ + "/loader_sample.beam", std::ios::binary);
    bytes_ = new Bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }
  static void TearDownTestSuite() {
    if (dir_) std::system(("rm -rf " + *dir_).c_str());
    delete dir_;
    delete bytes_;
    dir_ = nullptr;
    bytes_ = nullptr;
  }
  void SetUp() override {
    if (!bytes_ || bytes_->empty()) GTEST_SKIP() << "erlc not available";
  }

  BeamFile parse(AtomTable& atoms) {
    return parse_beam(*bytes_, "loader_sample.beam", atoms, [this](Term m, Term f, uint32_t a) {
      Export& e = exports_.emplace_back();
      e.module = m;
      e.function = f;
      e.arity = a;
      return &e;
    });
  }

  static const GenericInstr* find_instr(const BeamFile& f, unsigned opcode) {
    for (const GenericInstr& in : f.code)
      if (in.opcode == opcode) return &in;
    return nullptr;
  }

  static std::string* dir_;
  static Bytes* bytes_;
  std::deque<Export> exports_;
};
std::string* CompiledModule::dir_ = nullptr;
Bytes* CompiledModule::bytes_ = nullptr;

}  // namespace

TEST_F(CompiledModule, Tables) {
  AtomTable atoms;
  BeamFile f = parse(atoms);
  EXPECT_EQ(atoms.name(f.module), "loader_sample");
  EXPECT_EQ(f.atoms[1], f.module);
  EXPECT_EQ(f.instruction_set, 0u);
  EXPECT_GT(f.label_count, 10u);
  EXPECT_LE(f.max_opcode, MAX_GENOP);
  bool saw_f1 = false;
  for (const ExportEntry& e : f.exports) {
    EXPECT_LT(e.label, f.label_count);
    if (atoms.name(e.function) == "f" && e.arity == 1) saw_f1 = true;
  }
  EXPECT_TRUE(saw_f1);
  EXPECT_EQ(f.exports.size(), 13u);  // 11 + module_info/0,1
  bool saw_plus = false;
  for (const ImportEntry& i : f.imports)
    if (atoms.name(i.module) == "erlang" && atoms.name(i.function) == "+" && i.arity == 2) saw_plus = true;
  EXPECT_TRUE(saw_plus);
  ASSERT_EQ(f.lambdas.size(), 1u);
  EXPECT_EQ(f.lambdas[0].num_free, 1u);
  EXPECT_EQ(f.lambdas[0].arity, 2u);  // FunT counts the free variable in the arity
  EXPECT_FALSE(f.attributes_etf.empty());
  EXPECT_EQ(f.attributes_etf[0], 131);
  EXPECT_FALSE(f.compile_info_etf.empty());
  ASSERT_FALSE(f.code.empty());
  EXPECT_EQ(f.code.back().opcode, op_int_code_end);
  for (const GenericInstr& in : f.code) EXPECT_EQ(in.ops.size(), genop_info(in.opcode)->arity);
}

TEST_F(CompiledModule, Literals) {
  AtomTable atoms;
  BeamFile f = parse(atoms);
  bool saw_tuple = false, saw_float = false, saw_fun = false;
  for (Term t : f.literals) {
    EXPECT_TRUE(is_immed(t) || f.literal_area->contains(boxed_ptr(t)) || f.literal_area->contains(list_ptr(t)));
    if (is_float(t) && float_value(t) == 3.25) saw_float = true;
    if (is_export_fun(t)) {
      saw_fun = true;
      EXPECT_EQ(atoms.name(export_fun_entry(t)->function), "map");
    }
    if (is_tuple(t) && tuple_arity(t) == 6 && tuple_element(t, 1) == atoms.intern("hello")) {
      saw_tuple = true;
      Term bin = tuple_element(t, 3);
      ASSERT_TRUE(is_heap_binary(bin));
      EXPECT_EQ(std::string(reinterpret_cast<const char*>(heap_binary_data(bin)), heap_binary_size(bin)), "bin");
      Term map = tuple_element(t, 5);
      ASSERT_TRUE(is_map(map));
      EXPECT_EQ(tuple_element(flatmap_keys(map), 1), atoms.intern("a"));
      EXPECT_EQ(tuple_element(t, 6), make_small(-7));
    }
  }
  EXPECT_TRUE(saw_tuple);
  EXPECT_TRUE(saw_float);
  EXPECT_TRUE(saw_fun);
  EXPECT_GT(f.literal_area->total_words(), 10u);
}

TEST_F(CompiledModule, LiteralExportFunNeedsResolver) {
  AtomTable atoms;
  try {
    parse_beam(*bytes_, "loader_sample.beam", atoms);
    ADD_FAILURE() << "expected an error";
  } catch (const BeamError& e) {
    EXPECT_NE(std::string(e.what()).find("export"), std::string::npos) << e.what();
  }
}

TEST_F(CompiledModule, BigIntegerOperands) {
  AtomTable atoms;
  BeamFile f = parse(atoms);
  bool pos = false, neg = false;
  for (const GenericInstr& in : f.code)
    for (const Operand& o : in.ops) {
      if (o.kind != Operand::Kind::Integer || !is_bignum(o.term)) continue;
      const Term* p = boxed_ptr(o.term);
      EXPECT_TRUE(f.literal_area->contains(p));
      ASSERT_EQ(header_arity(p[0]), 2u);
      EXPECT_EQ(p[1], 0xC373E0EE4E3F0AD2u);
      EXPECT_EQ(p[2], 0x18EE90FF6u);
      (header_subtag(p[0]) == Subtag::NegBig ? neg : pos) = true;
    }
  EXPECT_TRUE(pos);
  EXPECT_TRUE(neg);
}

TEST_F(CompiledModule, SelectValAndLines) {
  AtomTable atoms;
  BeamFile f = parse(atoms);
  const GenericInstr* sv = find_instr(f, op_select_val);
  ASSERT_NE(sv, nullptr);
  ASSERT_EQ(sv->ops[2].kind, Operand::Kind::List);
  EXPECT_EQ(sv->ops[2].list.size(), 8u);  // 4 values, 4 labels
  EXPECT_EQ(sv->ops[2].list[1].kind, Operand::Kind::Label);

  ASSERT_GE(f.lines.size(), 2u);
  EXPECT_EQ(f.lines[0].file, 0u);
  EXPECT_EQ(f.lines[0].line, 0u);
  EXPECT_EQ(f.line_files[0], "loader_sample.erl");
  // The first `line` in the code is f/1's, on line 3 of the source.
  const GenericInstr* line = find_instr(f, op_line);
  ASSERT_NE(line, nullptr);
  const LineRef& ref = f.lines.at(line->ops[0].value);
  EXPECT_EQ(ref.line, 3u);
  EXPECT_EQ(f.line_files.at(ref.file), "loader_sample.erl");
}

TEST_F(CompiledModule, Md5MatchesErl) {
  AtomTable atoms;
  BeamFile f = parse(atoms);
  std::string out = *dir_ + "/md5.txt";
  std::string cmd = "cd " + *dir_ + " && erl -noshell -eval 'io:format(\"~s\", [binary:encode_hex(loader_sample:module_info(md5))]), halt().' > " + out + " 2>/dev/null";
  if (std::system(cmd.c_str()) != 0) GTEST_SKIP() << "erl not available";
  std::string expected;
  std::getline(std::ifstream(out), expected);
  char hex[33];
  for (int i = 0; i < 16; i++) std::snprintf(hex + 2 * i, 3, "%02X", f.md5[i]);
  EXPECT_EQ(std::string(hex), expected);
}

// Each prefix of a real file: the FOR1 size no longer matches, so every one is an error.
TEST_F(CompiledModule, EveryTruncationThrows) {
  for (size_t n = 0; n < bytes_->size(); n++) {
    Bytes cut(bytes_->begin(), bytes_->begin() + n);
    EXPECT_NE(parse_error(cut), "") << "prefix " << n;
  }
}

// Prefixes again, with the FOR1 size patched to fit: exercises the chunk parsers on cut data.
// A cut between chunks that keeps all required ones may load; nothing may crash.
TEST_F(CompiledModule, TruncationWithConsistentHeaderNeverCrashes) {
  for (size_t n = 12; n < bytes_->size(); n++) {
    Bytes cut(bytes_->begin(), bytes_->begin() + n);
    Bytes size = u32be(uint32_t(n - 8));
    std::copy(size.begin(), size.end(), cut.begin() + 4);
    AtomTable atoms;
    std::deque<Export> exports;
    try {
      parse_beam(cut, "cut.beam", atoms, [&](Term, Term, uint32_t) { return &exports.emplace_back(); });
    } catch (const BeamError&) {
    }
  }
}

// Shortening any structured chunk by any amount must be reported.
TEST_F(CompiledModule, ShortenedChunksThrow) {
  // Split the real file into chunks, then rebuild it with one chunk cut short.
  std::vector<std::pair<std::string, Bytes>> chunks;
  for (size_t pos = 12; pos + 8 <= bytes_->size();) {
    const uint8_t* p = bytes_->data() + pos;
    size_t size = size_t(p[4]) << 24 | size_t(p[5]) << 16 | size_t(p[6]) << 8 | p[7];
    chunks.emplace_back(std::string(reinterpret_cast<const char*>(p), 4), Bytes(p + 8, p + 8 + size));
    pos += 8 + ((size + 3) & ~size_t(3));
  }
  for (const char* id : {"AtU8", "Code", "ImpT", "ExpT", "LocT", "FunT", "LitT", "Line"}) {
    size_t which = chunks.size();
    for (size_t i = 0; i < chunks.size(); i++)
      if (chunks[i].first == id) which = i;
    ASSERT_LT(which, chunks.size()) << id;
    for (size_t k = 0; k < chunks[which].second.size(); k++) {
      BeamBuilder b;
      for (size_t i = 0; i < chunks.size(); i++) {
        Bytes data = chunks[i].second;
        if (i == which) data.resize(k);
        b.add(chunks[i].first, data);
      }
      AtomTable atoms;
      std::deque<Export> exports;
      EXPECT_THROW(parse_beam(b.build(), "short.beam", atoms,
                              [&](Term, Term, uint32_t) { return &exports.emplace_back(); }),
                   BeamError)
          << id << " cut to " << k;
    }
  }
}

// Random byte flips: each result either loads or is a BeamError.
TEST_F(CompiledModule, ByteFlipsNeverCrash) {
  std::mt19937 rng(12345);
  for (int round = 0; round < 3000; round++) {
    Bytes b = *bytes_;
    int flips = 1 + int(rng() % 4);
    for (int i = 0; i < flips; i++) b[12 + rng() % (b.size() - 12)] ^= uint8_t(1 + rng() % 255);
    AtomTable atoms;
    std::deque<Export> exports;
    try {
      parse_beam(b, "flip.beam", atoms, [&](Term, Term, uint32_t) { return &exports.emplace_back(); });
    } catch (const BeamError&) {
    }
  }
}

// --- hand-assembled files ---------------------------------------------------------------------

TEST(HandAssembled, MinimalModuleLoads) {
  AtomTable atoms;
  BeamFile f = parse_beam(module_with_body({0x13}), "m.beam", atoms);  // return
  EXPECT_EQ(atoms.name(f.module), "m");
  ASSERT_EQ(f.code.size(), 5u);
  EXPECT_EQ(f.code[1].opcode, op_func_info);
  EXPECT_EQ(f.code[1].ops[1].term, atoms.intern("f"));
  EXPECT_EQ(f.code[3].opcode, op_return);
  EXPECT_EQ(f.code[3].offset, 28u);  // 20 header bytes + 8 bytes of code before it
  ASSERT_EQ(f.lines.size(), 1u);     // no Line chunk: only the "no location" entry
  EXPECT_EQ(f.line_files[0], "m.erl");
  EXPECT_TRUE(f.literals.empty());
}

TEST(HandAssembled, NegatedAtomCountWithCompactLengths) {
  // OTP 28 writes the atom count negated and the lengths in the compact encoding, which
  // allows atoms of up to 255 multi-byte characters.
  std::string long_atom;
  for (int i = 0; i < 255; i++) long_atom += "\xC3\xA9";  // 255 x U+00E9, 510 bytes
  Bytes atu8 = atom_chunk({"m", "f", long_atom, "a_sixteen_chars_"}, true);
  // Byte level: -4, then 0x10 'm', 0x10 'f', then 510 in the 11-bit form: 0x28 0xFE.
  EXPECT_EQ(Bytes(atu8.begin(), atu8.begin() + 8), (Bytes{0xFF, 0xFF, 0xFF, 0xFC, 0x10, 'm', 0x10, 'f'}));
  EXPECT_EQ(atu8[8], 0x28);
  EXPECT_EQ(atu8[9], 0xFE);
  Bytes code = {0x01, 0x10, 0x02, 0x12, 0x22, 0x00, 0x01, 0x20, 0x13, 0x03};
  Bytes file = BeamBuilder()
                   .add("AtU8", atu8)
                   .add("Code", code_chunk(3, 1, code))
                   .add("ImpT", table({}))
                   .add("ExpT", table({{2, 0, 2}}))
                   .build();
  AtomTable atoms;
  BeamFile f = parse_beam(file, "m.beam", atoms);
  ASSERT_EQ(f.atoms.size(), 5u);
  EXPECT_EQ(atoms.name(f.atoms[3]), long_atom);
  EXPECT_EQ(atoms.name(f.atoms[4]), "a_sixteen_chars_");
  EXPECT_EQ(atoms.name(f.module), "m");

  // 256 characters is one too many; the classic form cannot even say 510.
  Bytes too_long = atom_chunk({"m", "f", long_atom + "x"}, true);
  expect_error(BeamBuilder().add("AtU8", too_long).add("Code", code_chunk(3, 1, code)).add("ImpT", table({})).add("ExpT", table({})).build(),
               "longer than 255");
}

TEST(HandAssembled, Otp26To28Opcodes) {
  Bytes body = {
      0xB5, 0x32, 0x30, 0x03, 0x03, 0x17, 0x20, 0x20, 0x13,  // update_record reuse 3 x0 x0 [2, x1]
      0xB6, 0x25, 0x03, 0x17, 0x30, 0x42, 0x80, 0x10,        // bs_match L2 x0 [ok, 8, 1]
      0xB7, 0x10, 0x20,                                      // executable_line 1 2
      0xB8, 0x42, 0x10, 0x20, 0x10,                          // debug_line ok 1 2 1
      0x13,                                                  // return
  };
  AtomTable atoms;
  BeamFile f = parse_beam(module_with_body(body, true), "m.beam", atoms);
  ASSERT_EQ(f.code.size(), 9u);
  const GenericInstr& ur = f.code[3];
  EXPECT_EQ(ur.opcode, op_update_record);
  ASSERT_EQ(ur.ops.size(), 5u);
  EXPECT_EQ(ur.ops[0].term, atoms.intern("reuse"));
  EXPECT_EQ(ur.ops[1].value, 3u);
  EXPECT_EQ(ur.ops[4].list.size(), 2u);
  const GenericInstr& bm = f.code[4];
  EXPECT_EQ(bm.opcode, op_bs_match);
  EXPECT_EQ(bm.ops[0].index, 2u);
  ASSERT_EQ(bm.ops[2].list.size(), 3u);
  EXPECT_EQ(bm.ops[2].list[0].term, atoms.intern("ok"));
  EXPECT_EQ(bm.ops[2].list[1].value, 8u);
  EXPECT_EQ(f.code[5].opcode, op_executable_line);
  EXPECT_EQ(f.code[5].ops[1].value, 2u);
  EXPECT_EQ(f.code[6].opcode, op_debug_line);
  EXPECT_EQ(f.code[6].ops.size(), 4u);
  EXPECT_EQ(f.code[6].ops[3].value, 1u);
}

TEST(HandAssembled, UncompressedLitT) {
  // OTP 27+ may store LitT uncompressed, marked by an uncompressed size of 0.
  Bytes lit = u32be(0);
  append(lit, u32be(2));
  append(lit, u32be(3));
  append(lit, {131, 97, 42});
  append(lit, u32be(7));
  append(lit, {131, 104, 2, 97, 1, 119, 0});  // {1, ''}
  Bytes code = {0x01, 0x10, 0x02, 0x12, 0x22, 0x00, 0x01, 0x20,
                0x40, 0x47, 0x10, 0x03,  // move literal#1 x0
                0x13, 0x03};
  Bytes file = BeamBuilder()
                   .add("AtU8", atom_chunk({"m", "f"}, false))
                   .add("Code", code_chunk(3, 1, code))
                   .add("ImpT", table({}))
                   .add("ExpT", table({{2, 0, 2}}))
                   .add("LitT", lit)
                   .build();
  AtomTable atoms;
  BeamFile f = parse_beam(file, "m.beam", atoms);
  ASSERT_EQ(f.literals.size(), 2u);
  EXPECT_EQ(f.literals[0], make_small(42));
  ASSERT_TRUE(is_tuple(f.literals[1]));
  EXPECT_EQ(tuple_element(f.literals[1], 2), atoms.intern(""));
  EXPECT_EQ(f.code[3].opcode, op_move);
  EXPECT_EQ(f.code[3].ops[0].kind, Operand::Kind::Literal);
  EXPECT_EQ(f.code[3].ops[0].term, f.literals[1]);
}

TEST(HandAssembled, CompressedLitTAndLineChunk) {
  Bytes raw = u32be(1);
  append(raw, u32be(4));
  append(raw, {131, 107, 0, 0});  // ""
  uLongf clen = compressBound(raw.size());
  Bytes z(clen);
  ASSERT_EQ(compress(z.data(), &clen, raw.data(), raw.size()), Z_OK);
  z.resize(clen);
  Bytes lit = u32be(uint32_t(raw.size()));
  append(lit, z);
  // Line: version 0, flags 0, 2 line instructions, 3 items, 1 file name.
  // Items: i10, a1 (switch to file 1), i20, i30.
  Bytes line = u32be(0);
  for (uint32_t v : {0u, 2u, 3u, 1u}) append(line, u32be(v));
  append(line, {0x09, 10, 0x12, 0x09, 20, 0x09, 30});
  append(line, {0, 5, 'x', '.', 'h', 'r', 'l'});
  Bytes code = {0x01, 0x10, 0x99, 0x10, 0x02, 0x12, 0x22, 0x00, 0x01, 0x20, 0x99, 0x30, 0x13, 0x03};
  Bytes file = BeamBuilder()
                   .add("AtU8", atom_chunk({"m", "f"}, false))
                   .add("Code", code_chunk(3, 1, code))
                   .add("ImpT", table({}))
                   .add("ExpT", table({{2, 0, 2}}))
                   .add("LitT", lit)
                   .add("Line", line)
                   .build();
  AtomTable atoms;
  BeamFile f = parse_beam(file, "m.beam", atoms);
  ASSERT_EQ(f.literals.size(), 1u);
  EXPECT_EQ(f.literals[0], NIL);
  ASSERT_EQ(f.lines.size(), 4u);
  EXPECT_EQ(f.lines[1].file, 0u);
  EXPECT_EQ(f.lines[1].line, 10u);
  EXPECT_EQ(f.lines[2].file, 1u);
  EXPECT_EQ(f.lines[3].line, 30u);
  ASSERT_EQ(f.line_files.size(), 2u);
  EXPECT_EQ(f.line_files[0], "m.erl");
  EXPECT_EQ(f.line_files[1], "x.hrl");
  // `line 4` does not exist.
  Bytes bad_code = code;
  bad_code[11] = 0x40;
  Bytes bad = BeamBuilder()
                  .add("AtU8", atom_chunk({"m", "f"}, false))
                  .add("Code", code_chunk(3, 1, bad_code))
                  .add("ImpT", table({}))
                  .add("ExpT", table({{2, 0, 2}}))
                  .add("Line", line)
                  .build();
  expect_error(bad, "line item 4 out of range");
}

TEST(HandAssembled, OldLatin1AtomChunk) {
  Bytes atom = u32be(2);
  append(atom, {1, 'm', 2, 'f', 0xE9});
  Bytes code = {0x01, 0x10, 0x02, 0x12, 0x22, 0x00, 0x01, 0x20, 0x13, 0x03};
  Bytes file = BeamBuilder()
                   .add("Atom", atom)
                   .add("Code", code_chunk(3, 1, code))
                   .add("ImpT", table({}))
                   .add("ExpT", table({{2, 0, 2}}))
                   .build();
  AtomTable atoms;
  BeamFile f = parse_beam(file, "m.beam", atoms);
  EXPECT_EQ(atoms.name(f.atoms[2]), "f\xC3\xA9");
}

// --- malformed files --------------------------------------------------------------------------

TEST(Malformed, ContainerErrors) {
  expect_error({}, "not a BEAM file");
  Bytes good = module_with_body({0x13});
  Bytes magic = good;
  magic[3] = '2';
  expect_error(magic, "no FOR1 header");
  Bytes form = good;
  form[11] = 'N';
  expect_error(form, "form type is not BEAM");
  Bytes size = good;
  Bytes longer = u32be(uint32_t(good.size() - 8 + 4));
  std::copy(longer.begin(), longer.end(), size.begin() + 4);
  expect_error(size, "truncated");
}

TEST(Malformed, BadChunkSize) {
  Bytes f = module_with_body({0x13});
  f[12 + 4 + 3] = 0xF0;  // AtU8 size, low byte: far beyond the file
  f[12 + 4 + 2] = 0x10;
  expect_error(f, "claims");
}

TEST(Malformed, MissingAndDuplicateChunks) {
  Bytes code = {0x01, 0x10, 0x02, 0x12, 0x22, 0x00, 0x01, 0x20, 0x13, 0x03};
  expect_error(BeamBuilder().add("AtU8", atom_chunk({"m", "f"}, false)).add("ImpT", table({})).add("ExpT", table({})).build(),
               "missing Code");
  expect_error(BeamBuilder().add("Code", code_chunk(3, 1, code)).add("ImpT", table({})).add("ExpT", table({})).build(),
               "missing atom chunk");
  expect_error(BeamBuilder()
                   .add("AtU8", atom_chunk({"m", "f"}, false))
                   .add("Code", code_chunk(3, 1, code))
                   .add("Code", code_chunk(3, 1, code))
                   .add("ImpT", table({}))
                   .add("ExpT", table({}))
                   .build(),
               "duplicate Code");
}

TEST(Malformed, OutOfRangeAtomIndex) {
  Bytes code = {0x01, 0x10, 0x02, 0x12, 0x22, 0x00, 0x01, 0x20, 0x13, 0x03};
  auto with = [&](const Bytes& imports, const Bytes& exports, const Bytes& c) {
    return BeamBuilder()
        .add("AtU8", atom_chunk({"m", "f"}, false))
        .add("Code", code_chunk(3, 1, c))
        .add("ImpT", imports)
        .add("ExpT", exports)
        .build();
  };
  expect_error(with(table({}), table({{99, 0, 2}}), code), "atom index 99 out of range");
  expect_error(with(table({}), table({{0, 0, 2}}), code), "atom index 0");
  expect_error(with(table({{1, 7, 0}}), table({}), code), "atom index 7");
  Bytes bad_operand = code;
  bad_operand[4] = 0x32;  // func_info m <atom 3> 0
  expect_error(with(table({}), table({}), bad_operand), "atom index 3 out of range");
}

TEST(Malformed, TableErrors) {
  Bytes code = {0x01, 0x10, 0x02, 0x12, 0x22, 0x00, 0x01, 0x20, 0x13, 0x03};
  auto with_exports = [&](const Bytes& exports) {
    return BeamBuilder().add("AtU8", atom_chunk({"m", "f"}, false)).add("Code", code_chunk(3, 1, code)).add("ImpT", table({})).add("ExpT", exports).build();
  };
  expect_error(with_exports(table({{2, 0, 3}})), "label 3 out of range");
  expect_error(with_exports(table({{2, 256, 2}})), "arity 256");
  Bytes lying_count = u32be(1000);
  expect_error(with_exports(lying_count), "count 1000 exceeds");
}

TEST(Malformed, UnknownOpcodes) {
  expect_error(module_with_body({0xB9}), "unknown opcode 185");  // OTP 29's bif3
  expect_error(module_with_body({0x00}), "unknown opcode 0");
  expect_error(module_with_body({0xFF}), "unknown opcode 255");
  expect_error(module_with_body({0x13}, false, 185), "newer OTP");
  std::string e = parse_error(module_with_body({0x13, 0x13, 0xB9}));
  EXPECT_NE(e.find("Code chunk at offset 30"), std::string::npos) << e;
}

TEST(Malformed, BadOperands) {
  expect_error(module_with_body({0x3D, 0x35}), "label 3 out of range");            // jump L3
  expect_error(module_with_body({0x40, 0x47, 0x00, 0x03}), "literal index 0");     // no LitT
  expect_error(module_with_body({0x07, 0x10, 0x10}), "import index 1 out of range");  // call_ext 1 #1
  expect_error(module_with_body({0x40, 0x8B, 0x00, 0x03}), "x register 1024");
  expect_error(module_with_body({0x40, 0x03}), "without int_code_end");  // eats the end marker
  expect_error(module_with_body({0x40, 0x03, 0x03, 0x17}), "truncated");
  expect_error(module_with_body({0x01, 0x30}), "label 3 out of range");  // label 3 defined
  std::string e = parse_error(module_with_body({0x40, 0x8B, 0x00, 0x03}));
  EXPECT_NE(e.find("of move"), std::string::npos) << e;
}

TEST(Malformed, CodeWithoutEnd) {
  Bytes code = {0x01, 0x10, 0x02, 0x12, 0x22, 0x00, 0x01, 0x20, 0x13};
  expect_error(BeamBuilder().add("AtU8", atom_chunk({"m", "f"}, false)).add("Code", code_chunk(3, 1, code)).add("ImpT", table({})).add("ExpT", table({})).build(),
               "without int_code_end");
}

TEST(Malformed, LitTErrors) {
  Bytes code = {0x01, 0x10, 0x02, 0x12, 0x22, 0x00, 0x01, 0x20, 0x13, 0x03};
  auto with_lit = [&](const Bytes& lit) {
    return BeamBuilder()
        .add("AtU8", atom_chunk({"m", "f"}, false))
        .add("Code", code_chunk(3, 1, code))
        .add("ImpT", table({}))
        .add("ExpT", table({}))
        .add("LitT", lit)
        .build();
  };
  Bytes huge = u32be(0x7FFFFFFF);
  append(huge, {1, 2, 3, 4});
  expect_error(with_lit(huge), "impossible");
  Bytes corrupt = u32be(100);
  append(corrupt, {1, 2, 3, 4, 5, 6, 7, 8});
  expect_error(with_lit(corrupt), "zlib");
  Bytes bad_term = u32be(0);
  append(bad_term, u32be(1));
  append(bad_term, u32be(2));
  append(bad_term, {131, 77});
  expect_error(with_lit(bad_term), "literal 0");
  Bytes trailing = u32be(0);
  append(trailing, u32be(1));
  append(trailing, u32be(3));
  append(trailing, {131, 106, 106});
  expect_error(with_lit(trailing), "trailing");
}

// --- operand encodings older compilers wrote --------------------------------------------------
//
// erlc 25 writes none of these, so they are assembled here byte by byte. What ERTS 25 does with
// each was seen on the real thing (modules assembled with beam_asm, skipping the validator,
// then code:load_file and a call): the results below are ERTS's.
namespace {

// The compact encoding of a number with a tag (0 u, 1 i, 2 a, 3 x, 4 y, 5 f), any size; `be`
// gives the big-endian bytes of numbers beyond 64 bits.
Bytes compact(uint8_t tag, uint64_t n) {
  if (n < 16) return {uint8_t(n << 4 | tag)};
  if (n < 0x800) return {uint8_t(((n >> 3) & 0xE0) | 0x08 | tag), uint8_t(n)};
  Bytes be;
  for (uint64_t v = n; v; v >>= 8) be.insert(be.begin(), uint8_t(v));
  if (tag == 1 && (be[0] & 0x80)) be.insert(be.begin(), 0);
  Bytes out = {uint8_t(((be.size() - 2) << 5) | 0x18 | tag)};
  append(out, be);
  return out;
}
Bytes compact_be(uint8_t tag, const Bytes& be) {  // more than 8 bytes: the nested-length form
  Bytes out = {uint8_t(0xF8 | tag)};
  append(out, compact(0, be.size() - 9));
  append(out, be);
  return out;
}
const uint8_t U = 0, I = 1, A = 2, X = 3, Y = 4, F = 5;
// 2^128 as a u operand: ERTS's overflow operand `o`.
Bytes overflow_u() {
  Bytes be(17, 0);
  be[0] = 1;
  return compact_be(U, be);
}
Bytes instr(uint8_t opcode, std::initializer_list<Bytes> operands) {
  Bytes out = {opcode};
  for (const Bytes& b : operands) append(out, b);
  return out;
}
Bytes field_flags() { return compact(U, 0); }  // {field_flags, []}: unsigned, big

// Atoms of the module `name`: 1 name, 2 f, 3 ok, 4 fail.
// f/1 is `label 1; func_info; label 2; <body>`, label 3 is `move fail x0; return`.
Bytes module_f1(const std::string& name, const Bytes& body, const Bytes& line_chunk = {}) {
  Bytes code;
  append(code, instr(1, {compact(U, 1)}));
  append(code, instr(2, {compact(A, 1), compact(A, 2), compact(U, 1)}));
  append(code, instr(1, {compact(U, 2)}));
  append(code, body);
  append(code, instr(1, {compact(U, 3)}));
  append(code, instr(64, {compact(A, 4), compact(X, 0)}));
  code.push_back(19);
  code.push_back(3);
  BeamBuilder b;
  b.add("AtU8", atom_chunk({name, "f", "ok", "fail"}, false))
      .add("Code", code_chunk(4, 1, code))
      .add("StrT", {})
      .add("ImpT", table({}))
      .add("ExpT", table({{2, 1, 2}}));
  if (!line_chunk.empty()) b.add("Line", line_chunk);
  return b.build();
}

// Loads `file` as module `name` in a fresh VM and calls name:f(arg): the result as
// erlang:display shows it, "error:Reason" for an exception, "load:Message" when it does not load.
std::string run_f1(const std::string& name, const Bytes& file, Sint arg) {
  char tmpl[] = "/tmp/beamrun_operands_XXXXXX";
  if (!mkdtemp(tmpl)) return "no temporary directory";
  std::string dir = tmpl;
  std::ofstream(dir + "/" + name + ".beam", std::ios::binary).write(reinterpret_cast<const char*>(file.data()), file.size());
  std::string out;
  {
    VMOptions opts;
    opts.use_otp_path = false;
    opts.code_path = {dir};
    opts.schedulers = 1;
    VM vm(opts);
    std::string err;
    if (!vm.ensure_loaded(vm.atoms().intern(name), &err)) {
      out = "load:" + err;
    } else {
      Process p(vm, vm.next_serial());
      RunResult r = vm.call(vm.atoms().intern(name), vm.atoms().intern("f"), {make_small(arg)}, p);
      if (r.kind == RunResult::Kind::Returned) out = display_term(r.value, vm.atoms());
      else out = display_term(r.exc_class, vm.atoms()) + ":" + display_term(r.value, vm.atoms());
    }
  }
  std::system(("rm -rf " + dir).c_str());
  return out;
}

// bs_init2 Fail Size 0 Live=1 Flags Dst; bs_put_integer 0 {integer,16} 1 Flags x0; move Dst x0; return
Bytes init2_put16(uint8_t opcode, const Bytes& size, uint64_t fail, const Bytes& dst, uint64_t bits = 16) {
  Bytes b = instr(opcode, {compact(F, fail), size, compact(U, 0), compact(U, 1), field_flags(), dst});
  append(b, instr(89, {compact(F, 0), compact(I, bits), compact(U, 1), field_flags(), compact(X, 0)}));
  append(b, instr(64, {dst, compact(X, 0)}));
  b.push_back(19);
  return b;
}

}  // namespace

// bs_put_* write where the last bs_init*/bs_append said, as far as the size it made. Compilers
// never emit a bs_put_* without that, or past it; hostile code does, and must fail (badarg, or
// the fail label) instead of writing through a stale or short buffer (RegisterFile::bs_put_end).
TEST(HostileBitSyntax, BsPutWithoutRoomFails) {
  // bs_put_integer 0 {integer,16} 1 Flags x0; return: no construction is open.
  Bytes lone = instr(89, {compact(F, 0), compact(I, 16), compact(U, 1), field_flags(), compact(X, 0)});
  lone.push_back(19);
  EXPECT_EQ(run_f1("h1", module_f1("h1", lone), 258), "error:badarg");
  // The same with a fail label: it goes there.
  Bytes lone_fail = instr(89, {compact(F, 3), compact(I, 16), compact(U, 1), field_flags(), compact(X, 0)});
  lone_fail.push_back(19);
  EXPECT_EQ(run_f1("h2", module_f1("h2", lone_fail), 258), "fail");
  // bs_init2 of 1 byte, then 16 bits put into it: past its end.
  EXPECT_EQ(run_f1("h3", module_f1("h3", init2_put16(109, compact(U, 1), 0, compact(X, 1))), 258), "error:badarg");
  // The right size still works.
  EXPECT_EQ(run_f1("h4", module_f1("h4", init2_put16(109, compact(U, 2), 0, compact(X, 1))), 258), "<<1,2>>");
}

TEST(OldOperandEncodings, UntaggedBinarySizes) {
  // erlc 24 (Elixir 1.14's stdlib) writes a constant size of bs_init2 untagged:
  // {bs_init2, Fail, 2, 0, 1, Flags, Dst}. ERTS takes it as the size in bytes.
  EXPECT_EQ(run_f1("m1", module_f1("m1", init2_put16(109, compact(U, 2), 0, compact(X, 1))), 258), "<<1,2>>");
  EXPECT_EQ(run_f1("m2", module_f1("m2", init2_put16(109, compact(U, 2), 3, compact(X, 1))), 258), "<<1,2>>");
  // Into a Y register.
  Bytes body = instr(12, {compact(U, 1), compact(U, 1)});  // allocate 1 1
  Bytes rest = init2_put16(109, compact(U, 2), 0, compact(Y, 0));
  rest.pop_back();                                         // return
  append(body, rest);
  append(body, instr(18, {compact(U, 1)}));                // deallocate 1
  body.push_back(19);
  EXPECT_EQ(run_f1("m3", module_f1("m3", body), 258), "<<1,2>>");
  // bs_init_bits: the size in bits.
  EXPECT_EQ(run_f1("m4", module_f1("m4", init2_put16(137, compact(U, 12), 0, compact(X, 1), 12)), 258), "<<16,2:4>>");
}

TEST(OldOperandEncodings, SizesBeyondAnyBinary) {
  // A u operand of 2^64 - 1 fits the encoding but no binary: system_limit, as ERTS.
  Bytes max_u = compact(U, ~uint64_t(0));
  EXPECT_EQ(max_u.size(), 9u);
  EXPECT_EQ(run_f1("m5", module_f1("m5", init2_put16(109, max_u, 0, compact(X, 1))), 1), "error:system_limit");
  EXPECT_EQ(run_f1("m6", module_f1("m6", init2_put16(109, max_u, 3, compact(X, 1))), 1), "fail");
  // A u beyond 64 bits (ERTS's overflow operand): system_limit, or the fail label.
  EXPECT_EQ(run_f1("m7", module_f1("m7", init2_put16(109, overflow_u(), 0, compact(X, 1))), 1), "error:system_limit");
  EXPECT_EQ(run_f1("m8", module_f1("m8", init2_put16(109, overflow_u(), 3, compact(X, 1))), 1), "fail");
  EXPECT_EQ(run_f1("m9", module_f1("m9", init2_put16(137, overflow_u(), 0, compact(X, 1))), 1), "error:system_limit");
  // bs_test_tail2 of 2^128 bits never matches: ERTS loads it as a jump to the fail label.
  Bytes tail = instr(166, {compact(F, 3), compact(X, 0), compact(U, 1), compact(X, 0)});  // bs_start_match3
  append(tail, instr(121, {compact(F, 3), compact(X, 0), overflow_u()}));
  append(tail, instr(64, {compact(A, 3), compact(X, 0)}));
  tail.push_back(19);
  EXPECT_EQ(run_f1("m10", module_f1("m10", tail), 1), "fail");
}

TEST(OldOperandEncodings, LineWithoutLocation) {
  // `line []` (atom 0): no location, as ERTS's `line n => _`; with a Line chunk too.
  Bytes body = instr(153, {compact(A, 0)});
  append(body, instr(64, {compact(A, 3), compact(X, 0)}));
  body.push_back(19);
  EXPECT_EQ(run_f1("m11", module_f1("m11", body), 1), "ok");
  Bytes line = u32be(0);
  for (uint32_t v : {0u, 1u, 1u, 0u}) append(line, u32be(v));
  append(line, {0x09, 10});
  EXPECT_EQ(run_f1("m12", module_f1("m12", body, line), 1), "ok");
}

TEST(OldOperandEncodings, WhatErtsRefusesOrCannotRunIsALoadError) {
  auto load_error = [](const std::string& name, const Bytes& body) {
    std::string r = run_f1(name, module_f1(name, body), 1);
    EXPECT_EQ(r.rfind("load:", 0), 0u) << name << " loaded: " << r;
    // The error names the file and the instruction's offset in the Code chunk.
    EXPECT_NE(r.find(name + ".beam"), std::string::npos) << r;
    EXPECT_NE(r.find("offset"), std::string::npos) << r;
  };
  // ERTS refuses these ("no specific operation found"): a u size where bs_put_* takes a term,
  // a u or an overflow where any source term is meant, an overflow where a count is meant.
  Bytes put_u = instr(109, {compact(F, 0), compact(U, 2), compact(U, 0), compact(U, 1), field_flags(), compact(X, 1)});
  append(put_u, instr(89, {compact(F, 0), compact(U, 16), compact(U, 1), field_flags(), compact(X, 0)}));
  put_u.push_back(19);
  load_error("r1", put_u);
  load_error("r2", instr(64, {compact(U, 5), compact(X, 0)}));
  load_error("r3", instr(64, {overflow_u(), compact(X, 0)}));
  load_error("r4", instr(16, {overflow_u(), compact(U, 1)}));
  load_error("r5", instr(43, {compact(F, 3), compact(X, 0), compact(U, 5)}));
  // ERTS 25 loads a u among put_tuple2's elements and then crashes (segmentation fault) when it
  // runs; beamrun refuses it, like any operand that names no term.
  Bytes tuple = instr(164, {compact(X, 0), {0x17, 0x20, 0x10, 0x21}});  // put_tuple2 x0 [u1, i2]
  tuple.push_back(19);
  load_error("r6", tuple);
}

// --- the corpus: every .beam that ERTS loads, beamrun loads ------------------------------------
//
// Each file is parsed and translated into threaded code (not installed, so two libraries may hold
// modules of one name). What real compilers wrote, OTP 25's erlc for OTP and OTP 24's for
// Debian's Elixir 1.14, is the broadest coverage of operand shapes there is.
namespace {

#ifndef BEAMRUN_OTP_ROOT
#define BEAMRUN_OTP_ROOT "/usr/lib/erlang"
#endif

std::vector<std::string> beams_matching(const std::string& pattern) {
  std::vector<std::string> paths;
  FILE* ls = popen(("ls " + pattern + " 2>/dev/null").c_str(), "r");
  if (!ls) return paths;
  char path[4096];
  while (std::fgets(path, sizeof path, ls)) {
    std::string p(path);
    if (!p.empty() && p.back() == '\n') p.pop_back();
    paths.push_back(p);
  }
  pclose(ls);
  return paths;
}

// Loads every file; returns how many loaded, and reports each failure.
size_t load_all(const std::vector<std::string>& paths) {
  VMOptions opts;
  opts.use_otp_path = false;
  opts.schedulers = 1;
  opts.dirty_cpu_schedulers = 1;
  opts.dirty_io_schedulers = 1;
  VM vm(opts);
  size_t loaded = 0;
  for (const std::string& p : paths) {
    std::ifstream in(p, std::ios::binary);
    Bytes bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    try {
      BeamFile bf = parse_beam(bytes, p, vm.atoms(),
                               [&](Term m, Term f, uint32_t a) { return vm.exports().get(m, f, a); });
      translate_module(bf, vm.load_env());
      loaded++;
    } catch (const BeamError& e) {
      ADD_FAILURE() << e.what();
    }
  }
  return loaded;
}

}  // namespace

TEST(RealFiles, EveryOtpBeamLoads) {
  auto paths = beams_matching(BEAMRUN_OTP_ROOT "/lib/*/ebin/*.beam");
  if (paths.empty()) GTEST_SKIP() << "no OTP libraries under " BEAMRUN_OTP_ROOT;
  size_t loaded = load_all(paths);
  std::printf("[ corpus   ] %zu of %zu OTP .beam files load (%s/lib/*/ebin)\n", loaded, paths.size(), BEAMRUN_OTP_ROOT);
  EXPECT_EQ(loaded, paths.size());
}

TEST(RealFiles, EveryElixirBeamLoads) {
#ifndef BEAMRUN_ELIXIR_LIB
#define BEAMRUN_ELIXIR_LIB "/usr/lib/elixir/lib"
#endif
  auto paths = beams_matching(BEAMRUN_ELIXIR_LIB "/*/ebin/*.beam");
  if (paths.empty()) GTEST_SKIP() << "Elixir is not installed (no .beam files under " BEAMRUN_ELIXIR_LIB "/*/ebin)";
  size_t loaded = load_all(paths);
  std::printf("[ corpus   ] %zu of %zu Elixir .beam files load (%s/*/ebin)\n", loaded, paths.size(), BEAMRUN_ELIXIR_LIB);
  EXPECT_EQ(loaded, paths.size());
}
