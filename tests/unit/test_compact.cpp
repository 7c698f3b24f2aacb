// Compact term decoding, byte by byte: every tag, every length form, the extended forms.
#include <gtest/gtest.h>

#include <cstring>
#include <vector>

#include "loader/beam_file.h"
#include "loader/compact.h"
#include "loader/genop.h"
#include "term/atoms.h"

using namespace beamrun;

namespace {

// A decoding context over small fake tables: atoms 1..3, two literals, 10 labels, 4 types.
struct CompactFixture : ::testing::Test {
  AtomTable atom_table;
  LiteralArea area;
  std::vector<Term> atoms{NON_VALUE, atom_table.intern("m"), atom_table.intern("ok"), atom_table.intern("reuse")};
  std::vector<Term> literals{make_small(42), atom::error};
  OperandContext ctx() {
    OperandContext c;
    c.atoms = &atoms;
    c.literals = &literals;
    c.literal_alloc = &area;
    c.label_count = 10;
    c.type_count = 4;
    return c;
  }
  Operand decode(const std::vector<uint8_t>& bytes, size_t* used = nullptr) {
    ByteReader r(bytes.data(), bytes.size(), "test");
    Operand op = decode_operand(r, ctx());
    if (used) *used = r.pos();
    return op;
  }
  void expect_error(const std::vector<uint8_t>& bytes, const char* fragment) {
    try {
      decode(bytes);
      ADD_FAILURE() << "no error for " << fragment;
    } catch (const BeamError& e) {
      EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
    }
  }
};

RawCompact raw(const std::vector<uint8_t>& bytes) {
  ByteReader r(bytes.data(), bytes.size(), "test");
  RawCompact c = read_compact(r);
  EXPECT_TRUE(r.at_end());
  return c;
}

}  // namespace

TEST(CompactRaw, FourBitForm) {
  EXPECT_EQ(raw({0x00}).value, 0u);
  EXPECT_EQ(raw({0xF0}).value, 15u);
  EXPECT_EQ(raw({0x73}).tag, CompactTag::X);
  EXPECT_EQ(raw({0x73}).value, 7u);
}

TEST(CompactRaw, ElevenBitForm) {
  EXPECT_EQ(raw({0x08, 0x10}).value, 16u);
  EXPECT_EQ(raw({0xE8, 0xFF}).value, 2047u);
  EXPECT_EQ(raw({0x28, 0x00}).value, 256u);  // high 3 bits = 1
  EXPECT_EQ(raw({0x2D, 0x01}).tag, CompactTag::F);
}

TEST(CompactRaw, ByteCountForms) {
  EXPECT_EQ(raw({0x18, 0x08, 0x00}).value, 2048u);                     // 2 bytes
  EXPECT_EQ(raw({0x98, 0x01, 0, 0, 0, 0, 0}).value, uint64_t(1) << 40);  // 6 bytes (n-2 = 4)
  // 9 bytes (length prefix u0 + 9): 2^64 - 1 with a leading zero byte.
  RawCompact r = raw({0xF8, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF});
  EXPECT_FALSE(r.big);
  EXPECT_EQ(r.value, ~uint64_t(0));
  // 10 significant bytes do not fit: `big` with the bytes kept.
  std::vector<uint8_t> b = {0xF8, 0x10};
  for (int i = 0; i < 10; i++) b.push_back(0x11);
  RawCompact big = raw(b);
  EXPECT_TRUE(big.big);
  EXPECT_EQ(big.nbytes, 10u);
}

TEST(CompactRaw, NegativeIntegers) {
  EXPECT_EQ(int64_t(raw({0x19, 0xFF, 0xFF}).value), -1);
  EXPECT_EQ(int64_t(raw({0x19, 0xF8, 0x00}).value), -2048);
  EXPECT_EQ(int64_t(raw({0x39, 0x80, 0x00, 0x00}).value), -(1 << 23));
  // The same bytes under `u` are unsigned.
  EXPECT_EQ(raw({0x18, 0xFF, 0xFF}).value, 0xFFFFu);
}

TEST(CompactRaw, Truncated) {
  for (std::vector<uint8_t> b : {std::vector<uint8_t>{}, {0x08}, {0x18, 0x01}, {0xF8}, {0xF8, 0x00, 1, 2}}) {
    ByteReader r(b.data(), b.size(), "test");
    EXPECT_THROW(read_compact(r), BeamError);
  }
  // A chain of length prefixes is refused at the second one (no recursion per byte).
  std::vector<uint8_t> chain(100000, 0xF8);
  ByteReader cr(chain.data(), chain.size(), "test");
  EXPECT_THROW(read_compact(cr), BeamError);
  // A length prefix claiming more bytes than exist is refused before anything is read.
  std::vector<uint8_t> b = {0xF8, 0x18, 0x7F, 0xFF, 1, 2, 3};
  ByteReader r(b.data(), b.size(), "test");
  EXPECT_THROW(read_compact(r), BeamError);
}

TEST_F(CompactFixture, Untagged) {
  Operand op = decode({0x30});
  EXPECT_EQ(op.kind, Operand::Kind::Untagged);
  EXPECT_EQ(op.value, 3u);
  EXPECT_EQ(op.index, 3u);
  Operand wide = decode({0xB8, 0x01, 0, 0, 0, 0, 0, 0});  // 7 bytes: 2^48
  EXPECT_EQ(wide.value, uint64_t(1) << 48);
  EXPECT_EQ(wide.index, UINT32_MAX);  // saturated: does not fit
}

TEST_F(CompactFixture, SmallIntegers) {
  EXPECT_EQ(decode({0x51}).term, make_small(5));
  EXPECT_EQ(decode({0x51}).kind, Operand::Kind::Integer);
  EXPECT_EQ(decode({0x19, 0xFF, 0xFF}).term, make_small(-1));
  EXPECT_EQ(decode({0x09, 0x64}).term, make_small(100));
  // MIN_SMALL = -2^59 still fits an immediate.
  EXPECT_EQ(decode({0xD9, 0xF8, 0, 0, 0, 0, 0, 0, 0}).term, make_small(MIN_SMALL));
}

TEST_F(CompactFixture, BigIntegers) {
  // 2^59 (MAX_SMALL + 1): an 8-byte number that needs a bignum of one limb.
  Term t = decode({0xD9, 0x08, 0, 0, 0, 0, 0, 0, 0}).term;
  ASSERT_TRUE(is_bignum(t));
  EXPECT_EQ(header_subtag(boxed_header(t)), Subtag::PosBig);
  EXPECT_EQ(header_arity(boxed_header(t)), 1u);
  EXPECT_EQ(boxed_ptr(t)[1], uint64_t(1) << 59);
  EXPECT_TRUE(area.contains(boxed_ptr(t)));

  // -2^59 - 1 is a negative bignum of magnitude 2^59 + 1.
  Term n = decode({0xD9, 0xF7, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF}).term;
  ASSERT_TRUE(is_bignum(n));
  EXPECT_EQ(header_subtag(boxed_header(n)), Subtag::NegBig);
  EXPECT_EQ(boxed_ptr(n)[1], (uint64_t(1) << 59) + 1);

  // 2^64: nine bytes, two limbs.
  Term p = decode({0xF9, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 0}).term;
  ASSERT_TRUE(is_bignum(p));
  EXPECT_EQ(header_arity(boxed_header(p)), 2u);
  EXPECT_EQ(boxed_ptr(p)[1], 0u);
  EXPECT_EQ(boxed_ptr(p)[2], 1u);

  // -2^64: two's complement FF 00*8.
  Term q = decode({0xF9, 0x00, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0}).term;
  ASSERT_TRUE(is_bignum(q));
  EXPECT_EQ(header_subtag(boxed_header(q)), Subtag::NegBig);
  EXPECT_EQ(boxed_ptr(q)[1], 0u);
  EXPECT_EQ(boxed_ptr(q)[2], 1u);

  // 123456789012345678901234567890 = 0x18EE90FF6C373E0EE4E3F0AD2 (13 bytes: prefix u4).
  std::vector<uint8_t> b = {0xF9, 0x40, 0x01, 0x8E, 0xE9, 0x0F, 0xF6, 0xC3, 0x73, 0xE0, 0xEE, 0x4E, 0x3F, 0x0A, 0xD2};
  Term big = decode(b).term;
  ASSERT_TRUE(is_bignum(big));
  EXPECT_EQ(boxed_ptr(big)[1], 0xC373E0EE4E3F0AD2u);
  EXPECT_EQ(boxed_ptr(big)[2], 0x18EE90FF6u);
}

TEST_F(CompactFixture, BigIntegerWithoutLiteralAreaIsAnError) {
  std::vector<uint8_t> b = {0xF9, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 0};
  ByteReader r(b.data(), b.size(), "test");
  OperandContext c = ctx();
  c.literal_alloc = nullptr;
  EXPECT_THROW(decode_operand(r, c), BeamError);
}

TEST_F(CompactFixture, AtomsAndNil) {
  Operand nil = decode({0x02});
  EXPECT_EQ(nil.kind, Operand::Kind::Nil);
  EXPECT_EQ(nil.term, NIL);
  Operand ok = decode({0x22});
  EXPECT_EQ(ok.kind, Operand::Kind::Atom);
  EXPECT_EQ(ok.term, atoms[2]);
  expect_error({0x42}, "atom index 4 out of range");
}

TEST_F(CompactFixture, Registers) {
  Operand x = decode({0x33});
  EXPECT_EQ(x.kind, Operand::Kind::XReg);
  EXPECT_EQ(x.index, 3u);
  EXPECT_EQ(x.type_index, -1);
  Operand y = decode({0x04});
  EXPECT_EQ(y.kind, Operand::Kind::YReg);
  EXPECT_EQ(y.index, 0u);
  EXPECT_EQ(decode({0x6B, 0xFF}).index, 1023u);  // x1023: the last register
  expect_error({0x8B, 0x00}, "x register 1024 out of range");
  expect_error({0x8C, 0x00}, "y register 1024 out of range");
}

TEST_F(CompactFixture, LabelsAndChars) {
  Operand none = decode({0x05});
  EXPECT_EQ(none.kind, Operand::Kind::Label);
  EXPECT_EQ(none.index, 0u);
  EXPECT_EQ(decode({0x95}).index, 9u);
  expect_error({0xA5}, "label 10 out of range");
  Operand c = decode({0x0E, 0x41});
  EXPECT_EQ(c.kind, Operand::Kind::Char);
  EXPECT_EQ(c.index, 0x41u);
}

TEST_F(CompactFixture, ExtendedFloatLiteral) {
  // z0: an old-style float literal, 8 bytes of big-endian IEEE double (1.5 = 3FF8...).
  Operand f = decode({0x07, 0x3F, 0xF8, 0, 0, 0, 0, 0, 0});
  EXPECT_EQ(f.kind, Operand::Kind::Literal);
  ASSERT_TRUE(is_float(f.term));
  EXPECT_EQ(float_value(f.term), 1.5);
}

TEST_F(CompactFixture, ExtendedList) {
  // z1 u4: [i5, f3, a2, x1]
  size_t used = 0;
  Operand l = decode({0x17, 0x40, 0x51, 0x35, 0x22, 0x13, 0xFF}, &used);
  EXPECT_EQ(used, 6u);
  EXPECT_EQ(l.kind, Operand::Kind::List);
  ASSERT_EQ(l.list.size(), 4u);
  EXPECT_EQ(l.list[0].term, make_small(5));
  EXPECT_EQ(l.list[1].kind, Operand::Kind::Label);
  EXPECT_EQ(l.list[1].index, 3u);
  EXPECT_EQ(l.list[2].term, atoms[2]);
  EXPECT_EQ(l.list[3].kind, Operand::Kind::XReg);
  // Lists hold extended forms too (literals, typed registers), but not lists.
  Operand lit = decode({0x17, 0x20, 0x47, 0x10, 0x57, 0x03, 0x30});
  EXPECT_EQ(lit.list[0].term, atom::error);
  EXPECT_EQ(lit.list[1].type_index, 3);
  expect_error({0x17, 0x10, 0x17, 0x00}, "nested");
  // A count larger than the bytes left is refused without reserving memory for it.
  expect_error({0x17, 0x98, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF}, "exceeds");
  expect_error({0x17, 0x20, 0x51, 0x08}, "truncated");
}

TEST_F(CompactFixture, ExtendedFloatRegister) {
  Operand fr = decode({0x27, 0x20});
  EXPECT_EQ(fr.kind, Operand::Kind::FloatReg);
  EXPECT_EQ(fr.index, 2u);
  expect_error({0x27, 0x23}, "float register number");
}

TEST_F(CompactFixture, ExtendedAllocationList) {
  // z3 u2: words 3, floats 1
  Operand a = decode({0x37, 0x20, 0x00, 0x30, 0x10, 0x10});
  EXPECT_EQ(a.kind, Operand::Kind::AllocList);
  ASSERT_EQ(a.list.size(), 4u);
  EXPECT_EQ(a.list[0].value, 0u);
  EXPECT_EQ(a.list[1].value, 3u);
  EXPECT_EQ(a.list[2].value, 1u);
  EXPECT_EQ(a.list[3].value, 1u);
  expect_error({0x37, 0x10, 0x30, 0x10}, "unknown allocation kind 3");
  expect_error({0x37, 0x40}, "at most 3");
}

TEST_F(CompactFixture, ExtendedLiteral) {
  Operand l = decode({0x47, 0x10});
  EXPECT_EQ(l.kind, Operand::Kind::Literal);
  EXPECT_EQ(l.index, 1u);
  EXPECT_EQ(l.term, atom::error);
  expect_error({0x47, 0x20}, "literal index 2 out of range");
  expect_error({0x47, 0x11}, "expected a u operand");
}

TEST_F(CompactFixture, ExtendedTypedRegister) {
  // z5: x2 with type 3; y0 with type 0.
  Operand x = decode({0x57, 0x23, 0x30});
  EXPECT_EQ(x.kind, Operand::Kind::XReg);
  EXPECT_EQ(x.index, 2u);
  EXPECT_EQ(x.type_index, 3);
  Operand y = decode({0x57, 0x04, 0x00});
  EXPECT_EQ(y.kind, Operand::Kind::YReg);
  EXPECT_EQ(y.type_index, 0);
  expect_error({0x57, 0x23, 0x40}, "type index 4 out of range");
  expect_error({0x57, 0x21, 0x00}, "typed register must be x or y");
}

TEST_F(CompactFixture, UnknownExtendedForm) {
  expect_error({0x67}, "unknown extended operand z6");
  expect_error({0xF7}, "unknown extended operand z15");
}

// One instruction per OTP 26-28 opcode, decoded with the arities of genop.h.
TEST_F(CompactFixture, NewOpcodesDecodeWithTheirArity) {
  struct Case {
    unsigned opcode;
    std::vector<uint8_t> operands;
  };
  std::vector<Case> cases = {
      // update_record reuse u3 x0 x0 [u2, x1]
      {181, {0x32, 0x30, 0x03, 0x03, 0x17, 0x20, 0x20, 0x13}},
      // bs_match f2 x0 [ok, u8, u1]
      {182, {0x25, 0x03, 0x17, 0x30, 0x22, 0x80, 0x10}},
      // executable_line u1 u2
      {183, {0x10, 0x20}},
      // debug_line ok u1 u2 u0
      {184, {0x22, 0x10, 0x20, 0x00}},
  };
  for (const Case& c : cases) {
    const GenopInfo* info = genop_info(c.opcode);
    ASSERT_NE(info, nullptr);
    ByteReader r(c.operands.data(), c.operands.size(), "test");
    std::vector<Operand> ops;
    for (unsigned i = 0; i < info->arity; i++) ops.push_back(decode_operand(r, ctx()));
    EXPECT_TRUE(r.at_end()) << info->name;
    if (c.opcode == 181) {
      EXPECT_STREQ(info->name, "update_record");
      EXPECT_EQ(ops[0].term, atoms[3]);
      EXPECT_EQ(ops[4].list.size(), 2u);
    } else if (c.opcode == 182) {
      EXPECT_STREQ(info->name, "bs_match");
      EXPECT_EQ(ops[2].list.size(), 3u);
    } else if (c.opcode == 183) {
      EXPECT_STREQ(info->name, "executable_line");
    } else {
      EXPECT_STREQ(info->name, "debug_line");
      EXPECT_EQ(ops[3].value, 0u);
    }
  }
}

TEST(Genop, TableFacts) {
  EXPECT_STREQ(genop_info(1)->name, "label");
  EXPECT_STREQ(genop_info(op_catch)->name, "catch");
  EXPECT_EQ(genop_info(op_bs_create_bin)->arity, 6);
  EXPECT_EQ(genop_info(op_badrecord)->arity, 1);
  EXPECT_EQ(genop_info(op_update_record)->arity, 5);
  EXPECT_EQ(genop_info(op_bs_match)->arity, 3);
  EXPECT_EQ(genop_info(op_executable_line)->arity, 2);
  EXPECT_EQ(genop_info(op_debug_line)->arity, 4);
  EXPECT_EQ(genop_info(0), nullptr);
  EXPECT_EQ(genop_info(185), nullptr);
  for (unsigned i = 1; i <= MAX_GENOP; i++) EXPECT_NE(genop_info(i), nullptr) << i;
}
