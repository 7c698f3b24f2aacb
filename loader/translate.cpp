// translate.cpp - generic BEAM instructions to threaded code (see loader/instructions.h).
//
// One pass emits handler addresses and pre-decoded operands into a word vector, recording
// where labels are defined and where they are used; a final pass turns label uses into
// absolute addresses once the code has its final place in memory. Anything malformed (an
// unknown label, a register out of range, an operand of the wrong kind) is a BeamError.
#include "loader/translate.h"
#include "loader/translator.h"

#include <algorithm>
#include <cstring>

#include "loader/genop.h"
#include "loader/instructions.h"

namespace beamrun {


void Translator::emit_call_ext(const GenericInstr& gi, const Operand& imp, int kind, uint64_t dealloc) {
  // kind: 0 body call, 1 call_last (dealloc), 2 call_only
  const ImportEntry& ie = import(gi, imp);
  Export* e = env_.exports.get(ie.module, ie.function, ie.arity);
  if (sandboxed() && emit_sandbox_static(gi, ie, kind, dealloc)) return;
  if (ie.module == atom::erlang && ie.function == atom::apply && (ie.arity == 3 || ie.arity == 2)) {
    bool three = ie.arity == 3;
    if (kind == 0) spec::i_apply3::emit_as(*this, three ? Instr::i_apply3 : Instr::i_apply_fun);
    else if (kind == 1) spec::i_apply3_last::emit_as(*this, three ? Instr::i_apply3_last : Instr::i_apply_fun_last, dealloc);
    else spec::i_apply3::emit_as(*this, three ? Instr::i_apply3_only : Instr::i_apply_fun_only);
    return;
  }
  if (BifFn fn = env_.exports.find_bif(ie.module, ie.function, ie.arity)) {
    if (kind == 1) spec::i_call_bif_last::emit(*this, BifRef{fn}, ExportRef{e}, dealloc);
    else spec::i_call_bif::emit_as(*this, kind == 0 ? Instr::i_call_bif : Instr::i_call_bif_only, BifRef{fn}, ExportRef{e});
    return;
  }
  if (kind == 1) spec::i_call_ext_last::emit(*this, ExportRef{e}, dealloc);
  else spec::i_call_ext::emit_as(*this, kind == 0 ? Instr::i_call_ext : Instr::i_call_ext_only, ExportRef{e});
}

void Translator::emit_bif(const GenericInstr& gi, const Operand& fail_label, const Operand& bif,
                          size_t first_arg, size_t argc, Word live, const Operand& dst) {
  const ImportEntry& ie = import(gi, bif);
  if (ie.arity != argc) fail(gi, "BIF arity does not match its operands");
  // No gadget is a guard BIF: only the denial can apply here.
  if (sandboxed() && emit_sandbox_static(gi, ie, -1, 0)) return;
  // Every instruction chosen here has i_bif's layout (LIKE(i_bif) in loader/instructions.h), or
  // for the _imm forms i_plus_imm's, which is an i_bif of two arguments.
  Instr which = Instr::i_bif;
  if (ie.module == atom::erlang && argc == 2 && ie.function == atom::plus) which = Instr::i_plus;
  if (ie.module == atom::erlang && argc == 2 && ie.function == atom::minus) which = Instr::i_minus;
  if (ie.module == atom::erlang && argc == 2 && ie.function == atom::times) which = Instr::i_times;
  if (ie.module == atom::erlang && argc == 2 && ie.function == atom::band) which = Instr::i_band;
  if (ie.module == atom::erlang && argc == 2 && ie.function == atom::bor) which = Instr::i_bor;
  if (ie.module == atom::erlang && argc == 2 && ie.function == atom::rem) which = Instr::i_rem;
  if (ie.module == atom::erlang && argc == 2 && ie.function == atom::div) which = Instr::i_intdiv;
  if (ie.module == atom::erlang && which == Instr::i_bif) {
    std::string_view name = env_.atoms.name(ie.function);
    if (argc == 2 && name == "element") which = Instr::i_element;
    if (argc == 1 && name == "tuple_size") which = Instr::i_tuple_size;
    if (argc == 1 && name == "hd") which = Instr::i_hd;
    if (argc == 1 && name == "tl") which = Instr::i_tl;
  }
  BifRef fn{env_.exports.find_bif(ie.module, ie.function, ie.arity)};
  ExportRef exp{env_.exports.get(ie.module, ie.function, ie.arity)};
  LabelRef fail_to = label(gi, fail_label, true);
  // A small constant as second operand needs no decode or tag test (x - 1, x * 17, x band 255).
  if (argc == 2) {
    const Operand& first = gi.ops[first_arg];
    const Operand& second = gi.ops[first_arg + 1];
    Instr imm = which == Instr::i_plus    ? Instr::i_plus_imm
                : which == Instr::i_minus ? Instr::i_minus_imm
                : which == Instr::i_times ? Instr::i_times_imm
                : which == Instr::i_band  ? Instr::i_band_imm
                                          : Instr::i_bif;
    if (imm != Instr::i_bif && is_reg(first) && second.kind == K::Integer && is_small(second.term)) {
      RegOperand a = reg(gi, first);
      ConstOperand b = constant(gi, second);
      spec::i_plus_imm::emit_as(*this, imm, fn, exp, fail_to, live, reg(gi, dst), 2, a, b);
      return;
    }
  }
  std::vector<spec::i_bif::Entry> args;
  for (size_t i = 0; i < argc; ++i) args.push_back({src(gi, gi.ops[first_arg + i])});
  spec::i_bif::emit_as(*this, which, fn, exp, fail_to, live, reg(gi, dst), args);
}

void Translator::emit_select(const GenericInstr& gi, bool by_arity) {
  const Operand& list = gi.ops[2];
  if (list.kind != K::List || list.list.size() % 2 != 0) fail(gi, "bad jump table");
  // Sorted by the value's word, as the interpreter's lookup searches them.
  std::vector<std::pair<Word, LabelRef>> table;
  for (size_t k = 0; k < list.list.size(); k += 2) {
    const Operand& v = list.list[k];
    if (!by_arity && is_reg(v)) fail(gi, "register in a jump table");
    table.push_back({by_arity ? untagged(gi, v) : constant(gi, v).t, label(gi, list.list[k + 1])});
  }
  std::sort(table.begin(), table.end(), [](auto& a, auto& b) { return a.first < b.first; });
  RegOperand s = rsrc(gi, gi.ops[0]);
  LabelRef fail_to = label(gi, gi.ops[1]);
  if (by_arity) {
    std::vector<spec::i_select_tuple_arity::Entry> entries;
    for (auto& [v, l] : table) entries.push_back({v, l});
    spec::i_select_tuple_arity::emit(*this, s, fail_to, entries);
  } else {
    std::vector<spec::i_select_val::Entry> entries;
    for (auto& [v, l] : table) entries.push_back({ConstOperand{v}, l});
    spec::i_select_val::emit(*this, s, fail_to, entries);
  }
}

bool Translator::followed_by_return(size_t at, uint64_t* dealloc) const {
  size_t i = at + 1;
  while (i < bf_.code.size() && bf_.code[i].opcode == op_line) ++i;
  if (i >= bf_.code.size()) return false;
  const GenericInstr& n = bf_.code[i];
  if (n.opcode == op_return) { *dealloc = 0; return true; }
  if (n.opcode == op_deallocate && i + 1 < bf_.code.size() && bf_.code[i + 1].opcode == op_return &&
      n.ops[0].kind == K::Untagged) {
    *dealloc = n.ops[0].value;
    return true;
  }
  return false;
}

// Labels, function headers, line numbers and markers that emit nothing.
bool Translator::translate_structure(const GenericInstr& gi, size_t index) {
  const auto& o = gi.ops;
  switch (gi.opcode) {
    case op_label: {
      uint32_t l = o[0].kind == K::Untagged ? uint32_t(o[0].value) : 0;
      if (l == 0 || l > bf_.label_count) fail(gi, "label number out of range");
      if (label_pos_[l] != -1) fail(gi, "label defined twice");
      label_pos_[l] = int64_t(code_.size());
      break;
    }
    case op_func_info: {
      if (o[0].kind != K::Atom || o[1].kind != K::Atom) fail(gi, "func_info needs atoms");
      FunctionInfo fi;
      fi.module = o[0].term;
      fi.name = o[1].term;
      fi.arity = uint32_t(untagged(gi, o[2]));
      if (fi.arity >= MAX_X_REGS - 4) fail(gi, "arity out of range");
      frame_limit_ = largest_frame(index);
      function_offsets_.push_back(code_.size());
      functions_.push_back(fi);
      spec::i_func_info::emit(*this, FunctionRef{uint32_t(functions_.size() - 1)});
      break;
    }
    case op_int_code_end:
      break;
    case op_line: {
      if (o[0].kind == K::Nil) break;  // `line []`: no location (ERTS drops it too)
      uint64_t n = untagged(gi, o[0]);
      if (n > 0 && n < bf_.lines.size()) line_map_.push_back({uint32_t(code_.size()), uint32_t(n)});
      break;
    }
    case op_fclearerror:
    case op_fcheckerror:
    case op_nif_start:
    case op_executable_line:
    case op_debug_line:
      break;  // float errors are checked by each float operation; the rest are markers
    default:
      return false;
  }
  return true;
}

// Calls: local, external (a BIF called directly, apply), BIFs in instructions, funs.
bool Translator::translate_calls(const GenericInstr& gi, size_t index) {
  const auto& o = gi.ops;
  switch (gi.opcode) {
    case op_call: spec::i_call::emit(*this, label(gi, o[1]), arity_operand(gi, o[0])); break;
    case op_call_last: spec::i_call_last::emit(*this, label(gi, o[1]), untagged(gi, o[2]), arity_operand(gi, o[0])); break;
    case op_call_only: spec::i_call_only::emit(*this, label(gi, o[1]), arity_operand(gi, o[0])); break;
    case op_call_ext: emit_call_ext(gi, o[1], 0, 0); break;
    case op_call_ext_last: emit_call_ext(gi, o[1], 1, untagged(gi, o[2])); break;
    case op_call_ext_only: emit_call_ext(gi, o[1], 2, 0); break;
    case op_bif0: {
      Operand none;
      none.kind = K::Label;
      none.index = 0;
      emit_bif(gi, none, o[0], 0, 0, ~Word(0), o[1]);
      break;
    }
    case op_bif1: emit_bif(gi, o[0], o[1], 2, 1, ~Word(0), o[3]); break;
    case op_bif2: emit_bif(gi, o[0], o[1], 2, 2, ~Word(0), o[4]); break;
    case op_gc_bif1: emit_bif(gi, o[0], o[2], 3, 1, untagged(gi, o[1]), o[4]); break;
    case op_gc_bif2: emit_bif(gi, o[0], o[2], 3, 2, untagged(gi, o[1]), o[5]); break;
    case op_gc_bif3: emit_bif(gi, o[0], o[2], 3, 3, untagged(gi, o[1]), o[6]); break;
    case op_make_fun2:
    case op_make_fun3: {
      uint64_t idx = untagged(gi, o[0]);
      if (idx >= bf_.lambdas.size()) fail(gi, "lambda index out of range");
      std::vector<spec::i_make_fun::Entry> free;
      if (gi.opcode == op_make_fun2) {
        // make_fun2 takes its free variables from x0.. and leaves the fun in x0.
        uint32_t nfree = bf_.lambdas[idx].num_free;
        for (uint32_t i = 0; i < nfree; ++i) free.push_back({RegOperand::x(i)});
        spec::i_make_fun::emit(*this, LambdaRef{uint32_t(idx)}, RegOperand::x(0), free);
      } else {
        if (o[2].kind != K::List) fail(gi, "expected a list");
        RegOperand d = reg(gi, o[1]);
        for (const Operand& v : o[2].list) free.push_back({src(gi, v)});
        spec::i_make_fun::emit(*this, LambdaRef{uint32_t(idx)}, d, free);
      }
      break;
    }
    case op_call_fun:
    case op_call_fun2: {
      bool two = gi.opcode == op_call_fun2;
      uint64_t arity = untagged(gi, o[two ? 1 : 0]);
      if (arity >= MAX_X_REGS - 8) fail(gi, "arity out of range");
      uint64_t dealloc = 0;
      bool last = followed_by_return(index, &dealloc);
      if (two) {
        // The fun goes to x(arity), where i_call_fun looks for it.
        if (is_reg(o[2])) spec::i_move::emit(*this, reg(gi, o[2]), RegOperand::x(arity));
        else spec::i_move_c::emit(*this, constant(gi, o[2]), RegOperand::x(arity));
      }
      if (sandboxed()) spec::i_sandbox_fun::emit(*this, env_.policy.get(), ConstOperand{bf_.module}, arity);
      if (last) {
        spec::i_call_fun_last::emit(*this, arity, dealloc);
        skip_ = dealloc ? 2 : 1;
      } else {
        spec::i_call_fun::emit(*this, arity);
      }
      break;
    }
    case op_apply:
    case op_apply_last: {
      uint64_t arity = arity_operand(gi, o[0]);
      if (sandboxed()) spec::i_sandbox_apply::emit(*this, env_.policy.get(), ConstOperand{bf_.module}, arity);
      if (gi.opcode == op_apply) spec::i_apply::emit(*this, arity);
      else spec::i_apply_last::emit(*this, arity, untagged(gi, o[1]));
      break;
    }
    default:
      return false;
  }
  return true;
}

// Stack frames, the heap, moves.
bool Translator::translate_frames(const GenericInstr& gi) {
  const auto& o = gi.ops;
  switch (gi.opcode) {
    case op_allocate:
    case op_allocate_zero:
      spec::i_allocate::emit(*this, untagged(gi, o[0]), 0, untagged(gi, o[1]));
      break;
    case op_allocate_heap:
    case op_allocate_heap_zero:
      spec::i_allocate::emit(*this, untagged(gi, o[0]), heap_need(gi, o[1]), untagged(gi, o[2]));
      break;
    case op_test_heap: spec::i_test_heap::emit(*this, heap_need(gi, o[0]), untagged(gi, o[1])); break;
    case op_init: spec::i_init_yreg::emit(*this, yindex(gi, o[0])); break;
    case op_init_yregs:
      if (o[0].kind != K::List) fail(gi, "expected a list");
      for (const Operand& y : o[0].list) spec::i_init_yreg::emit(*this, yindex(gi, y));
      break;
    case op_deallocate: spec::i_deallocate::emit(*this, untagged(gi, o[0])); break;
    case op_return: spec::i_return::emit(*this); break;
    case op_trim: spec::i_trim::emit(*this, untagged(gi, o[0])); break;
    case op_move:
      if (o[0].kind == K::XReg && o[1].kind == K::XReg) {
        spec::i_move_xx::emit(*this, XIndex{reg(gi, o[0]).w >> 3}, XIndex{reg(gi, o[1]).w >> 3});
      } else if (is_reg(o[0])) {
        spec::i_move::emit(*this, reg(gi, o[0]), reg(gi, o[1]));
      } else {
        ConstOperand c = constant(gi, o[0]);
        spec::i_move_c::emit(*this, c, reg(gi, o[1]));
      }
      break;
    case op_swap: spec::i_swap::emit(*this, reg(gi, o[0]), reg(gi, o[1])); break;
    default:
      return false;
  }
  return true;
}

// Compares, type tests, jump tables, jumps.
bool Translator::translate_tests(const GenericInstr& gi) {
  const auto& o = gi.ops;
  switch (gi.opcode) {
    case op_is_lt: emit_compare(gi, Instr::i_is_lt); break;
    case op_is_ge: emit_compare(gi, Instr::i_is_ge); break;
    case op_is_eq: emit_compare(gi, Instr::i_is_eq); break;
    case op_is_ne: emit_compare(gi, Instr::i_is_ne); break;
    case op_is_eq_exact: emit_compare(gi, Instr::i_is_eq_exact); break;
    case op_is_ne_exact: emit_compare(gi, Instr::i_is_ne_exact); break;
    case op_is_integer: emit_type_test(gi, Instr::i_is_integer); break;
    case op_is_float: emit_type_test(gi, Instr::i_is_float); break;
    case op_is_number: emit_type_test(gi, Instr::i_is_number); break;
    case op_is_atom: emit_type_test(gi, Instr::i_is_atom); break;
    case op_is_pid: emit_type_test(gi, Instr::i_is_pid); break;
    case op_is_reference: emit_type_test(gi, Instr::i_is_reference); break;
    case op_is_port: emit_type_test(gi, Instr::i_is_port); break;
    case op_is_nil: emit_type_test(gi, Instr::i_is_nil); break;
    case op_is_binary: emit_type_test(gi, Instr::i_is_binary); break;
    case op_is_bitstr: emit_type_test(gi, Instr::i_is_bitstring); break;
    case op_is_list: emit_type_test(gi, Instr::i_is_list); break;
    case op_is_nonempty_list: emit_type_test(gi, Instr::i_is_nonempty_list); break;
    case op_is_tuple: emit_type_test(gi, Instr::i_is_tuple); break;
    case op_is_boolean: emit_type_test(gi, Instr::i_is_boolean); break;
    case op_is_function: emit_type_test(gi, Instr::i_is_function); break;
    case op_is_map: emit_type_test(gi, Instr::i_is_map); break;
    case op_is_function2: spec::i_is_function2::emit(*this, label(gi, o[0]), src(gi, o[1]), src(gi, o[2])); break;
    case op_test_arity: {
      RegOperand s = rsrc(gi, o[1]);
      spec::i_test_arity::emit(*this, label(gi, o[0]), s, untagged(gi, o[2]));
      break;
    }
    case op_is_tagged_tuple:
      if (o[3].kind != K::Atom) fail(gi, "is_tagged_tuple needs an atom");
      {
        RegOperand s = rsrc(gi, o[1]);
        spec::i_is_tagged_tuple::emit(*this, label(gi, o[0]), s, untagged(gi, o[2]), ConstOperand{o[3].term});
      }
      break;
    case op_select_val: emit_select(gi, false); break;
    case op_select_tuple_arity: emit_select(gi, true); break;
    case op_jump: spec::i_jump::emit(*this, label(gi, o[0])); break;
    default:
      return false;
  }
  return true;
}

// Lists and tuples.
bool Translator::translate_data(const GenericInstr& gi) {
  const auto& o = gi.ops;
  switch (gi.opcode) {
    case op_get_list: {
      RegOperand s = cons_src(gi, o[0]);
      spec::i_get_list::emit(*this, s, reg(gi, o[1]), reg(gi, o[2]));
      break;
    }
    case op_get_hd: { RegOperand s = cons_src(gi, o[0]); spec::i_get_hd::emit(*this, s, reg(gi, o[1])); break; }
    case op_get_tl: { RegOperand s = cons_src(gi, o[0]); spec::i_get_tl::emit(*this, s, reg(gi, o[1])); break; }
    case op_put_list: spec::i_put_list::emit(*this, src(gi, o[0]), src(gi, o[1]), reg(gi, o[2])); break;
    case op_put_tuple2: {
      if (o[1].kind != K::List) fail(gi, "expected a list");
      RegOperand d = reg(gi, o[0]);
      std::vector<spec::i_put_tuple2::Entry> elems;
      for (const Operand& e : o[1].list) elems.push_back({src(gi, e)});
      spec::i_put_tuple2::emit(*this, d, elems);
      break;
    }
    case op_get_tuple_element: {
      RegOperand s = tuple_src(gi, o[0], untagged(gi, o[1]));
      spec::i_get_tuple_element::emit(*this, s, untagged(gi, o[1]), reg(gi, o[2]));
      break;
    }
    case op_set_tuple_element:
      spec::i_set_tuple_element::emit(*this, src(gi, o[0]), src(gi, o[1]), untagged(gi, o[2]));
      break;
    default:
      return false;
  }
  return true;
}

// Send and receive.
bool Translator::translate_receive(const GenericInstr& gi) {
  const auto& o = gi.ops;
  switch (gi.opcode) {
    case op_send: spec::i_send::emit(*this); break;
    case op_loop_rec: spec::i_loop_rec::emit(*this, label(gi, o[0]), reg(gi, o[1])); break;
    case op_loop_rec_end: spec::i_loop_rec_end::emit(*this, label(gi, o[0])); break;
    case op_remove_message: spec::i_remove_message::emit(*this); break;
    case op_wait: spec::i_wait::emit(*this, label(gi, o[0])); break;
    case op_wait_timeout: spec::i_wait_timeout::emit(*this, label(gi, o[0]), src(gi, o[1])); break;
    case op_timeout: spec::i_timeout::emit(*this); break;
    case op_recv_marker_reserve: spec::i_recv_marker_reserve::emit(*this, reg(gi, o[0])); break;
    case op_recv_marker_bind: spec::i_recv_marker_bind::emit(*this, src(gi, o[0]), src(gi, o[1])); break;
    case op_recv_marker_use: spec::i_recv_marker_use::emit(*this, src(gi, o[0])); break;
    case op_recv_marker_clear: spec::i_recv_marker_clear::emit(*this, src(gi, o[0])); break;
    default:
      return false;
  }
  return true;
}

// try/catch and the instructions that raise.
bool Translator::translate_exceptions(const GenericInstr& gi) {
  const auto& o = gi.ops;
  switch (gi.opcode) {
    case op_try:
    case op_catch: spec::i_try::emit(*this, yindex(gi, o[0]), label(gi, o[1])); break;
    case op_try_end: spec::i_try_end::emit(*this, yindex(gi, o[0])); break;
    case op_try_case: spec::i_try_case::emit(*this, yindex(gi, o[0])); break;
    case op_catch_end: spec::i_catch_end::emit(*this, yindex(gi, o[0])); break;
    case op_try_case_end: spec::i_try_case_end::emit(*this, src(gi, o[0])); break;
    case op_raise: spec::i_raise::emit(*this, src(gi, o[0]), src(gi, o[1])); break;
    case op_build_stacktrace: spec::i_build_stacktrace::emit(*this); break;
    case op_raw_raise: spec::i_raw_raise::emit(*this); break;
    case op_badmatch: spec::i_badmatch::emit(*this, src(gi, o[0])); break;
    case op_case_end: spec::i_case_end::emit(*this, src(gi, o[0])); break;
    case op_if_end: spec::i_if_end::emit(*this); break;
    case op_badrecord: spec::i_badrecord::emit(*this, src(gi, o[0])); break;
    default:
      return false;
  }
  return true;
}

// Float registers.
bool Translator::translate_floats(const GenericInstr& gi) {
  const auto& o = gi.ops;
  switch (gi.opcode) {
    case op_fmove:
      if (o[0].kind == K::FloatReg) spec::i_fmove_from_freg::emit(*this, freg(gi, o[0]), reg(gi, o[1]));
      else spec::i_fmove_to_freg::emit(*this, src(gi, o[0]), freg(gi, o[1]));
      break;
    case op_fconv: spec::i_fconv::emit(*this, src(gi, o[0]), freg(gi, o[1])); break;
    case op_fadd: spec::i_fadd::emit(*this, freg(gi, o[1]), freg(gi, o[2]), freg(gi, o[3])); break;
    case op_fsub: spec::i_fsub::emit(*this, freg(gi, o[1]), freg(gi, o[2]), freg(gi, o[3])); break;
    case op_fmul: spec::i_fmul::emit(*this, freg(gi, o[1]), freg(gi, o[2]), freg(gi, o[3])); break;
    case op_fdiv: spec::i_fdiv::emit(*this, freg(gi, o[1]), freg(gi, o[2]), freg(gi, o[3])); break;
    case op_fnegate: spec::i_fnegate::emit(*this, freg(gi, o[1]), freg(gi, o[2])); break;
    default:
      return false;
  }
  return true;
}

// One generic instruction (or, fused, a few: translate_fused.cpp) to threaded code. Each part
// below handles one family and returns false for an opcode that is not its own.
void Translator::translate(size_t index) {
  const GenericInstr& gi = bf_.code[index];
  if (translate_fused(*this, index)) return;
  if (translate_structure(gi, index) || translate_calls(gi, index) || translate_frames(gi) ||
      translate_tests(gi) || translate_data(gi) || translate_receive(gi) ||
      translate_exceptions(gi) || translate_floats(gi) || translate_bits(*this, index) ||
      translate_maps(*this, index))
    return;
  emit_not_implemented(gi);
}

std::unique_ptr<Module> Translator::run() {
  for (size_t i = 0; i < bf_.code.size(); ++i) {
    if (skip_) { --skip_; continue; }
    translate(i);
  }
  if (code_.empty()) throw BeamError(bf_.path + ": no code");
  if (sandboxed()) guard_literal_funs();

  auto m = std::make_unique<Module>();
  m->name = bf_.module;
  m->path = bf_.path;
  m->policy = env_.policy;
  m->code_words = code_.size();
  m->code.reset(new Word[code_.size()]);
  std::memcpy(m->code.get(), code_.data(), code_.size() * sizeof(Word));
  Word* base = m->code.get();
  auto label_addr = [&](uint32_t l) -> Word* {
    if (l == 0 || l >= label_pos_.size() || label_pos_[l] < 0)
      throw BeamError(bf_.path + ": label " + std::to_string(l) + " is used but never defined");
    return base + label_pos_[l];
  };
  for (auto [pos, l] : label_uses_) base[pos] = reinterpret_cast<Word>(label_addr(l));

  m->functions = std::move(functions_);
  for (size_t i = 0; i < m->functions.size(); ++i) {
    m->functions[i].info = base + function_offsets_[i];
    // The entry is just past i_func_info.
    m->functions[i].entry = base + function_offsets_[i] + spec::i_func_info::words;
  }
  for (auto [pos, fi] : function_uses_) base[pos] = reinterpret_cast<Word>(&m->functions[fi]);
  for (auto& [pos, e] : guarded_funs_) e->address.store(base + pos, std::memory_order_relaxed);
  for (auto& [pos, e] : guarded_funs_) m->guarded_funs.push_back(std::move(e));

  m->lambda_count = bf_.lambdas.size();
  m->lambdas.reset(new FunEntry[m->lambda_count]);
  for (size_t i = 0; i < bf_.lambdas.size(); ++i) {
    const LambdaEntry& le = bf_.lambdas[i];
    FunEntry& fe = m->lambdas[i];
    fe.module = bf_.module;
    fe.function = le.function;
    fe.num_free = le.num_free;
    if (le.arity < le.num_free) throw BeamError(bf_.path + ": lambda with more free variables than arity");
    fe.arity = le.arity - le.num_free;
    fe.index = le.index;
    fe.old_uniq = le.old_uniq;
    fe.address = label_addr(le.label);
  }
  for (auto [pos, li] : lambda_uses_) base[pos] = reinterpret_cast<Word>(&m->lambdas[li]);

  m->line_map = std::move(line_map_);
  m->line_files = bf_.line_files;
  m->lines = bf_.lines;
  m->exports = bf_.exports;
  for (const ExportEntry& e : m->exports) m->export_addresses.push_back(label_addr(e.label));
  m->literals = bf_.literal_area;
  m->attributes_etf = bf_.attributes_etf;
  m->compile_info_etf = bf_.compile_info_etf;
  std::memcpy(m->md5, bf_.md5, sizeof m->md5);
  return m;
}

std::unique_ptr<Module> translate_module(const BeamFile& bf, const LoadEnv& env) { return Translator(bf, env).run(); }

}  // namespace beamrun
