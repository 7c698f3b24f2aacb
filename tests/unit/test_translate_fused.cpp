// The loader's superinstructions and operand shapes (loader/translate_fused.cpp) are chosen
// for the code erlc emits; these tests pin a few, so a change that silently stops fusing shows
// here rather than only as a slower benchmark. What the fused code computes is checked by the
// differential program tests/erlang/interp_fused_shapes.erl, compiled from the same source.
#include <gtest/gtest.h>

#include <type_traits>

#include "beam_builder.h"
#include "loader/beam_file.h"
#include "loader/translate.h"

#include "interp/interp.h"
#include "loader/instructions.h"
#include "loader/module.h"
#include "vm/vm.h"

namespace beamrun {
namespace {

class FusedShapes : public ::testing::Test {
 protected:
  void SetUp() override {
    VMOptions opts;
    opts.use_otp_path = false;
    opts.code_path = {BEAMRUN_TEST_BEAM_DIR};
    vm_ = std::make_unique<VM>(opts);
    std::string err;
    module_ = vm_->ensure_loaded(vm_->atoms().intern("interp_fused_shapes"), &err);
    ASSERT_NE(module_, nullptr) << err;
  }
  // The threaded code of name/arity, from its entry.
  const Word* entry(const char* name, uint32_t arity) const {
    Term n = vm_->atoms().find(name);
    for (const FunctionInfo& f : module_->functions)
      if (f.name == n && f.arity == arity) return f.entry;
    return nullptr;
  }
  static bool is(const Word* at, Instr i) { return at && instr_at(at[0]) == i; }

  std::unique_ptr<VM> vm_;
  Module* module_ = nullptr;
};

TEST_F(FusedShapes, ArithmeticAndComparesWithSmallConstants) {
  EXPECT_TRUE(is(entry("inc", 1), Instr::i_plus_imm));
  EXPECT_TRUE(is(entry("dec", 1), Instr::i_minus_imm));
  EXPECT_TRUE(is(entry("lt2", 1), Instr::i_is_lt_imm));
  EXPECT_TRUE(is(entry("ge0", 1), Instr::i_is_ge_imm));
}

TEST_F(FusedShapes, ExactCompareWithAnImmediateThenMoveReturn) {
  // tree(0) -> nil: is_eq_exact x0 0, then move nil x0 + return.
  const Word* at = entry("tree", 1);
  ASSERT_TRUE(is(at, Instr::i_is_eq_exact_imm));
  EXPECT_EQ(spec::i_is_eq_exact_imm::imm(at), Term(make_small(0)));
  EXPECT_TRUE(is(at + spec::i_is_eq_exact_imm::words, Instr::i_move_return));
}

TEST_F(FusedShapes, TupleTestAndListWalk) {
  // count({L, R}): is_tuple + test_arity become one instruction.
  EXPECT_TRUE(is(entry("count", 1), Instr::i_is_tuple_arity));
  // app([H | T], L): is_nonempty_list, then allocate + get_list as one.
  const Word* at = entry("app", 2);
  ASSERT_TRUE(is(at, Instr::i_is_nonempty_list));
  EXPECT_TRUE(is(at + spec::i_is_nonempty_list::words, Instr::i_allocate_get_list));
}

// Hostile files: instructions whose handlers take a register operand apart without a test must
// never be handed a constant they would read through as a register index or a pointer. The
// loader fuses allocate + get_list, so get_list is tried both right after allocate and alone.
class HostileOperands : public ::testing::Test {
 protected:
  // The load error of a module whose f/0 has `body` (empty when it loads), and its code.
  std::string load(const test::Bytes& body, const Word** code = nullptr) {
    VMOptions opts;
    opts.use_otp_path = false;
    vm_ = std::make_unique<VM>(opts);
    try {
      BeamFile bf = parse_beam(test::module_with_body(body), "m.beam", vm_->atoms());
      module_ = translate_module(bf, vm_->load_env());
    } catch (const BeamError& e) {
      return e.what();
    }
    if (code) *code = module_->functions.empty() ? nullptr : module_->functions[0].entry;
    return "";
  }
  std::unique_ptr<VM> vm_;
  std::unique_ptr<Module> module_;
};

// Compact operands: 0x10 = untagged 1, 0x00 = untagged 0, 0x03/0x13/0x23 = x0/x1/x2, 0x42 = the
// atom `ok`, 0x02 = []. Opcodes: 0x0C allocate/2, 0x41 get_list/3, 0xA2 get_hd/2, 0xA3 get_tl/2,
// 0x42 get_tuple_element/3, 0x12 deallocate/1, 0x13 return.
TEST_F(HostileOperands, AllocateThenGetListOfAConstantIsALoadError) {
  std::string e = load({0x0C, 0x10, 0x00, 0x41, 0x42, 0x13, 0x23, 0x12, 0x10, 0x13});
  EXPECT_NE(e.find("not a list cell"), std::string::npos) << e;
  e = load({0x0C, 0x10, 0x00, 0x41, 0x02, 0x13, 0x23, 0x12, 0x10, 0x13});
  EXPECT_NE(e.find("not a list cell"), std::string::npos) << e;
}

TEST_F(HostileOperands, GetListHdTlOfAConstantAreLoadErrors) {
  for (uint8_t opcode : {0xA2, 0xA3}) {
    std::string e = load({opcode, 0x42, 0x13, 0x13});
    EXPECT_NE(e.find("not a list cell"), std::string::npos) << int(opcode) << ": " << e;
  }
  std::string e = load({0x41, 0x42, 0x13, 0x23, 0x13});
  EXPECT_NE(e.find("not a list cell"), std::string::npos) << e;
  e = load({0x42, 0x42, 0x00, 0x13, 0x13});
  EXPECT_NE(e.find("not a tuple"), std::string::npos) << e;
}

TEST_F(HostileOperands, RegisterSourcesStillFuse) {
  const Word* code = nullptr;
  ASSERT_EQ(load({0x0C, 0x10, 0x00, 0x41, 0x03, 0x13, 0x23, 0x12, 0x10, 0x13}, &code), "");
  ASSERT_NE(code, nullptr);
  EXPECT_EQ(code[0], reinterpret_cast<Word>(interpreter_handlers()[unsigned(Instr::i_allocate_get_list)]));
}

// Every module's threaded code walks from instruction to instruction with the widths of the
// spec lines and ends exactly at its last word: the translator wrote what the specs say.
TEST(InstrSpecs, ThreadedCodeWalksByTheSpecWidths) {
  VMOptions opts;
  opts.code_path = {BEAMRUN_TEST_BEAM_DIR};
  VM vm(opts);
  size_t modules = 0, instructions = 0;
  for (const char* name : {"lists", "maps", "io_lib_format", "string", "unicode", "binary", "ets", "gen_server",
                           "interp_fused_shapes", "erl_scan", "erl_parse", "filename", "sets", "dict", "proplists"}) {
    std::string err;
    const Module* m = vm.ensure_loaded(vm.atoms().intern(name), &err);
    ASSERT_NE(m, nullptr) << name << ": " << err;
    const Word* end = m->code.get() + m->code_words;
    const Word* I = m->code.get();
    while (I < end) {
      Instr i = instr_at(I[0]);
      ASSERT_NE(i, Instr::count) << name << " word " << (I - m->code.get());
      I += instr_spec(i).width(I);
      ++instructions;
    }
    EXPECT_EQ(I, end) << name;
    for (const FunctionInfo& f : m->functions) EXPECT_EQ(instr_at(f.info[0]), Instr::i_func_info) << name;
    ++modules;
  }
  EXPECT_EQ(modules, 15u);
  EXPECT_GT(instructions, 10000u);
}

// The emitters' operand types: a register is a source, a constant is not a register, and no
// source (which may be a constant) passes for a register.
static_assert(std::is_convertible_v<RegOperand, SrcOperand> && std::is_convertible_v<ConstOperand, SrcOperand>);
static_assert(!std::is_convertible_v<SrcOperand, RegOperand> && !std::is_convertible_v<ConstOperand, RegOperand>);
static_assert(!std::is_convertible_v<Word, RegOperand> && !std::is_convertible_v<Word, LabelRef>);

// Facts the interpreter's shared handler bodies rely on, checked where anyone can read them.
static_assert(spec::i_plus::at::dst == spec::i_bif::at::dst && spec::i_element::at::tail == spec::i_bif::at::tail);
static_assert(spec::i_bif::width_n(2) == spec::i_plus_imm::words);
static_assert(instr_spec(Instr::i_hd).layout == unsigned(Instr::i_bif));
static_assert(spec::i_select_val::group == 2 && spec::i_select_val::tail_kinds[1] == OpKind::L);

}  // namespace
}  // namespace beamrun
