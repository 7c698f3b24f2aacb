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
#include "loader/translate.h"
#include "loader/module.h"

namespace beamrun {

using K = Operand::Kind;

inline const char* genop_name(unsigned opcode) {
  const GenopInfo* g = genop_info(opcode);
  return g ? g->name : "unknown opcode";
}

class Translator {
 public:
  Translator(const BeamFile& bf, const LoadEnv& env) : bf_(bf), vm_(env), h_(env.handlers_) {
    label_pos_.assign(bf.label_count + 1, -1);
  }

  std::unique_ptr<Module> run();

  // ---- state ----
  [[noreturn]] void fail(const GenericInstr& gi, const std::string& what) const {
    throw BeamError(bf_.path + ": " + genop_name(gi.opcode) + " at code offset " +
                    std::to_string(gi.offset) + ": " + what);
  }
  void op(Instr i) { code_.push_back(reinterpret_cast<Word>(h_[unsigned(i)])); }
  void word(Word w) { code_.push_back(w); }
  void label(const GenericInstr& gi, const Operand& o, bool allow_zero = false) {
    if (o.kind != K::Label) fail(gi, "expected a label operand");
    if (o.index == 0) {
      if (!allow_zero) fail(gi, "label 0 where a label is required");
      word(0);
      return;
    }
    if (o.index > bf_.label_count) fail(gi, "label " + std::to_string(o.index) + " out of range");
    label_uses_.push_back({code_.size(), o.index});
    word(0);
  }
  Word reg(const GenericInstr& gi, const Operand& o) {
    if (o.kind == K::XReg) {
      if (o.index >= MAX_X_REGS - 4) fail(gi, "x register out of range");
      return Word(o.index) << 3;
    }
    if (o.kind == K::YReg) {
      if (o.index >= frame_limit_) fail(gi, "y register outside every stack frame of its function");
      return (Word(o.index) << 3) | 4;
    }
    fail(gi, "expected a register operand");
  }
  Word src(const GenericInstr& gi, const Operand& o) {
    switch (o.kind) {
      case K::XReg: case K::YReg: return reg(gi, o);
      case K::Integer: case K::Atom: case K::Literal: case K::Nil: return o.term;
      case K::Char: return make_small(o.index);
      default: fail(gi, "expected a source operand");
    }
  }
  // The size operand of bs_init2 and bs_init_bits. Compilers before OTP 25 (erlc 24 wrote
  // Elixir 1.14's stdlib) give a size known at compile time untagged, and ERTS's loader
  // accepts exactly these two instructions so (ops.tab: `bs_init2 Fail Sz=u ...`), with a
  // `u` beyond 64 bits meaning system_limit. Both become integer constants here: a size too
  // big for a small is a bignum, which i_bs_init turns into system_limit (or the fail label).
  // Any other position refuses `u` where a term is meant, as ERTS does.
  Word size_src(const GenericInstr& gi, const Operand& o) {
    if (o.kind == K::Overflow) return o.term;
    if (o.kind != K::Untagged) return src(gi, o);
    RawCompact raw;
    raw.value = o.value;
    return compact_unsigned(raw, *bf_.literal_area);
  }
  // A source for an R operand (loader/instructions.h). A constant is first moved into one of the
  // loader's two scratch registers, which no instruction can name (reg() refuses the top
  // four), so R handlers never test for constants. Call it before op() of the instruction it
  // feeds; an instruction with two R operands uses scratch 0 for one and 1 for the other.
  Word rsrc(const GenericInstr& gi, const Operand& o, unsigned scratch_index = 0) {
    if (o.kind == K::XReg || o.kind == K::YReg) return reg(gi, o);
    Word scratch = Word(SCRATCH_X - scratch_index) << 3;
    op(Instr::i_move_c);
    word(src(gi, o));
    word(scratch);
    return scratch;
  }
  // The source of get_list, get_hd and get_tl: a register, or a constant that is a list cell
  // (their handlers take the cell apart without a test; a constant is known now, so anything
  // else is a load error rather than a read through a bogus pointer).
  Word cons_src(const GenericInstr& gi, const Operand& o) {
    if (o.kind != K::XReg && o.kind != K::YReg && !(o.kind == K::Literal && is_list(o.term)))
      fail(gi, "takes apart a constant that is not a list cell");
    return rsrc(gi, o);
  }
  // The source of get_tuple_element: a register, or a literal tuple with that element.
  Word tuple_src(const GenericInstr& gi, const Operand& o, uint64_t element) {
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
  uint32_t yindex(const GenericInstr& gi, const Operand& o) {
    if (o.kind != K::YReg) fail(gi, "expected a y register");
    if (o.index >= frame_limit_) fail(gi, "y register outside every stack frame of its function");
    return o.index;
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
  uint32_t freg(const GenericInstr& gi, const Operand& o) {
    if (o.kind != K::FloatReg || o.index >= MAX_F_REGS) fail(gi, "expected a float register");
    return o.index;
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
  void emit_type_test(const GenericInstr& gi, Instr i) {
    Word s = rsrc(gi, gi.ops[1]);
    op(i);
    label(gi, gi.ops[0]);
    word(s);
  }
  void emit_compare(const GenericInstr& gi, Instr i) {
    Word a = rsrc(gi, gi.ops[1], 0), b = rsrc(gi, gi.ops[2], 1);
    op(i);
    label(gi, gi.ops[0]);
    word(a);
    word(b);
  }
  void emit_select(const GenericInstr& gi, Instr i, bool by_arity);
  void emit_not_implemented(const GenericInstr& gi) {
    op(Instr::i_not_implemented);
    word(reinterpret_cast<Word>(genop_name(gi.opcode)));
  }
  // True when the instructions after `at` are `deallocate N; return` or `return`.
  bool followed_by_return(size_t at, uint64_t* dealloc) const;
  void translate(size_t index);

  const BeamFile& bf_;
  const LoadEnv& vm_;  // the VM loaded into
  const void* const* h_;
  std::vector<Word> code_;
  std::vector<int64_t> label_pos_;
  std::vector<std::pair<size_t, uint32_t>> label_uses_;     // code position -> label
  std::vector<std::pair<size_t, size_t>> function_uses_;    // code position -> function index
  std::vector<std::pair<size_t, uint32_t>> lambda_uses_;    // code position -> lambda index
  std::vector<FunctionInfo> functions_;
  std::vector<size_t> function_offsets_;
  std::vector<std::pair<uint32_t, uint32_t>> line_map_;
  size_t skip_ = 0;  // generic instructions already consumed by a peephole
  uint32_t frame_limit_ = 0;  // Y operands of the current function must be below this
};

bool translate_fused(Translator& t, size_t index);
bool translate_bits(Translator& t, size_t index);
bool translate_maps(Translator& t, size_t index);

}  // namespace beamrun
