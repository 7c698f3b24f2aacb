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
  Export* e = vm_.exports().get(ie.module, ie.function, ie.arity);
  if (ie.module == atom::erlang && ie.function == atom::apply && (ie.arity == 3 || ie.arity == 2)) {
    bool three = ie.arity == 3;
    Instr body = three ? Instr::i_apply3 : Instr::i_apply_fun;
    Instr last = three ? Instr::i_apply3_last : Instr::i_apply_fun_last;
    Instr only = three ? Instr::i_apply3_only : Instr::i_apply_fun_only;
    if (kind == 0) op(body);
    else if (kind == 1) { op(last); word(dealloc); }
    else op(only);
    return;
  }
  if (BifFn fn = vm_.find_bif(ie.module, ie.function, ie.arity)) {
    op(kind == 0 ? Instr::i_call_bif : kind == 1 ? Instr::i_call_bif_last : Instr::i_call_bif_only);
    word(reinterpret_cast<Word>(fn));
    word(reinterpret_cast<Word>(e));
    if (kind == 1) word(dealloc);
    return;
  }
  op(kind == 0 ? Instr::i_call_ext : kind == 1 ? Instr::i_call_ext_last : Instr::i_call_ext_only);
  word(reinterpret_cast<Word>(e));
  if (kind == 1) word(dealloc);
}

void Translator::emit_bif(const GenericInstr& gi, const Operand& fail_label, const Operand& bif,
                          size_t first_arg, size_t argc, Word live, const Operand& dst) {
  const ImportEntry& ie = import(gi, bif);
  if (ie.arity != argc) fail(gi, "BIF arity does not match its operands");
  Instr which = Instr::i_bif;
  if (ie.module == atom::erlang && argc == 2 && ie.function == atom::plus) which = Instr::i_plus;
  if (ie.module == atom::erlang && argc == 2 && ie.function == atom::minus) which = Instr::i_minus;
  if (ie.module == atom::erlang && argc == 2 && ie.function == atom::times) which = Instr::i_times;
  if (ie.module == atom::erlang && argc == 2 && ie.function == atom::band) which = Instr::i_band;
  if (ie.module == atom::erlang && argc == 2 && ie.function == atom::bor) which = Instr::i_bor;
  if (ie.module == atom::erlang && argc == 2 && ie.function == atom::rem) which = Instr::i_rem;
  if (ie.module == atom::erlang && argc == 2 && ie.function == atom::div) which = Instr::i_intdiv;
  if (ie.module == atom::erlang && which == Instr::i_bif) {
    std::string_view name = vm_.atoms().name(ie.function);
    if (argc == 2 && name == "element") which = Instr::i_element;
    if (argc == 1 && name == "tuple_size") which = Instr::i_tuple_size;
    if (argc == 1 && name == "hd") which = Instr::i_hd;
    if (argc == 1 && name == "tl") which = Instr::i_tl;
  }
  // A small constant as second operand needs no decode or tag test (x - 1, x * 17, x band 255).
  const Operand& second = argc == 2 ? gi.ops[first_arg + 1] : gi.ops[first_arg];
  const Operand& first = gi.ops[first_arg];
  bool first_reg = first.kind == K::XReg || first.kind == K::YReg;
  if (argc == 2 && first_reg && second.kind == K::Integer && is_small(second.term)) {
    if (which == Instr::i_plus) which = Instr::i_plus_imm;
    if (which == Instr::i_minus) which = Instr::i_minus_imm;
    if (which == Instr::i_times) which = Instr::i_times_imm;
    if (which == Instr::i_band) which = Instr::i_band_imm;
  }
  op(which);
  word(reinterpret_cast<Word>(vm_.find_bif(ie.module, ie.function, ie.arity)));
  word(reinterpret_cast<Word>(vm_.exports().get(ie.module, ie.function, ie.arity)));
  label(gi, fail_label, true);
  word(argc);
  word(live);
  for (size_t i = 0; i < argc; ++i) word(src(gi, gi.ops[first_arg + i]));
  word(reg(gi, dst));
}

void Translator::emit_select(const GenericInstr& gi, Instr i, bool by_arity) {
  const Operand& list = gi.ops[2];
  if (list.kind != K::List || list.list.size() % 2 != 0) fail(gi, "bad jump table");
  std::vector<std::pair<Word, const Operand*>> table;
  for (size_t k = 0; k < list.list.size(); k += 2) {
    Word v = by_arity ? untagged(gi, list.list[k]) : src(gi, list.list[k]);
    if (!by_arity && (v & 3) == 0) fail(gi, "register in a jump table");
    table.push_back({v, &list.list[k + 1]});
  }
  std::sort(table.begin(), table.end(), [](auto& a, auto& b) { return a.first < b.first; });
  Word s = rsrc(gi, gi.ops[0]);
  op(i);
  word(s);
  label(gi, gi.ops[1]);
  word(table.size());
  for (auto& [v, l] : table) {
    word(v);
    label(gi, *l);
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

void Translator::translate(size_t index) {
  const GenericInstr& gi = bf_.code[index];
  const auto& o = gi.ops;
  if (translate_fused(*this, index)) return;
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
      op(Instr::i_func_info);
      function_uses_.push_back({code_.size(), functions_.size() - 1});
      word(0);
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
    case op_call: op(Instr::i_call); label(gi, o[1]); word(arity_operand(gi, o[0])); break;
    case op_call_last:
      op(Instr::i_call_last); label(gi, o[1]); word(untagged(gi, o[2])); word(arity_operand(gi, o[0]));
      break;
    case op_call_only: op(Instr::i_call_only); label(gi, o[1]); word(arity_operand(gi, o[0])); break;
    case op_send: op(Instr::i_send); break;
    case op_loop_rec: op(Instr::i_loop_rec); label(gi, o[0]); word(reg(gi, o[1])); break;
    case op_loop_rec_end: op(Instr::i_loop_rec_end); label(gi, o[0]); break;
    case op_remove_message: op(Instr::i_remove_message); break;
    case op_wait: op(Instr::i_wait); label(gi, o[0]); break;
    case op_wait_timeout: op(Instr::i_wait_timeout); label(gi, o[0]); word(src(gi, o[1])); break;
    case op_timeout: op(Instr::i_timeout); break;
    case op_recv_marker_reserve: op(Instr::i_recv_marker_reserve); word(reg(gi, o[0])); break;
    case op_recv_marker_bind: op(Instr::i_recv_marker_bind); word(src(gi, o[0])); word(src(gi, o[1])); break;
    case op_recv_marker_use: op(Instr::i_recv_marker_use); word(src(gi, o[0])); break;
    case op_recv_marker_clear: op(Instr::i_recv_marker_clear); word(src(gi, o[0])); break;
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
    case op_allocate:
    case op_allocate_zero:
      op(Instr::i_allocate); word(untagged(gi, o[0])); word(0); word(untagged(gi, o[1]));
      break;
    case op_allocate_heap:
    case op_allocate_heap_zero:
      op(Instr::i_allocate); word(untagged(gi, o[0])); word(heap_need(gi, o[1])); word(untagged(gi, o[2]));
      break;
    case op_test_heap: op(Instr::i_test_heap); word(heap_need(gi, o[0])); word(untagged(gi, o[1])); break;
    case op_init: op(Instr::i_init_yreg); word(yindex(gi, o[0])); break;
    case op_init_yregs:
      if (o[0].kind != K::List) fail(gi, "expected a list");
      for (const Operand& y : o[0].list) { op(Instr::i_init_yreg); word(yindex(gi, y)); }
      break;
    case op_deallocate: op(Instr::i_deallocate); word(untagged(gi, o[0])); break;
    case op_return: op(Instr::i_return); break;
    case op_trim: op(Instr::i_trim); word(untagged(gi, o[0])); break;
    case op_move:
      if (o[0].kind == K::XReg && o[1].kind == K::XReg) {
        op(Instr::i_move_xx); word(reg(gi, o[0]) >> 3); word(reg(gi, o[1]) >> 3);
      } else if (o[0].kind == K::XReg || o[0].kind == K::YReg) {
        op(Instr::i_move); word(reg(gi, o[0])); word(reg(gi, o[1]));
      } else {
        op(Instr::i_move_c); word(src(gi, o[0])); word(reg(gi, o[1]));
      }
      break;
    case op_swap: op(Instr::i_swap); word(reg(gi, o[0])); word(reg(gi, o[1])); break;
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
    case op_is_function2:
      op(Instr::i_is_function2); label(gi, o[0]); word(src(gi, o[1])); word(src(gi, o[2]));
      break;
    case op_test_arity: {
      Word s = rsrc(gi, o[1]);
      op(Instr::i_test_arity); label(gi, o[0]); word(s); word(untagged(gi, o[2]));
      break;
    }
    case op_is_tagged_tuple:
      if (o[3].kind != K::Atom) fail(gi, "is_tagged_tuple needs an atom");
      {
        Word s = rsrc(gi, o[1]);
        op(Instr::i_is_tagged_tuple); label(gi, o[0]); word(s); word(untagged(gi, o[2]));
        word(o[3].term);
      }
      break;
    case op_select_val: emit_select(gi, Instr::i_select_val, false); break;
    case op_select_tuple_arity: emit_select(gi, Instr::i_select_tuple_arity, true); break;
    case op_jump: op(Instr::i_jump); label(gi, o[0]); break;
    case op_get_list: {
      Word s = cons_src(gi, o[0]);
      op(Instr::i_get_list); word(s); word(reg(gi, o[1])); word(reg(gi, o[2]));
      break;
    }
    case op_get_hd: { Word s = cons_src(gi, o[0]); op(Instr::i_get_hd); word(s); word(reg(gi, o[1])); break; }
    case op_get_tl: { Word s = cons_src(gi, o[0]); op(Instr::i_get_tl); word(s); word(reg(gi, o[1])); break; }
    case op_put_list: op(Instr::i_put_list); word(src(gi, o[0])); word(src(gi, o[1])); word(reg(gi, o[2])); break;
    case op_put_tuple2: {
      if (o[1].kind != K::List) fail(gi, "expected a list");
      op(Instr::i_put_tuple2);
      word(reg(gi, o[0]));
      word(o[1].list.size());
      for (const Operand& s : o[1].list) word(src(gi, s));
      break;
    }
    case op_get_tuple_element: {
      Word s = tuple_src(gi, o[0], untagged(gi, o[1]));
      op(Instr::i_get_tuple_element); word(s); word(untagged(gi, o[1])); word(reg(gi, o[2]));
      break;
    }
    case op_set_tuple_element:
      op(Instr::i_set_tuple_element); word(src(gi, o[0])); word(src(gi, o[1])); word(untagged(gi, o[2]));
      break;
    case op_make_fun2:
    case op_make_fun3: {
      uint64_t idx = untagged(gi, o[0]);
      if (idx >= bf_.lambdas.size()) fail(gi, "lambda index out of range");
      op(Instr::i_make_fun);
      lambda_uses_.push_back({code_.size(), uint32_t(idx)});
      word(0);
      if (gi.opcode == op_make_fun2) {
        uint32_t nfree = bf_.lambdas[idx].num_free;
        word(0);  // x0
        word(nfree);
        for (uint32_t i = 0; i < nfree; ++i) word(Word(i) << 3);
      } else {
        if (o[2].kind != K::List) fail(gi, "expected a list");
        word(reg(gi, o[1]));
        word(o[2].list.size());
        for (const Operand& s : o[2].list) word(src(gi, s));
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
        bool r = o[2].kind == K::XReg || o[2].kind == K::YReg;
        op(r ? Instr::i_move : Instr::i_move_c); word(src(gi, o[2])); word(Word(arity) << 3);
      }
      if (last) {
        op(Instr::i_call_fun_last); word(arity); word(dealloc);
        skip_ = dealloc ? 2 : 1;
      } else {
        op(Instr::i_call_fun); word(arity);
      }
      break;
    }
    case op_apply: op(Instr::i_apply); word(arity_operand(gi, o[0])); break;
    case op_apply_last: op(Instr::i_apply_last); word(arity_operand(gi, o[0])); word(untagged(gi, o[1])); break;
    case op_try:
    case op_catch: op(Instr::i_try); word(yindex(gi, o[0])); label(gi, o[1]); break;
    case op_try_end: op(Instr::i_try_end); word(yindex(gi, o[0])); break;
    case op_try_case: op(Instr::i_try_case); word(yindex(gi, o[0])); break;
    case op_catch_end: op(Instr::i_catch_end); word(yindex(gi, o[0])); break;
    case op_try_case_end: op(Instr::i_try_case_end); word(src(gi, o[0])); break;
    case op_raise: op(Instr::i_raise); word(src(gi, o[0])); word(src(gi, o[1])); break;
    case op_build_stacktrace: op(Instr::i_build_stacktrace); break;
    case op_raw_raise: op(Instr::i_raw_raise); break;
    case op_badmatch: op(Instr::i_badmatch); word(src(gi, o[0])); break;
    case op_case_end: op(Instr::i_case_end); word(src(gi, o[0])); break;
    case op_if_end: op(Instr::i_if_end); break;
    case op_badrecord: op(Instr::i_badrecord); word(src(gi, o[0])); break;
    case op_fclearerror:
    case op_fcheckerror:
    case op_nif_start:
    case op_executable_line:
    case op_debug_line:
      break;  // float errors are checked by each float operation; the rest are markers
    case op_fmove:
      if (o[0].kind == K::FloatReg) { op(Instr::i_fmove_from_freg); word(freg(gi, o[0])); word(reg(gi, o[1])); }
      else { op(Instr::i_fmove_to_freg); word(src(gi, o[0])); word(freg(gi, o[1])); }
      break;
    case op_fconv: op(Instr::i_fconv); word(src(gi, o[0])); word(freg(gi, o[1])); break;
    case op_fadd: op(Instr::i_fadd); word(freg(gi, o[1])); word(freg(gi, o[2])); word(freg(gi, o[3])); break;
    case op_fsub: op(Instr::i_fsub); word(freg(gi, o[1])); word(freg(gi, o[2])); word(freg(gi, o[3])); break;
    case op_fmul: op(Instr::i_fmul); word(freg(gi, o[1])); word(freg(gi, o[2])); word(freg(gi, o[3])); break;
    case op_fdiv: op(Instr::i_fdiv); word(freg(gi, o[1])); word(freg(gi, o[2])); word(freg(gi, o[3])); break;
    case op_fnegate: op(Instr::i_fnegate); word(freg(gi, o[1])); word(freg(gi, o[2])); break;
    default:
      if (translate_bits(*this, index) || translate_maps(*this, index)) break;
      emit_not_implemented(gi);
      break;
  }
}

std::unique_ptr<Module> Translator::run() {
  for (size_t i = 0; i < bf_.code.size(); ++i) {
    if (skip_) { --skip_; continue; }
    translate(i);
  }
  if (code_.empty()) throw BeamError(bf_.path + ": no code");

  auto m = std::make_unique<Module>();
  m->name = bf_.module;
  m->path = bf_.path;
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
    // The entry is just past i_func_info (one operand).
    m->functions[i].entry = base + function_offsets_[i] + 2;
  }
  for (auto [pos, fi] : function_uses_) base[pos] = reinterpret_cast<Word>(&m->functions[fi]);

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
