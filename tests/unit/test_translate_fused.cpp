// The loader's superinstructions and operand shapes (loader/translate_fused.cpp) are chosen
// for the code erlc emits; these tests pin a few, so a change that silently stops fusing shows
// here rather than only as a slower benchmark. What the fused code computes is checked by the
// differential program tests/erlang/interp_fused_shapes.erl, compiled from the same source.
#include <gtest/gtest.h>

#include "vm/instructions.h"
#include "vm/interp.h"
#include "vm/module.h"
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
  static bool is(const Word* at, Instr i) { return at && at[0] == reinterpret_cast<Word>(interpreter_handlers()[unsigned(i)]); }

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
  // tree(0) -> nil: is_eq_exact x0 0 (4 words), then move nil x0 + return.
  const Word* at = entry("tree", 1);
  ASSERT_TRUE(is(at, Instr::i_is_eq_exact_imm));
  EXPECT_EQ(at[3], Word(make_small(0)));
  EXPECT_TRUE(is(at + 4, Instr::i_move_return));
}

TEST_F(FusedShapes, TupleTestAndListWalk) {
  // count({L, R}): is_tuple + test_arity become one instruction.
  EXPECT_TRUE(is(entry("count", 1), Instr::i_is_tuple_arity));
  // app([H | T], L): is_nonempty_list (3 words), then allocate + get_list as one.
  const Word* at = entry("app", 2);
  ASSERT_TRUE(is(at, Instr::i_is_nonempty_list));
  EXPECT_TRUE(is(at + 3, Instr::i_allocate_get_list));
}

}  // namespace
}  // namespace beamrun
