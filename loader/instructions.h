// instructions.h - the threaded instruction set the interpreter runs.
//
// The loader translates each generic BEAM instruction (loader/genop.h) into one of these.
// In memory an instruction is the handler's address followed by pre-decoded operand words:
//
//   +-----------------+-----------+-----------+-----+
//   | &&handler       | operand 1 | operand 2 | ... |     one Word each
//   +-----------------+-----------+-----------+-----+
//
// Each instruction is one line: X(name, OPS(operands...) or LIKE(other), "what it does").
// Operands are named and typed by kind (R register source, S any source, D destination, C
// constant, L label, E export, F BifFn, P other pointer, N number, XN/YN/FR register numbers,
// VARk a counted tail): loader/instr_spec.h says how each is encoded and what is generated from
// the line: the Instr enum, operand positions, typed accessors the handlers read operands
// through, the width, the typed emitter the translator calls, and instr_specs[], the
// constexpr table the disassembler walks. So adding an instruction is one line here, one
// handler in the interpreter and one emitter call in the translator. Bit syntax and map
// instructions have lists of their own (instructions_bits.h, instructions_maps.h) beside
// their handlers (interp_bits.inc, interp_maps.inc).
#pragma once

#include <string>

#include "loader/instr_spec.h"
#include "loader/instructions_bits.h"
#include "loader/instructions_maps.h"

namespace beamrun {

#define BEAMRUN_INSTRUCTIONS(X) BEAMRUN_CORE_INSTRUCTIONS(X) BEAMRUN_BIT_INSTRUCTIONS(X) BEAMRUN_MAP_INSTRUCTIONS(X)

#define BEAMRUN_CORE_INSTRUCTIONS(X)    \
  X(i_func_info, OPS(P(FunctionInfo, info)), "raise function_clause for the function's args")                                                       \
  X(i_move, OPS(R(src), D(dst)), "dst := src")                                                                                                      \
  X(i_move_c, OPS(C(value), D(dst)), "dst := the constant (an immediate or a literal)")                                                             \
  X(i_move_xx, OPS(XN(from), XN(to)), "x(to) := x(from)")                                                                                           \
  X(i_swap, OPS(D(a), D(b)), "exchange two registers")                                                                                              \
  X(i_init_yreg, OPS(YN(y)), "y := [] (a slot the GC may see before it is written)")                                                                \
  X(i_allocate, OPS(N(slots), N(heap), N(live)), "push slots (initialised []), ensure heap")                                                        \
  X(i_deallocate, OPS(N(slots)), "pop stack slots")                                                                                                 \
  X(i_trim, OPS(N(slots)), "drop the lowest y slots")                                                                                               \
  X(i_test_heap, OPS(N(heap), N(live)), "collect if fewer than heap words are free")                                                                \
  X(i_return, OPS(), "pop the return address and jump there")                                                                                       \
  X(i_call, OPS(L(target), N(arity)), "push return address, jump to target")                                                                        \
  X(i_call_last, OPS(L(target), N(dealloc), N(arity)), "pop dealloc slots, jump to target (tail call)")                                             \
  X(i_call_only, OPS(L(target), N(arity)), "jump to target (tail call without a frame)")                                                            \
  X(i_call_ext, OPS(E(exp)), "call M:F/A through its export entry")                                                                                 \
  X(i_call_ext_last, OPS(E(exp), N(dealloc)), "pop dealloc slots, tail-call M:F/A")                                                                 \
  X(i_call_ext_only, LIKE(i_call_ext), "tail-call M:F/A")                                                                                                \
  X(i_call_bif, OPS(F(fn), E(exp)), "call a native function with x0.. as args, result in x0")                                                       \
  X(i_call_bif_last, OPS(F(fn), E(exp), N(dealloc)), "as i_call_bif, then pop dealloc slots and return")                                            \
  X(i_call_bif_only, LIKE(i_call_bif), "as i_call_bif, then return")                                                                              \
  X(i_apply, OPS(N(arity)), "call x(arity):x(arity+1) with x0..x(arity-1)")                                                                         \
  X(i_apply_last, OPS(N(arity), N(dealloc)), "pop dealloc slots, tail-apply")                                                                       \
  X(i_apply3, OPS(), "erlang:apply/3 called directly: x0:x1(list x2)")                                                                              \
  X(i_apply3_last, OPS(N(dealloc)), "pop dealloc slots, then as i_apply3 (tail)")                                                                   \
  X(i_apply3_only, LIKE(i_apply3), "as i_apply3 (tail)")                                                                                                     \
  X(i_apply_fun, LIKE(i_apply3), "erlang:apply/2 called directly: fun x0 with the list x1")                                                                  \
  X(i_apply_fun_last, LIKE(i_apply3_last), "pop dealloc slots, then as i_apply_fun (tail)")                                                             \
  X(i_apply_fun_only, LIKE(i_apply3), "as i_apply_fun (tail)")                                                                                               \
  X(i_bif, OPS(F(fn), E(exp), L(fail), N(live), D(dst), VAR1(argc, S(arg))), "dst := fn(args) (live ~0: no GC; no fail label: raise)")              \
  /* i_bif's layout, a fast path inline, else i_bif's body (emit_bif picks them) */                                                                 \
  X(i_plus, LIKE(i_bif), "erlang:'+'/2: small + small inline")                                                                                      \
  X(i_minus, LIKE(i_bif), "erlang:'-'/2: small - small inline")                                                                                     \
  X(i_times, LIKE(i_bif), "erlang:'*'/2: small * small inline when it fits")                                                                        \
  X(i_band, LIKE(i_bif), "erlang:'band'/2: small band small inline")                                                                                \
  X(i_bor, LIKE(i_bif), "erlang:'bor'/2: small bor small inline")                                                                                   \
  X(i_rem, LIKE(i_bif), "erlang:'rem'/2: small rem nonzero small inline")                                                                           \
  X(i_intdiv, LIKE(i_bif), "erlang:'div'/2: small div nonzero small inline")                                                                        \
  X(i_element, LIKE(i_bif), "erlang:element/2: a tuple and an index in range inline")                                                               \
  X(i_tuple_size, LIKE(i_bif), "erlang:tuple_size/1: a tuple inline")                                                                               \
  X(i_hd, LIKE(i_bif), "erlang:hd/1: a cons inline")                                                                                                \
  X(i_tl, LIKE(i_bif), "erlang:tl/1: a cons inline")                                                                                                \
  X(i_jump, OPS(L(target)), "continue at target")                                                                                                   \
  X(i_is_lt, OPS(L(fail), R(a), R(b)), "fail unless a < b (term order)")                                                                            \
  X(i_is_ge, LIKE(i_is_lt), "fail unless a >= b")                                                                                        \
  X(i_is_eq, LIKE(i_is_lt), "fail unless a == b")                                                                                        \
  X(i_is_ne, LIKE(i_is_lt), "fail unless a /= b")                                                                                        \
  X(i_is_eq_exact, LIKE(i_is_lt), "fail unless a =:= b")                                                                                 \
  X(i_is_ne_exact, LIKE(i_is_lt), "fail unless a =/= b")                                                                                 \
  X(i_is_integer, OPS(L(fail), R(value)), "type test")                                                                                              \
  X(i_is_float, LIKE(i_is_integer), "type test")                                                                                                \
  X(i_is_number, LIKE(i_is_integer), "type test")                                                                                               \
  X(i_is_atom, LIKE(i_is_integer), "type test")                                                                                                 \
  X(i_is_pid, LIKE(i_is_integer), "type test")                                                                                                  \
  X(i_is_reference, LIKE(i_is_integer), "type test")                                                                                            \
  X(i_is_port, LIKE(i_is_integer), "type test")                                                                                                 \
  X(i_is_nil, LIKE(i_is_integer), "type test")                                                                                                  \
  X(i_is_binary, LIKE(i_is_integer), "type test")                                                                                               \
  X(i_is_bitstring, LIKE(i_is_integer), "type test")                                                                                            \
  X(i_is_list, LIKE(i_is_integer), "type test: [] or a cons")                                                                                   \
  X(i_is_nonempty_list, LIKE(i_is_integer), "type test: a cons")                                                                                \
  X(i_is_tuple, LIKE(i_is_integer), "type test")                                                                                                \
  X(i_is_boolean, LIKE(i_is_integer), "type test")                                                                                              \
  X(i_is_function, LIKE(i_is_integer), "type test")                                                                                             \
  X(i_is_function2, OPS(L(fail), S(fun), S(arity)), "fun of the given arity")                                                                       \
  X(i_is_map, LIKE(i_is_integer), "type test")                                                                                                  \
  X(i_test_arity, OPS(L(fail), R(value), N(arity)), "fail unless a tuple of that arity")                                                            \
  X(i_is_tagged_tuple, OPS(L(fail), R(value), N(arity), C(tag)), "fail unless a tuple of that arity whose first element is the atom tag")           \
  X(i_select_val, OPS(R(value), L(fail), VAR2(count, C(key), L(target))), "jump by value; the table sorted by key")                                 \
  X(i_select_tuple_arity, OPS(R(value), L(fail), VAR2(count, N(key), L(target))), "jump by tuple arity; the table sorted by key")                   \
  X(i_get_list, OPS(R(list), D(hd), D(tl)), "split a cons into head and tail")                                                                      \
  X(i_get_hd, OPS(R(list), D(dst)), "head of a cons")                                                                                               \
  X(i_get_tl, OPS(R(list), D(dst)), "tail of a cons")                                                                                               \
  X(i_put_list, OPS(S(hd), S(tl), D(dst)), "dst := [hd|tl]")                                                                                        \
  X(i_put_tuple2, OPS(D(dst), VAR1(arity, S(elem))), "dst := {elem...}")                                                                            \
  X(i_get_tuple_element, OPS(R(tuple), N(index), D(dst)), "dst := element(index+1, tuple)")                                                         \
  X(i_set_tuple_element, OPS(S(value), S(tuple), N(index)), "destructively set element index+1 of a fresh tuple")                                   \
  X(i_make_fun, OPS(P(FunEntry, fe), D(dst), VAR1(nfree, S(free))), "build a closure over the free values")                                         \
  X(i_call_fun, OPS(N(arity)), "call the fun in x(arity) with x0..x(arity-1)")                                                                      \
  X(i_call_fun_last, OPS(N(arity), N(dealloc)), "pop dealloc slots, tail-call the fun in x(arity)")                                                 \
  X(i_call_fun2, OPS(S(fun), N(arity)), "call fun with x0..x(arity-1)")                                                                             \
  X(i_try, OPS(YN(y), L(handler)), "y := catch tag for handler")                                                                                    \
  X(i_try_end, OPS(YN(y)), "leave a try: y := []")                                                                                                  \
  X(i_try_case, OPS(YN(y)), "enter a handler: y := [], x0..x2 := class, reason, stacktrace")                                                        \
  X(i_catch_end, OPS(YN(y)), "leave a catch: turn a caught exception into catch's value")                                                           \
  X(i_raise, OPS(S(trace), S(reason)), "old-style raise: class and reason (the stacktrace comes from the raw trace)")                               \
  X(i_build_stacktrace, OPS(), "x0 := the stacktrace term of the raw trace in x0")                                                                  \
  X(i_raw_raise, OPS(), "raise class x0, reason x1, stacktrace x2")                                                                                 \
  X(i_badmatch, OPS(S(value)), "error {badmatch, value}")                                                                                           \
  X(i_case_end, LIKE(i_badmatch), "error {case_clause, value}")                                                                                        \
  X(i_try_case_end, LIKE(i_badmatch), "error {try_clause, value}")                                                                                     \
  X(i_if_end, OPS(), "error if_clause")                                                                                                             \
  X(i_badrecord, LIKE(i_badmatch), "error {badrecord, value}")                                                                                         \
  X(i_fmove_to_freg, OPS(S(value), FR(dst)), "dst := float value (a float term)")                                                                   \
  X(i_fmove_from_freg, OPS(FR(src), D(dst)), "dst := a new float from src")                                                                         \
  X(i_fconv, OPS(S(value), FR(dst)), "dst := float(value), badarith unless a number")                                                               \
  X(i_fadd, OPS(FR(a), FR(b), FR(dst)), "dst := a + b")                                                                                             \
  X(i_fsub, LIKE(i_fadd), "dst := a - b")                                                                                             \
  X(i_fmul, LIKE(i_fadd), "dst := a * b")                                                                                             \
  X(i_fdiv, LIKE(i_fadd), "dst := a / b")                                                                                             \
  X(i_fnegate, OPS(FR(a), FR(dst)), "dst := 0.0 - a")                                                                                               \
  X(i_send, OPS(), "send x1 to x0; x0 := x1")                                                                                                       \
  X(i_loop_rec, OPS(L(none), D(dst)), "dst := the message the receive looks at, or jump to none if there is none")                                  \
  X(i_loop_rec_end, OPS(L(next)), "move the receive on to the next message, jump to next")                                                          \
  X(i_remove_message, OPS(), "take the current message out of the queue; the receive is over")                                                      \
  X(i_wait, OPS(L(resume)), "suspend until a signal arrives, then continue at resume")                                                              \
  X(i_wait_timeout, OPS(L(resume), S(ms)), "as i_wait, but fall through once ms milliseconds have passed")                                          \
  X(i_timeout, OPS(), "the receive timed out: reset its scan")                                                                                      \
  X(i_recv_marker_reserve, OPS(D(dst)), "dst := a marker at the end of the message queue")                                                          \
  X(i_recv_marker_bind, OPS(S(marker), S(ref)), "bind the marker to the reference")                                                                 \
  X(i_recv_marker_use, OPS(S(ref)), "start the receive scan at ref's marker")                                                                       \
  X(i_recv_marker_clear, OPS(S(ref)), "drop ref's marker")                                                                                          \
  X(i_dirty_raise, OPS(), "raise the exception a dirty native call left in the process")                                                            \
  /* Superinstructions and operand shapes chosen at load time (loader/translate_fused.cpp). */                                                      \
  X(i_move_return, OPS(S(src)), "x0 := src, then return")                                                                                           \
  X(i_deallocate_return, OPS(N(slots)), "pop slots, then return")                                                                                   \
  X(i_move_deallocate_return, OPS(S(src), N(slots)), "x0 := src, pop slots, then return")                                                           \
  X(i_move2, OPS(R(src1), D(dst1), R(src2), D(dst2)), "two moves of registers, in order")                                                           \
  X(i_is_eq_exact_imm, OPS(L(fail), R(value), C(imm)), "fail unless value is the immediate (atom, small, [])")                                      \
  X(i_is_ne_exact_imm, LIKE(i_is_eq_exact_imm), "fail if value is the immediate")                                                            \
  X(i_is_tuple_arity, OPS(L(not_tuple), L(wrong_arity), R(value), N(arity)), "to the first label unless a tuple, the second unless of that arity")  \
  X(i_get_two_elements, OPS(R(tuple), N(index1), D(dst1), N(index2), D(dst2)), "two get_tuple_elements of one tuple")                               \
  X(i_put_tuple2_heap, OPS(N(heap), N(live), D(dst), VAR1(arity, S(elem))), "test_heap, then put_tuple2")                                           \
  X(i_plus_imm, OPS(F(fn), E(exp), L(fail), N(live), D(dst), N(argc), R(a), C(b)), "as i_plus, an i_bif with argc 2, a a register, b a small constant")                                                    \
  X(i_times_imm, LIKE(i_plus_imm), "as i_times, the first arg a register, the second a small constant")                                                  \
  X(i_band_imm, LIKE(i_plus_imm), "as i_band, the first arg a register, the second a small constant")                                                    \
  X(i_minus_imm, LIKE(i_plus_imm), "as i_minus, the first arg a register, the second a small constant")                                                  \
  X(i_put_list_heap, OPS(N(heap), N(live), S(hd), S(tl), D(dst)), "test_heap, then put_list")                                                       \
  X(i_allocate_get_list, OPS(N(slots), N(heap), N(live), R(list), D(hd), D(tl)), "allocate, then get_list")                                         \
  X(i_is_lt_imm, OPS(L(fail), R(a), C(b)), "as i_is_lt, b a small constant")                                                                        \
  X(i_is_ge_imm, LIKE(i_is_lt_imm), "as i_is_ge, b a small constant")                                                                        \
  X(i_is_nonempty_list_get, OPS(L(fail), R(list), D(hd), D(tl)), "fail unless a cons, then split it as i_get_list")                                 \
  X(i_return_to_host, OPS(), "the bottom of every stack: the entry function has returned")                                                          \
  /* sandboxed modules only (loader/sandbox.h): a denied static call, and the checks in front of dynamic ones */ \
  X(i_not_allowed, OPS(E(exp)), "raise error:{not_allowed, {M, F, A}} of exp (a denied static call)")                                                 \
  X(i_not_allowed_fun, OPS(E(exp)), "the code of a refused export fun in a sandboxed module's literals: raise not_allowed, M:F(Args) on top") \
  X(i_sandbox_mfa, OPS(P(SandboxPolicy, policy), C(self), E(exp)), "raise not_allowed if calling exp (a gadget: apply, spawn...) with x0.. reaches a denied function") \
  X(i_sandbox_apply, OPS(P(SandboxPolicy, policy), C(self), N(arity)), "raise not_allowed if x(arity):x(arity+1)/arity is denied")                \
  X(i_sandbox_result, OPS(P(SandboxPolicy, policy), C(self)), "after binary_to_term: raise not_allowed if x0 holds an export fun the policy refuses") \
  X(i_sandbox_fun, OPS(P(SandboxPolicy, policy), C(self), N(arity)), "raise not_allowed if the fun in x(arity), called with x0.., is denied")   \
  X(i_not_implemented, OPS(P(char, what)), "raise an internal error naming the instruction")

enum class Instr : unsigned {
#define BEAMRUN_INSTR_ENUM(name, ops, doc) name,
  BEAMRUN_INSTRUCTIONS(BEAMRUN_INSTR_ENUM)
#undef BEAMRUN_INSTR_ENUM
  count
};

constexpr unsigned INSTR_COUNT = unsigned(Instr::count);

// An emitter asked to write `which` with `layout`'s operands: they must be the same layout.
void check_layout(Instr which, Instr layout);

// spec::<name>: positions, typed accessors, width and emitter of each instruction (instr_spec.h).
namespace spec {
BEAMRUN_INSTRUCTIONS(BR_DEFINE)
}  // namespace spec

// Every instruction's operand kinds and names, indexed by Instr: for the disassembler, the
// tests' widths, and any other back end that walks the code.
inline constexpr InstrSpec instr_specs[] = {BEAMRUN_INSTRUCTIONS(BR_SPEC_ENTRY)};
static_assert(sizeof(instr_specs) / sizeof(instr_specs[0]) == INSTR_COUNT);

constexpr const InstrSpec& instr_spec(Instr i) { return instr_specs[unsigned(i)]; }

inline void check_layout(Instr which, Instr layout) {
  if (instr_specs[unsigned(which)].layout != unsigned(layout))
    throw std::logic_error(std::string("emitting ") + instr_specs[unsigned(which)].name + " with the operands of " +
                           instr_specs[unsigned(layout)].name);
}

// The words of `outer` from position `at` on are exactly `inner`'s operands (a fused
// instruction that goes on into inner's handler after skipping its own first words).
constexpr bool layout_continues(Instr outer, unsigned at, Instr inner) {
  const InstrSpec& o = instr_spec(outer);
  const InstrSpec& i = instr_spec(inner);
  if (o.fixed != at + i.fixed || o.variable != i.variable) return false;
  for (unsigned k = 0; k < i.fixed; ++k)
    if (o.kinds[at + k] != i.kinds[k]) return false;
  if (!o.variable) return true;
  if (o.count_at != at + i.count_at || o.group != i.group) return false;
  for (unsigned k = 0; k < i.group; ++k)
    if (o.tail_kinds[k] != i.tail_kinds[k]) return false;
  return true;
}

// The first n operands of a and b have the same kinds (instructions sharing a handler body).
constexpr bool same_leading_operands(Instr a, Instr b, unsigned n) {
  const InstrSpec& x = instr_spec(a);
  const InstrSpec& y = instr_spec(b);
  if (x.fixed < n || y.fixed < n) return false;
  for (unsigned k = 0; k < n; ++k)
    if (x.kinds[k] != y.kinds[k]) return false;
  return true;
}

}  // namespace beamrun
