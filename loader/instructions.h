// instructions.h - the threaded instruction set the interpreter runs.
//
// The loader translates each generic BEAM instruction (loader/genop.h) into one of these.
// In memory an instruction is the handler's address followed by pre-decoded operand words:
//
//   +-----------------+-----------+-----------+-----+
//   | &&handler       | operand 1 | operand 2 | ... |     one Word each
//   +-----------------+-----------+-----------+-----+
//
// Operand words are one of:
//   S  source:  a constant term (low bits 01, 10 or 11: immediates, literal pointers) or a
//               register: (n << 3) | 0 for x(n), (n << 3) | 4 for y(n). Both have low bits 00,
//               which no term value has, so one test tells constants from registers.
//   D  destination register, encoded as for S.
//   R  a source the loader knows is a register (encoded as D): read without the constant test.
//   C  a constant term (an immediate, or a pointer into the module's literals).
//   L  absolute code address (a label, resolved at load time; 0 = "no fail label: raise").
//   N  an untagged number.
//   P  a raw pointer (Export*, FunEntry*, BifFn, const char*).
//   T  a table, laid out as the instruction's comment says.
//
// These lists are the only place instructions are named; the handler table, the names used in
// error messages and the translator's emitters are generated from them. Bit syntax and map
// instructions have lists of their own (instructions_bits.h, instructions_maps.h) beside
// their handlers (interp_bits.inc, interp_maps.inc).
#pragma once

#include "loader/instructions_bits.h"
#include "loader/instructions_maps.h"

namespace beamrun {

#define BEAMRUN_INSTRUCTIONS(X) BEAMRUN_CORE_INSTRUCTIONS(X) BEAMRUN_BIT_INSTRUCTIONS(X) BEAMRUN_MAP_INSTRUCTIONS(X)

#define BEAMRUN_CORE_INSTRUCTIONS(X)                                                            \
  X(i_func_info, "P:FunctionInfo -- raise function_clause for the function's args")                 \
  X(i_move, "R D -- D := R")                                                                        \
  X(i_move_c, "C D -- D := the constant C (an immediate or a literal)")                             \
  X(i_move_xx, "N N -- x(b) := x(a)")                                                               \
  X(i_swap, "D D -- exchange two registers")                                                        \
  X(i_init_yreg, "N -- y(n) := [] (a slot the GC may see before it is written)")                    \
  X(i_allocate, "N:stack N:heap N:live -- push N slots (initialised []), ensure heap")              \
  X(i_deallocate, "N -- pop N stack slots")                                                         \
  X(i_trim, "N -- drop the N lowest y slots")                                                       \
  X(i_test_heap, "N:heap N:live -- collect if fewer than N words are free")                         \
  X(i_return, "-- pop the return address and jump there")                                           \
  X(i_call, "L N:arity -- push return address, jump to L")                                          \
  X(i_call_last, "L N N:arity -- pop N slots, jump to L (tail call)")                               \
  X(i_call_only, "L N:arity -- jump to L (tail call without a frame)")                              \
  X(i_call_ext, "P:Export -- call M:F/A through its export entry")                                  \
  X(i_call_ext_last, "P:Export N -- pop N slots, tail-call M:F/A")                                  \
  X(i_call_ext_only, "P:Export -- tail-call M:F/A")                                                 \
  X(i_call_bif, "P:BifFn P:Export -- call a native function with x0.. as args, result in x0")       \
  X(i_call_bif_last, "P:BifFn P:Export N -- as i_call_bif, then pop N slots and return")            \
  X(i_call_bif_only, "P:BifFn P:Export -- as i_call_bif, then return")                              \
  X(i_apply, "N:arity -- call x(N):x(N+1) with x0..x(N-1)")                                         \
  X(i_apply_last, "N:arity N -- pop N slots, tail-apply")                                           \
  X(i_apply3, "-- erlang:apply/3 called directly: x0:x1(list x2)")                                  \
  X(i_apply3_last, "N -- pop N slots, then as i_apply3 (tail)")                                     \
  X(i_apply3_only, "-- as i_apply3 (tail)")                                                         \
  X(i_apply_fun, "-- erlang:apply/2 called directly: fun x0 with the list x1")                      \
  X(i_apply_fun_last, "N -- pop N slots, then as i_apply_fun (tail)")                               \
  X(i_apply_fun_only, "-- as i_apply_fun (tail)")                                                   \
  X(i_bif, "P:BifFn P:Export L:fail N:argc N:live S... D -- BIF on argc sources (live ~0: no GC)")  \
  X(i_plus, "as i_bif for erlang:'+'/2 -- small + small inline, else the BIF")                      \
  X(i_minus, "as i_bif for erlang:'-'/2 -- small - small inline, else the BIF")                     \
  X(i_times, "as i_bif for erlang:'*'/2 -- small * small inline when it fits, else the BIF")        \
  X(i_band, "as i_bif for erlang:'band'/2 -- small band small inline, else the BIF")                \
  X(i_bor, "as i_bif for erlang:'bor'/2 -- small bor small inline, else the BIF")                   \
  X(i_rem, "as i_bif for erlang:'rem'/2 -- small rem nonzero small inline, else the BIF")           \
  X(i_intdiv, "as i_bif for erlang:'div'/2 -- small div nonzero small inline, else the BIF")        \
  X(i_element, "as i_bif for erlang:element/2 -- a tuple and an index in range inline, else the BIF") \
  X(i_tuple_size, "as i_bif for erlang:tuple_size/1 -- a tuple inline, else the BIF")               \
  X(i_hd, "as i_bif for erlang:hd/1 -- a cons inline, else the BIF")                                \
  X(i_tl, "as i_bif for erlang:tl/1 -- a cons inline, else the BIF")                                \
  X(i_jump, "L -- continue at L")                                                                   \
  X(i_is_lt, "L R R -- fail unless a < b (term order)")                                             \
  X(i_is_ge, "L R R -- fail unless a >= b")                                                         \
  X(i_is_eq, "L R R -- fail unless a == b")                                                         \
  X(i_is_ne, "L R R -- fail unless a /= b")                                                         \
  X(i_is_eq_exact, "L R R -- fail unless a =:= b")                                                  \
  X(i_is_ne_exact, "L R R -- fail unless a =/= b")                                                  \
  X(i_is_integer, "L R -- type test")                                                               \
  X(i_is_float, "L R -- type test")                                                                 \
  X(i_is_number, "L R -- type test")                                                                \
  X(i_is_atom, "L R -- type test")                                                                  \
  X(i_is_pid, "L R -- type test")                                                                   \
  X(i_is_reference, "L R -- type test")                                                             \
  X(i_is_port, "L R -- type test")                                                                  \
  X(i_is_nil, "L R -- type test")                                                                   \
  X(i_is_binary, "L R -- type test")                                                                \
  X(i_is_bitstring, "L R -- type test")                                                             \
  X(i_is_list, "L R -- type test: [] or a cons")                                                    \
  X(i_is_nonempty_list, "L R -- type test: a cons")                                                 \
  X(i_is_tuple, "L R -- type test")                                                                 \
  X(i_is_boolean, "L R -- type test")                                                               \
  X(i_is_function, "L R -- type test")                                                              \
  X(i_is_function2, "L S S -- fun of the given arity")                                              \
  X(i_is_map, "L R -- type test")                                                                   \
  X(i_test_arity, "L R N -- fail unless a tuple of arity N")                                        \
  X(i_is_tagged_tuple, "L R N S:atom -- fail unless a tuple of arity N whose first element is the atom") \
  X(i_select_val, "R L:fail N:count T:(value,L)* sorted by value -- jump by value")                 \
  X(i_select_tuple_arity, "R L:fail N:count T:(arity,L)* sorted -- jump by tuple arity")            \
  X(i_get_list, "R D D -- split a cons into head and tail")                                         \
  X(i_get_hd, "R D -- head of a cons")                                                              \
  X(i_get_tl, "R D -- tail of a cons")                                                              \
  X(i_put_list, "S S D -- D := [H|T]")                                                              \
  X(i_put_tuple2, "D N S... -- D := {S...}")                                                        \
  X(i_get_tuple_element, "R N D -- D := element(N+1, R)")                                           \
  X(i_set_tuple_element, "S S N -- destructively set element N+1 of a fresh tuple")                 \
  X(i_make_fun, "P:FunEntry D N S... -- build a closure over N free values")                        \
  X(i_call_fun, "N:arity -- call the fun in x(N) with x0..x(N-1)")                                  \
  X(i_call_fun_last, "N:arity N -- pop N slots, tail-call the fun in x(N)")                         \
  X(i_call_fun2, "S:fun N:arity -- call fun S with x0..x(N-1)")                                     \
  X(i_try, "N:y L -- y := catch tag for handler L")                                                 \
  X(i_try_end, "N:y -- leave a try: y := []")                                                       \
  X(i_try_case, "N:y -- enter a handler: y := [], x0..x2 := class, reason, stacktrace")             \
  X(i_catch_end, "N:y -- leave a catch: turn a caught exception into catch's value")                \
  X(i_raise, "S S -- old-style raise: class and reason (the stacktrace comes from the reason)")     \
  X(i_build_stacktrace, "-- x0 := the stacktrace term of the raw trace in x0")                      \
  X(i_raw_raise, "-- raise class x0, reason x1, stacktrace x2")                                     \
  X(i_badmatch, "S -- error {badmatch, S}")                                                         \
  X(i_case_end, "S -- error {case_clause, S}")                                                      \
  X(i_try_case_end, "S -- error {try_clause, S}")                                                   \
  X(i_if_end, "-- error if_clause")                                                                 \
  X(i_badrecord, "S -- error {badrecord, S}")                                                       \
  X(i_fmove_to_freg, "S N -- fr(N) := float S (a float term)")                                      \
  X(i_fmove_from_freg, "N D -- D := a new float from fr(N)")                                        \
  X(i_fconv, "S N -- fr(N) := float(S), badarith unless a number")                                  \
  X(i_fadd, "N N N -- fr(c) := fr(a) + fr(b)")                                                      \
  X(i_fsub, "N N N -- fr(c) := fr(a) - fr(b)")                                                      \
  X(i_fmul, "N N N -- fr(c) := fr(a) * fr(b)")                                                      \
  X(i_fdiv, "N N N -- fr(c) := fr(a) / fr(b)")                                                      \
  X(i_fnegate, "N N -- fr(b) := 0.0 - fr(a)")                                                          \
  X(i_send, "-- send x1 to x0; x0 := x1")                                                           \
  X(i_loop_rec, "L D -- D := the message the receive looks at, or jump to L if none")               \
  X(i_loop_rec_end, "L -- move the receive on to the next message, jump to L")                      \
  X(i_remove_message, "-- take the current message out of the queue; the receive is over")          \
  X(i_wait, "L -- suspend until a signal arrives, then continue at L")                              \
  X(i_wait_timeout, "L S:ms -- as i_wait, but fall through once S ms have passed")                  \
  X(i_timeout, "-- the receive timed out: reset its scan")                                          \
  X(i_recv_marker_reserve, "D -- D := a marker at the end of the message queue")                    \
  X(i_recv_marker_bind, "S:marker S:ref -- bind the marker to the reference")                       \
  X(i_recv_marker_use, "S:ref -- start the receive scan at ref's marker")                           \
  X(i_recv_marker_clear, "S:ref -- drop ref's marker")                                              \
  X(i_dirty_raise, "-- raise the exception a dirty native call left in the process")                \
  /* Superinstructions and operand shapes chosen at load time (loader/translate_fused.cpp). */ \
  X(i_move_return, "S -- x0 := S, then return")                                                     \
  X(i_deallocate_return, "N -- pop N slots, then return")                                           \
  X(i_move_deallocate_return, "S N -- x0 := S, pop N slots, then return")                           \
  X(i_move2, "R D R D -- two moves of registers, in order")                                         \
  X(i_is_eq_exact_imm, "L R C -- fail unless R is the immediate C (atom, small, [])")               \
  X(i_is_ne_exact_imm, "L R C -- fail if R is the immediate C")                                     \
  X(i_is_tuple_arity, "L L R N -- to the first label unless a tuple, the second unless arity N")    \
  X(i_get_two_elements, "R N D N D -- two get_tuple_elements of one tuple")                         \
  X(i_put_tuple2_heap, "N:heap N:live D N S... -- test_heap, then put_tuple2")                      \
  X(i_plus_imm, "as i_plus, the first source R, the second a small constant")                       \
  X(i_times_imm, "as i_times, the first source R, the second a small constant")                     \
  X(i_band_imm, "as i_band, the first source R, the second a small constant")                       \
  X(i_minus_imm, "as i_minus, the first source R, the second a small constant")                     \
  X(i_put_list_heap, "N:heap N:live S S D -- test_heap, then put_list")                             \
  X(i_allocate_get_list, "N:stack N:heap N:live S D D -- allocate, then get_list")                  \
  X(i_is_lt_imm, "L R C -- as i_is_lt, the second source a small constant")                         \
  X(i_is_ge_imm, "L R C -- as i_is_ge, the second source a small constant")                         \
  X(i_is_nonempty_list_get, "L R D D -- fail unless a cons, then split it as i_get_list")           \
  X(i_return_to_host, "-- the bottom of every stack: the entry function has returned")              \
  X(i_not_implemented, "P:const char* -- raise an internal error naming the instruction")

enum class Instr : unsigned {
#define BEAMRUN_INSTR_ENUM(name, doc) name,
  BEAMRUN_INSTRUCTIONS(BEAMRUN_INSTR_ENUM)
#undef BEAMRUN_INSTR_ENUM
  count
};

const char* instr_name(Instr i);

}  // namespace beamrun
