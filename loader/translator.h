// translator.h - the load-time translator's emitter, shared by translate.cpp (the core
// instructions), translate_bits.cpp (bit syntax) and translate_maps.cpp (maps).
//
// Each translate_* hook looks at the generic instruction at `index` and either emits threaded
// code for it and returns true, or returns false for an instruction it does not handle.
#pragma once
#include <algorithm>
#include <string>
#include <vector>

#include "loader/beam_file.h"
#include "loader/compact.h"
#include "loader/genop.h"
#include "loader/instructions.h"
#include "loader/module.h"
#include "loader/translate.h"

namespace beamrun {

using K = Operand::Kind;

inline const char* genop_name(unsigned opcode) {
  const GenopInfo* g = genop_info(opcode);
  return g ? g->name : "unknown opcode";
}

class Translator {
 public:
  Translator(const BeamFile& bf, const LoadEnv& env) : bf_(bf), env_(env), h_(env.handlers) {
    label_pos_.assign(bf.label_count + 1, -1);
  }

  std::unique_ptr<Module> run();

  // ---- state ----
  [[noreturn]] void fail(const GenericInstr& gi, const std::string& what) const {
    throw BeamError(bf_.path + ": " + genop_name(gi.opcode) + " at code offset " +
                    std::to_string(gi.offset) + ": " + what);
  }
  // ---- what the generated emitters (spec::<name>::emit, loader/instr_spec.h) call ----
  // Instructions are written only through those emitters: spec::i_move::emit(t, reg(..), reg(..)).
  void op(Instr i) { code_.push_back(reinterpret_cast<Word>(h_[unsigned(i)])); }
  void put(Word n) { code_.push_back(n); }
  void put(RegOperand r) { code_.push_back(r.w); }
  void put(SrcOperand s) { code_.push_back(s.w); }
  void put(ConstOperand c) { code_.push_back(c.t); }
  void put(LabelRef l) {
    if (l.label != 0) label_uses_.push_back({code_.size(), l.label});
    code_.push_back(0);
  }
  void put(ExportRef e) { code_.push_back(reinterpret_cast<Word>(e.e)); }
  void put(BifRef f) { code_.push_back(reinterpret_cast<Word>(f.f)); }
  void put(XIndex x) { code_.push_back(x.n); }
  void put(YIndex y) { code_.push_back(y.n); }
  void put(FRegIndex f) { code_.push_back(f.n); }
  void put(FunctionRef f) {
    function_uses_.push_back({code_.size(), f.index});
    code_.push_back(0);
  }
  void put(LambdaRef l) {
    lambda_uses_.push_back({code_.size(), l.index});
    code_.push_back(0);
  }
  void put(const char* s) { code_.push_back(reinterpret_cast<Word>(s)); }
  void put(const SandboxPolicy* s) { code_.push_back(reinterpret_cast<Word>(s)); }

  // ---- operands, checked and typed ----
  LabelRef label(const GenericInstr& gi, const Operand& o, bool allow_zero = false) {
    if (o.kind != K::Label) fail(gi, "expected a label operand");
    if (o.index == 0) {
      if (!allow_zero) fail(gi, "label 0 where a label is required");
      return LabelRef::none();
    }
    if (o.index > bf_.label_count) fail(gi, "label " + std::to_string(o.index) + " out of range");
    return LabelRef{o.index};
  }
  RegOperand reg(const GenericInstr& gi, const Operand& o) {
    if (o.kind == K::XReg) {
      if (o.index >= MAX_X_REGS - 4) fail(gi, "x register out of range");
      return RegOperand{Word(o.index) << 3};
    }
    if (o.kind == K::YReg) {
      if (o.index >= frame_limit_) fail(gi, "y register outside every stack frame of its function");
      return RegOperand{(Word(o.index) << 3) | 4};
    }
    fail(gi, "expected a register operand");
  }
  static bool is_reg(const Operand& o) { return o.kind == K::XReg || o.kind == K::YReg; }
  // A constant source operand (what src() accepts besides registers).
  ConstOperand constant(const GenericInstr& gi, const Operand& o) {
    switch (o.kind) {
      case K::Integer: case K::Atom: case K::Literal: case K::Nil: return ConstOperand{o.term};
      case K::Char: return ConstOperand{make_small(o.index)};
      default: fail(gi, is_reg(o) ? "expected a constant operand" : "expected a source operand");
    }
  }
  SrcOperand src(const GenericInstr& gi, const Operand& o) {
    if (is_reg(o)) return reg(gi, o);
    return constant(gi, o);
  }
  // The size operand of bs_init2 and bs_init_bits. Compilers before OTP 25 (erlc 24 wrote
  // Elixir 1.14's stdlib) give a size known at compile time untagged, and ERTS's loader
  // accepts exactly these two instructions so (ops.tab: `bs_init2 Fail Sz=u ...`), with a
  // `u` beyond 64 bits meaning system_limit. Both become integer constants here: a size too
  // big for a small is a bignum, which i_bs_init turns into system_limit (or the fail label).
  // Any other position refuses `u` where a term is meant, as ERTS does.
  SrcOperand size_src(const GenericInstr& gi, const Operand& o) {
    if (o.kind == K::Overflow) return ConstOperand{o.term};
    if (o.kind != K::Untagged) return src(gi, o);
    RawCompact raw;
    raw.value = o.value;
    return ConstOperand{compact_unsigned(raw, *bf_.literal_area)};
  }
  // A source for an R operand (loader/instructions.h). A constant is first moved into one of the
  // loader's two scratch registers, which no instruction can name (reg() refuses the top
  // four), so R handlers never test for constants. Call it before op() of the instruction it
  // feeds; an instruction with two R operands uses scratch 0 for one and 1 for the other.
  RegOperand rsrc(const GenericInstr& gi, const Operand& o, unsigned scratch_index = 0) {
    if (is_reg(o)) return reg(gi, o);
    RegOperand scratch = RegOperand::x(SCRATCH_X - scratch_index);
    spec::i_move_c::emit(*this, constant(gi, o), scratch);
    return scratch;
  }
  // The source of get_list, get_hd and get_tl: a register, or a constant that is a list cell
  // (their handlers take the cell apart without a test; a constant is known now, so anything
  // else is a load error rather than a read through a bogus pointer).
  RegOperand cons_src(const GenericInstr& gi, const Operand& o) {
    if (o.kind != K::XReg && o.kind != K::YReg && !(o.kind == K::Literal && is_list(o.term)))
      fail(gi, "takes apart a constant that is not a list cell");
    return rsrc(gi, o);
  }
  // The source of get_tuple_element: a register, or a literal tuple with that element.
  RegOperand tuple_src(const GenericInstr& gi, const Operand& o, uint64_t element) {
    if (o.kind != K::XReg && o.kind != K::YReg &&
        !(o.kind == K::Literal && is_tuple(o.term) && element < tuple_arity(o.term)))
      fail(gi, "takes an element of a constant that is not a tuple of that size");
    return rsrc(gi, o);
  }
  static constexpr unsigned SCRATCH_X = MAX_X_REGS - 1;
  uint64_t untagged(const GenericInstr& gi, const Operand& o) {
    if (o.kind == K::Untagged) return o.value;
    if (o.kind == K::Integer && is_small(o.term) && small_value(o.term) >= 0) return Uint(small_value(o.term));
    fail(gi, "expected an untagged number");
  }
  // A call's arity: the x registers a preempted call must save, so it is bounded.
  uint64_t arity_operand(const GenericInstr& gi, const Operand& o) {
    uint64_t a = untagged(gi, o);
    if (a >= MAX_X_REGS - 8) fail(gi, "arity out of range");
    return a;
  }
  YIndex yindex(const GenericInstr& gi, const Operand& o) {
    if (o.kind != K::YReg) fail(gi, "expected a y register");
    if (o.index >= frame_limit_) fail(gi, "y register outside every stack frame of its function");
    return YIndex{o.index};
  }
  // The largest frame any allocate in the function starting at `index` asks for: Y operands of
  // that function must lie inside it, so hostile code cannot reach past the stack.
  uint32_t largest_frame(size_t index) const {
    uint64_t largest = 0;
    for (size_t i = index; i < bf_.code.size(); ++i) {
      const GenericInstr& g = bf_.code[i];
      if (i > index && g.opcode == op_func_info) break;
      bool alloc = g.opcode == op_allocate || g.opcode == op_allocate_zero ||
                   g.opcode == op_allocate_heap || g.opcode == op_allocate_heap_zero;
      if (alloc && !g.ops.empty() && g.ops[0].kind == K::Untagged) largest = std::max(largest, g.ops[0].value);
    }
    return uint32_t(std::min<uint64_t>(largest, 1u << 20));
  }
  FRegIndex freg(const GenericInstr& gi, const Operand& o) {
    if (o.kind != K::FloatReg || o.index >= MAX_F_REGS) fail(gi, "expected a float register");
    return FRegIndex{o.index};
  }
  // Heap words an allocation operand (a number or an allocation list) asks for.
  uint64_t heap_need(const GenericInstr& gi, const Operand& o) {
    if (o.kind != K::AllocList) return untagged(gi, o);
    uint64_t words = 0;
    for (size_t i = 0; i + 1 < o.list.size(); i += 2) {
      uint64_t kind = untagged(gi, o.list[i]), n = untagged(gi, o.list[i + 1]);
      words += kind == 0 ? n : kind == 1 ? n * FLOAT_WORDS : n * (FUN_HEADER_WORDS + 8);
    }
    return words;
  }
  const ImportEntry& import(const GenericInstr& gi, const Operand& o) {
    uint64_t i = untagged(gi, o);
    if (i >= bf_.imports.size()) fail(gi, "import index out of range");
    return bf_.imports[i];
  }
  void emit_call_ext(const GenericInstr& gi, const Operand& imp, int kind, uint64_t dealloc);
  void emit_bif(const GenericInstr& gi, const Operand& fail_label, const Operand& bif,
                size_t first_arg, size_t argc, Word live, const Operand& dst);
  // rsrc() may emit a move into a scratch register: it runs before the emitter writes the op.
  void emit_type_test(const GenericInstr& gi, Instr i) {
    RegOperand s = rsrc(gi, gi.ops[1]);
    spec::i_is_integer::emit_as(*this, i, label(gi, gi.ops[0]), s);
  }
  void emit_compare(const GenericInstr& gi, Instr i) {
    RegOperand a = rsrc(gi, gi.ops[1], 0), b = rsrc(gi, gi.ops[2], 1);
    spec::i_is_lt::emit_as(*this, i, label(gi, gi.ops[0]), a, b);
  }
  void emit_select(const GenericInstr& gi, bool by_arity);
  // Sandboxed modules only (env_.policy set; loader/sandbox.h). A denied static call becomes
  // i_not_allowed, a call to binary_to_term gets a check of its result (true: nothing else to
  // emit); a call to a gadget gets its argument check first. kind as emit_call_ext's, -1 for
  // a BIF instruction.
  bool emit_sandbox_static(const GenericInstr& gi, const ImportEntry& ie, int kind, uint64_t dealloc);
  bool sandboxed() const { return env_.policy != nullptr; }
  // Export funs in the literals to what the policy refuses become the module's own entries
  // (Module::guarded_funs) whose code raises not_allowed, whoever calls them.
  void guard_literal_funs();
  void emit_not_implemented(const GenericInstr& gi) { spec::i_not_implemented::emit(*this, genop_name(gi.opcode)); }
  // True when the instructions after `at` are `deallocate N; return` or `return`.
  bool followed_by_return(size_t at, uint64_t* dealloc) const;
  void translate(size_t index);
  bool translate_structure(const GenericInstr& gi, size_t index);
  bool translate_calls(const GenericInstr& gi, size_t index);
  bool translate_frames(const GenericInstr& gi);
  bool translate_tests(const GenericInstr& gi);
  bool translate_data(const GenericInstr& gi);
  bool translate_receive(const GenericInstr& gi);
  bool translate_exceptions(const GenericInstr& gi);
  bool translate_floats(const GenericInstr& gi);

  const BeamFile& bf_;
  const LoadEnv& env_;  // the VM loaded into
  const void* const* h_;
  std::vector<Word> code_;
  std::vector<int64_t> label_pos_;
  std::vector<std::pair<size_t, uint32_t>> label_uses_;     // code position -> label
  std::vector<std::pair<size_t, uint32_t>> function_uses_;  // code position -> function index
  std::vector<std::pair<size_t, uint32_t>> lambda_uses_;    // code position -> lambda index
  std::vector<FunctionInfo> functions_;
  std::vector<size_t> function_offsets_;
  std::vector<std::pair<uint32_t, uint32_t>> line_map_;
  std::vector<std::pair<size_t, std::unique_ptr<Export>>> guarded_funs_;  // code position -> entry
  size_t skip_ = 0;  // generic instructions already consumed by a peephole
  uint32_t frame_limit_ = 0;  // Y operands of the current function must be below this
};

bool translate_fused(Translator& t, size_t index);
bool translate_bits(Translator& t, size_t index);
bool translate_maps(Translator& t, size_t index);

}  // namespace beamrun
