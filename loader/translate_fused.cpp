// translate_fused.cpp - superinstructions and operand shapes chosen at load time.
//
// The interpreter pays one indirect jump per instruction, so frequent neighbours are fused
// into one instruction (move + return, deallocate + return, two moves, is_tuple + test_arity,
// test_heap + put_tuple2 or put_list, allocate + get_list, two get_tuple_elements,
// is_nonempty_list + get_list), and frequent operand shapes get handlers that skip a decode
// (compares with an immediate, + and - with a small constant). Only instructions next to each
// other in the generic code are fused: a label between them is an instruction of its own, so
// no jump can land inside a fused pair. None of the fused instructions can raise, so no line
// entry is lost.
#include "loader/translator.h"

namespace beamrun {

namespace {

bool is_immediate_constant(const Operand& o) {
  switch (o.kind) {
    case K::Integer: return is_small(o.term);
    case K::Atom: case K::Nil: case K::Char: return true;
    default: return false;
  }
}

bool is_reg(const Operand& o) { return Translator::is_reg(o); }
bool same_reg(const Operand& a, const Operand& b) { return a.kind == b.kind && is_reg(a) && a.index == b.index; }
bool is_x0(const Operand& o) { return o.kind == K::XReg && o.index == 0; }

}  // namespace

bool translate_fused(Translator& t, size_t index) {
  const std::vector<GenericInstr>& code = t.bf_.code;
  const GenericInstr& gi = code[index];
  const GenericInstr* next = index + 1 < code.size() ? &code[index + 1] : nullptr;
  const GenericInstr* next2 = index + 2 < code.size() ? &code[index + 2] : nullptr;
  auto next_is = [](const GenericInstr* g, unsigned opcode) { return g && g->opcode == opcode; };
  const auto& o = gi.ops;

  switch (gi.opcode) {
    case op_move:
      if (is_x0(o[1]) && next_is(next, op_return)) {
        spec::i_move_return::emit(t, t.src(gi, o[0]));
        t.skip_ = 1;
        return true;
      }
      if (is_x0(o[1]) && next_is(next, op_deallocate) && next_is(next2, op_return)) {
        spec::i_move_deallocate_return::emit(t, t.src(gi, o[0]), t.untagged(*next, next->ops[0]));
        t.skip_ = 2;
        return true;
      }
      if (next_is(next, op_move) && is_reg(o[0]) && is_reg(next->ops[0]) && !(is_x0(next->ops[1]) && (next_is(next2, op_return) || next_is(next2, op_deallocate)))) {
        spec::i_move2::emit(t, t.reg(gi, o[0]), t.reg(gi, o[1]), t.reg(*next, next->ops[0]), t.reg(*next, next->ops[1]));
        t.skip_ = 1;
        return true;
      }
      return false;
    case op_deallocate:
      if (next_is(next, op_return)) {
        spec::i_deallocate_return::emit(t, t.untagged(gi, o[0]));
        t.skip_ = 1;
        return true;
      }
      return false;
    case op_allocate:
    case op_allocate_zero:
    case op_allocate_heap:
    case op_allocate_heap_zero: {
      // i_allocate sets every new slot to [], so the init_yregs after it have nothing to do.
      bool heap = gi.opcode == op_allocate_heap || gi.opcode == op_allocate_heap_zero;
      uint64_t slots = t.untagged(gi, o[0]);
      // Only with a register source: i_allocate_get_list goes on into i_get_list, whose source
      // is an R operand, and a constant cannot be moved into a scratch register across a
      // collection in allocate. translate.cpp's get_list handles (and checks) constants.
      if (next_is(next, op_get_list) && is_reg(next->ops[0])) {
        spec::i_allocate_get_list::emit(t, slots, heap ? t.heap_need(gi, o[1]) : 0, t.untagged(gi, o[heap ? 2 : 1]),
                                        t.reg(*next, next->ops[0]), t.reg(*next, next->ops[1]),
                                        t.reg(*next, next->ops[2]));
        t.skip_ = 1;
        return true;
      }
      if (!next_is(next, op_init_yregs) || next->ops.empty() || next->ops[0].kind != K::List) return false;
      for (const Operand& y : next->ops[0].list)
        if (t.yindex(*next, y).n >= slots) return false;
      spec::i_allocate::emit(t, slots, heap ? t.heap_need(gi, o[1]) : 0, t.untagged(gi, o[heap ? 2 : 1]));
      t.skip_ = 1;
      return true;
    }
    case op_is_eq_exact:
    case op_is_ne_exact: {
      const Operand* v = &o[1];
      const Operand* c = &o[2];
      if (is_immediate_constant(*v)) std::swap(v, c);
      if (!is_immediate_constant(*c) || !is_reg(*v)) return false;
      spec::i_is_eq_exact_imm::emit_as(t, gi.opcode == op_is_eq_exact ? Instr::i_is_eq_exact_imm : Instr::i_is_ne_exact_imm,
                                       t.label(gi, o[0]), t.reg(gi, *v), t.constant(gi, *c));
      return true;
    }
    case op_is_lt:
    case op_is_ge:
      // x < 2, N >= 0: the constant needs no decode and no tag test.
      if (!is_reg(o[1]) || o[2].kind != K::Integer || !is_small(o[2].term)) return false;
      spec::i_is_lt_imm::emit_as(t, gi.opcode == op_is_lt ? Instr::i_is_lt_imm : Instr::i_is_ge_imm, t.label(gi, o[0]),
                                 t.reg(gi, o[1]), ConstOperand{o[2].term});
      return true;
    case op_is_tuple:
      if (next_is(next, op_test_arity) && same_reg(o[1], next->ops[1])) {
        spec::i_is_tuple_arity::emit(t, t.label(gi, o[0]), t.label(*next, next->ops[0]), t.reg(gi, o[1]),
                                     t.untagged(*next, next->ops[2]));
        t.skip_ = 1;
        return true;
      }
      return false;
    case op_is_nonempty_list:
      if (next_is(next, op_get_list) && same_reg(o[1], next->ops[0])) {
        spec::i_is_nonempty_list_get::emit(t, t.label(gi, o[0]), t.reg(gi, o[1]), t.reg(*next, next->ops[1]),
                                           t.reg(*next, next->ops[2]));
        t.skip_ = 1;
        return true;
      }
      return false;
    case op_get_tuple_element:
      if (next_is(next, op_get_tuple_element) && same_reg(o[0], next->ops[0]) && !same_reg(o[2], o[0])) {
        spec::i_get_two_elements::emit(t, t.reg(gi, o[0]), t.untagged(gi, o[1]), t.reg(gi, o[2]),
                                       t.untagged(*next, next->ops[1]), t.reg(*next, next->ops[2]));
        t.skip_ = 1;
        return true;
      }
      return false;
    case op_test_heap:
      if (next_is(next, op_put_list)) {
        spec::i_put_list_heap::emit(t, t.heap_need(gi, o[0]), t.untagged(gi, o[1]), t.src(*next, next->ops[0]),
                                    t.src(*next, next->ops[1]), t.reg(*next, next->ops[2]));
        t.skip_ = 1;
        return true;
      }
      if (next_is(next, op_put_tuple2) && next->ops[1].kind == K::List) {
        RegOperand d = t.reg(*next, next->ops[0]);
        std::vector<spec::i_put_tuple2_heap::Entry> elems;
        for (const Operand& s : next->ops[1].list) elems.push_back({t.src(*next, s)});
        spec::i_put_tuple2_heap::emit(t, t.heap_need(gi, o[0]), t.untagged(gi, o[1]), d, elems);
        t.skip_ = 1;
        return true;
      }
      return false;
    default:
      return false;
  }
}

}  // namespace beamrun
