// genop.h - the generic BEAM instruction set, as numbered in OTP's genop.tab.
//
// A .beam Code chunk is a byte stream: one opcode byte, then exactly `arity` operands in the
// compact term encoding below. Opcode numbers and arities are fixed facts of the file format:
// OTP 25 ends at 180 badrecord, OTP 26 adds 181-182, OTP 27 183, OTP 28 184. Obsolete opcodes
// stay listed (with their real arity) so that old files decode and get a clear error later.
//
// Compact term encoding (one operand)
// -----------------------------------
// The low 3 bits of the first byte are the tag:
//
//   0 u  untagged number        4 y  Y register
//   1 i  integer (signed)       5 f  label (0 = no label)
//   2 a  atom index (0 = [])    6 h  character
//   3 x  X register             7 z  extended form, the value says which (below)
//
// The next bits say how the value is stored:
//
//   7 6 5 4 3 2 1 0
//  +-------+-+-+-----+
//  | value |0| tag   |   value 0..15 in the high nibble (bit 3 clear)
//  +-------+-+-+-----+
//  | hi 3  |0|1| tag |   + 1 byte: value = hi3 << 8 | next byte   (0..2047)
//  +-----+-+-+-+-----+
//  | n-2 |1|1| tag   |   + n bytes (n = 2..8), big-endian; `i` values are two's complement
//  +-----+-+-+-------+
//  | 111 |1|1| tag   |   + a nested `u` operand k, then k+9 bytes (big numbers)
//  +-----+-+-+-------+
//
// Extended forms (tag z, value):
//   0 float literal (before R16): 8 bytes big-endian IEEE double follow
//   1 list: a `u` count follows, then that many operands (select_val tables, bs_match...)
//   2 float register: a `u` register number follows
//   3 allocation list: a `u` count, then count pairs of `u` (kind 0 words/1 floats/2 funs, n)
//   4 literal: a `u` index into the LitT table follows
//   5 type-tagged register (OTP 25+): an x or y operand, then a `u` index into the Type chunk
#pragma once
#include <cstdint>

namespace beamrun {

// X(name, number, arity, "operands -- meaning"). `name` is the genop.tab name; some are C++
// keywords (catch, try, return), so use it only through ## pasting or # stringizing.
#define BEAMRUN_GENOPS(X)                                                                        \
  X(label, 1, 1, "Lbl -- defines label Lbl here")                                                \
  X(func_info, 2, 3, "M F A -- function header; reaching it raises function_clause")            \
  X(int_code_end, 3, 0, "-- end of the code")                                                    \
  X(call, 4, 2, "Arity Lbl -- call a local function")                                            \
  X(call_last, 5, 3, "Arity Lbl Dealloc -- drop Dealloc stack words, tail-call Lbl")             \
  X(call_only, 6, 2, "Arity Lbl -- tail-call Lbl (no stack frame)")                              \
  X(call_ext, 7, 2, "Arity Import -- call an imported function")                                 \
  X(call_ext_last, 8, 3, "Arity Import Dealloc -- drop the frame, tail-call an import")          \
  X(bif0, 9, 2, "Bif Dst -- call a BIF of no arguments")                                         \
  X(bif1, 10, 4, "Fail Bif Arg Dst -- call a one-argument guard BIF")                            \
  X(bif2, 11, 5, "Fail Bif A1 A2 Dst -- call a two-argument guard BIF")                          \
  X(allocate, 12, 2, "Need Live -- push a stack frame of Need Y slots")                         \
  X(allocate_heap, 13, 3, "Need Heap Live -- allocate a frame and ensure Heap free words")       \
  X(allocate_zero, 14, 2, "Need Live -- (obsolete, OTP 24) allocate a cleared frame")            \
  X(allocate_heap_zero, 15, 3, "Need Heap Live -- (obsolete, OTP 24) as allocate_heap, cleared") \
  X(test_heap, 16, 2, "Heap Live -- collect garbage unless Heap words are free")                 \
  X(init, 17, 1, "Y -- (obsolete, OTP 24) clear Y slot")                                         \
  X(deallocate, 18, 1, "N -- pop the stack frame of N slots")                                    \
  X(return, 19, 0, "-- return to the continuation pointer")                                      \
  X(send, 20, 0, "-- send x1 to x0; x0 := x1")                                                   \
  X(remove_message, 21, 0, "-- unlink the current message from the mailbox")                     \
  X(timeout, 22, 0, "-- a receive timed out: reset the mailbox scan")                            \
  X(loop_rec, 23, 2, "Fail Dst -- Dst := current message, or jump to Fail if none")              \
  X(loop_rec_end, 24, 1, "Lbl -- advance to the next message, jump to Lbl")                      \
  X(wait, 25, 1, "Lbl -- suspend until a message arrives, then jump to Lbl")                     \
  X(wait_timeout, 26, 2, "Lbl Time -- as wait, but time out after Time ms")                      \
  X(m_plus, 27, 4, "Fail A B Dst -- (removed, pre-R10) +")                                       \
  X(m_minus, 28, 4, "Fail A B Dst -- (removed) -")                                               \
  X(m_times, 29, 4, "Fail A B Dst -- (removed) *")                                               \
  X(m_div, 30, 4, "Fail A B Dst -- (removed) /")                                                 \
  X(int_div, 31, 4, "Fail A B Dst -- (removed) div")                                             \
  X(int_rem, 32, 4, "Fail A B Dst -- (removed) rem")                                             \
  X(int_band, 33, 4, "Fail A B Dst -- (removed) band")                                           \
  X(int_bor, 34, 4, "Fail A B Dst -- (removed) bor")                                             \
  X(int_bxor, 35, 4, "Fail A B Dst -- (removed) bxor")                                           \
  X(int_bsl, 36, 4, "Fail A B Dst -- (removed) bsl")                                             \
  X(int_bsr, 37, 4, "Fail A B Dst -- (removed) bsr")                                             \
  X(int_bnot, 38, 3, "Fail A Dst -- (removed) bnot")                                             \
  X(is_lt, 39, 3, "Fail A B -- jump to Fail unless A < B")                                       \
  X(is_ge, 40, 3, "Fail A B -- jump to Fail unless A >= B")                                      \
  X(is_eq, 41, 3, "Fail A B -- jump to Fail unless A == B")                                      \
  X(is_ne, 42, 3, "Fail A B -- jump to Fail unless A /= B")                                      \
  X(is_eq_exact, 43, 3, "Fail A B -- jump to Fail unless A =:= B")                               \
  X(is_ne_exact, 44, 3, "Fail A B -- jump to Fail unless A =/= B")                               \
  X(is_integer, 45, 2, "Fail Src -- type test")                                                  \
  X(is_float, 46, 2, "Fail Src -- type test")                                                    \
  X(is_number, 47, 2, "Fail Src -- type test")                                                   \
  X(is_atom, 48, 2, "Fail Src -- type test")                                                     \
  X(is_pid, 49, 2, "Fail Src -- type test")                                                      \
  X(is_reference, 50, 2, "Fail Src -- type test")                                                \
  X(is_port, 51, 2, "Fail Src -- type test")                                                     \
  X(is_nil, 52, 2, "Fail Src -- type test: []")                                                  \
  X(is_binary, 53, 2, "Fail Src -- type test")                                                   \
  X(is_constant, 54, 2, "Fail Src -- (obsolete) type test")                                      \
  X(is_list, 55, 2, "Fail Src -- type test: [] or a cons")                                       \
  X(is_nonempty_list, 56, 2, "Fail Src -- type test: a cons")                                    \
  X(is_tuple, 57, 2, "Fail Src -- type test")                                                    \
  X(test_arity, 58, 3, "Fail Tuple Arity -- jump to Fail unless the tuple has Arity elements")   \
  X(select_val, 59, 3, "Src Fail {Val Lbl ...} -- jump to the label of the matching value")      \
  X(select_tuple_arity, 60, 3, "Tuple Fail {Arity Lbl ...} -- jump by tuple arity")              \
  X(jump, 61, 1, "Lbl -- continue at Lbl")                                                       \
  X(catch, 62, 2, "Y Lbl -- put a catch tag for handler Lbl in Y")                               \
  X(catch_end, 63, 1, "Y -- end of a catch: clear Y, turn an exception into x0")                 \
  X(move, 64, 2, "Src Dst -- Dst := Src")                                                        \
  X(get_list, 65, 3, "Src Head Tail -- split a cons")                                            \
  X(get_tuple_element, 66, 3, "Src Index Dst -- Dst := element Index (0-based) of Src")          \
  X(set_tuple_element, 67, 3, "Val Tuple Index -- destructively set a tuple element")            \
  X(put_string, 68, 3, "Len String Dst -- (obsolete) build a string list from StrT")            \
  X(put_list, 69, 3, "Head Tail Dst -- Dst := [Head|Tail]")                                      \
  X(put_tuple, 70, 2, "Arity Dst -- (obsolete, OTP 22) start a tuple, `put`s follow")            \
  X(put, 71, 1, "Val -- (obsolete, OTP 22) next tuple element")                                  \
  X(badmatch, 72, 1, "Val -- raise {badmatch, Val}")                                             \
  X(if_end, 73, 0, "-- raise if_clause")                                                         \
  X(case_end, 74, 1, "Val -- raise {case_clause, Val}")                                          \
  X(call_fun, 75, 1, "Arity -- call the fun in x(Arity) with x0..")                              \
  X(make_fun, 76, 3, "Lbl Uniq NumFree -- (obsolete) build a fun")                               \
  X(is_function, 77, 2, "Fail Src -- type test")                                                 \
  X(call_ext_only, 78, 2, "Arity Import -- tail-call an import (no frame)")                      \
  X(bs_start_match, 79, 2, "Fail Reg -- (obsolete) start a binary match")                        \
  X(bs_get_integer, 80, 5, "Fail Size Unit Flags Dst -- (obsolete)")                             \
  X(bs_get_float, 81, 5, "Fail Size Unit Flags Dst -- (obsolete)")                               \
  X(bs_get_binary, 82, 5, "Fail Size Unit Flags Dst -- (obsolete)")                              \
  X(bs_skip_bits, 83, 4, "Fail Size Unit Flags -- (obsolete)")                                   \
  X(bs_test_tail, 84, 2, "Fail Bits -- (obsolete)")                                              \
  X(bs_save, 85, 1, "Slot -- (obsolete)")                                                        \
  X(bs_restore, 86, 1, "Slot -- (obsolete)")                                                     \
  X(bs_init, 87, 2, "Size Flags -- (obsolete) start building a binary")                          \
  X(bs_final, 88, 2, "Fail Dst -- (obsolete)")                                                   \
  X(bs_put_integer, 89, 5, "Fail Size Unit Flags Src -- put an integer segment (pre OTP 25)")    \
  X(bs_put_binary, 90, 5, "Fail Size Unit Flags Src -- put a binary segment (pre OTP 25)")       \
  X(bs_put_float, 91, 5, "Fail Size Unit Flags Src -- put a float segment (pre OTP 25)")         \
  X(bs_put_string, 92, 2, "Len Offset -- put StrT bytes (pre OTP 25)")                           \
  X(bs_need_buf, 93, 1, "Bits -- (obsolete)")                                                    \
  X(fclearerror, 94, 0, "-- (obsolete, OTP 24) clear the float error state")                     \
  X(fcheckerror, 95, 1, "Fail -- (obsolete, OTP 24) raise badarith on a float error")            \
  X(fmove, 96, 2, "Src Dst -- move to/from a float register")                                    \
  X(fconv, 97, 2, "Src FDst -- convert a number to a float register")                            \
  X(fadd, 98, 4, "Fail FA FB FDst -- float +")                                                   \
  X(fsub, 99, 4, "Fail FA FB FDst -- float -")                                                   \
  X(fmul, 100, 4, "Fail FA FB FDst -- float *")                                                  \
  X(fdiv, 101, 4, "Fail FA FB FDst -- float /")                                                  \
  X(fnegate, 102, 3, "Fail FA FDst -- float negation")                                           \
  X(make_fun2, 103, 1, "FunIndex -- (obsolete, OTP 24) x0 := fun capturing x0..")               \
  X(try, 104, 2, "Y Lbl -- put a try tag for handler Lbl in Y")                                  \
  X(try_end, 105, 1, "Y -- leave a try normally")                                                \
  X(try_case, 106, 1, "Y -- enter the catch clauses: x0..x2 := class, reason, stacktrace")       \
  X(try_case_end, 107, 1, "Val -- raise {try_clause, Val}")                                      \
  X(raise, 108, 2, "Stacktrace Val -- re-raise with the class of the stacktrace")                \
  X(bs_init2, 109, 6, "Fail Size Extra Live Flags Dst -- start a binary of Size bytes")          \
  X(bs_bits_to_bytes, 110, 3, "Fail Src Dst -- (obsolete)")                                      \
  X(bs_add, 111, 5, "Fail A B Unit Dst -- Dst := A + B * Unit (sizes)")                          \
  X(apply, 112, 1, "Arity -- call x(Arity):x(Arity+1) with x0..")                                \
  X(apply_last, 113, 2, "Arity Dealloc -- drop the frame, tail-apply")                           \
  X(is_boolean, 114, 2, "Fail Src -- type test")                                                 \
  X(is_function2, 115, 3, "Fail Src Arity -- type test: a fun of Arity")                         \
  X(bs_start_match2, 116, 5, "Fail Src Live Slots Dst -- (obsolete, OTP 22) start a match")      \
  X(bs_get_integer2, 117, 7, "Fail Ctx Live Size Unit Flags Dst -- match an integer")            \
  X(bs_get_float2, 118, 7, "Fail Ctx Live Size Unit Flags Dst -- match a float")                 \
  X(bs_get_binary2, 119, 7, "Fail Ctx Live Size Unit Flags Dst -- match a binary")               \
  X(bs_skip_bits2, 120, 5, "Fail Ctx Size Unit Flags -- skip bits")                              \
  X(bs_test_tail2, 121, 3, "Fail Ctx Bits -- fail unless exactly Bits remain")                   \
  X(bs_save2, 122, 2, "Ctx Slot -- (obsolete, OTP 22) save the match position")                  \
  X(bs_restore2, 123, 2, "Ctx Slot -- (obsolete, OTP 22) restore the match position")            \
  X(gc_bif1, 124, 5, "Fail Live Bif Arg Dst -- BIF that may allocate")                           \
  X(gc_bif2, 125, 6, "Fail Live Bif A1 A2 Dst -- BIF that may allocate")                         \
  X(bs_final2, 126, 2, "Src Dst -- (obsolete)")                                                  \
  X(bs_bits_to_bytes2, 127, 2, "Src Dst -- (obsolete)")                                          \
  X(put_literal, 128, 2, "Index Dst -- (obsolete)")                                              \
  X(is_bitstr, 129, 2, "Fail Src -- type test: a bitstring")                                     \
  X(bs_context_to_binary, 130, 1, "Reg -- (obsolete, OTP 22) match context back to a binary")    \
  X(bs_test_unit, 131, 3, "Fail Ctx Unit -- fail unless the remaining bits divide by Unit")      \
  X(bs_match_string, 132, 4, "Fail Ctx Bits Offset -- match Bits bits of StrT at Offset")        \
  X(bs_init_writable, 133, 0, "-- x0 := a writable binary of x0 bytes' capacity")                \
  X(bs_append, 134, 8, "Fail Size Extra Live Unit Bin Flags Dst -- append to a binary")          \
  X(bs_private_append, 135, 6, "Fail Size Unit Bin Flags Dst -- append to an unshared binary")   \
  X(trim, 136, 2, "N Remaining -- drop the N lowest Y slots")                                    \
  X(bs_init_bits, 137, 6, "Fail Bits Extra Live Flags Dst -- start a bitstring")                 \
  X(bs_get_utf8, 138, 5, "Fail Ctx Live Flags Dst -- match a UTF-8 code point")                  \
  X(bs_skip_utf8, 139, 4, "Fail Ctx Live Flags -- skip a UTF-8 code point")                      \
  X(bs_get_utf16, 140, 5, "Fail Ctx Live Flags Dst -- match a UTF-16 code point")                \
  X(bs_skip_utf16, 141, 4, "Fail Ctx Live Flags -- skip a UTF-16 code point")                    \
  X(bs_get_utf32, 142, 5, "Fail Ctx Live Flags Dst -- match a UTF-32 code point")                \
  X(bs_skip_utf32, 143, 4, "Fail Ctx Live Flags -- skip a UTF-32 code point")                    \
  X(bs_utf8_size, 144, 3, "Fail Src Dst -- bytes needed to encode Src in UTF-8")                 \
  X(bs_put_utf8, 145, 3, "Fail Flags Src -- put a UTF-8 segment (pre OTP 25)")                   \
  X(bs_utf16_size, 146, 3, "Fail Src Dst -- bytes needed to encode Src in UTF-16")               \
  X(bs_put_utf16, 147, 3, "Fail Flags Src -- put a UTF-16 segment (pre OTP 25)")                 \
  X(bs_put_utf32, 148, 3, "Fail Flags Src -- put a UTF-32 segment (pre OTP 25)")                 \
  X(on_load, 149, 0, "-- marks the function run when the module is loaded")                      \
  X(recv_mark, 150, 1, "Lbl -- (obsolete, OTP 24) remember the mailbox end")                     \
  X(recv_set, 151, 1, "Lbl -- (obsolete, OTP 24) start the scan at the mark")                    \
  X(gc_bif3, 152, 7, "Fail Live Bif A1 A2 A3 Dst -- BIF that may allocate")                      \
  X(line, 153, 1, "Index -- source location of the next instruction (Line chunk item)")          \
  X(put_map_assoc, 154, 5, "Fail Map Dst Live {K V ...} -- Map#{K => V}")                        \
  X(put_map_exact, 155, 5, "Fail Map Dst Live {K V ...} -- Map#{K := V}")                        \
  X(is_map, 156, 2, "Fail Src -- type test")                                                     \
  X(has_map_fields, 157, 3, "Fail Map {K ...} -- fail unless all keys are present")              \
  X(get_map_elements, 158, 3, "Fail Map {K Dst ...} -- fetch values, fail if a key is missing")  \
  X(is_tagged_tuple, 159, 4, "Fail Src Arity Atom -- tuple of Arity whose first element is Atom") \
  X(build_stacktrace, 160, 0, "-- x0 := the user-visible form of the raw stacktrace in x0")      \
  X(raw_raise, 161, 0, "-- raise class x0, reason x1, raw stacktrace x2")                        \
  X(get_hd, 162, 2, "Src Head -- head of a cons")                                                \
  X(get_tl, 163, 2, "Src Tail -- tail of a cons")                                                \
  X(put_tuple2, 164, 2, "Dst {Elements} -- build a tuple")                                       \
  X(bs_get_tail, 165, 3, "Ctx Dst Live -- the rest of the matched binary")                       \
  X(bs_start_match3, 166, 4, "Fail Bin Live Dst -- start a binary match")                        \
  X(bs_get_position, 167, 3, "Ctx Dst Live -- save the match position")                          \
  X(bs_set_position, 168, 2, "Ctx Pos -- restore the match position")                            \
  X(swap, 169, 2, "A B -- exchange two registers")                                               \
  X(bs_start_match4, 170, 4, "Fail Live Src Dst -- start a match (Fail may be no_fail/resume)")  \
  X(make_fun3, 171, 3, "FunIndex Dst {Env} -- build a fun with the free variables Env")          \
  X(init_yregs, 172, 1, "{Y ...} -- clear the listed Y slots")                                   \
  X(recv_marker_bind, 173, 2, "Marker Ref -- bind a reserved receive marker to Ref")             \
  X(recv_marker_clear, 174, 1, "Ref -- drop the receive marker of Ref")                          \
  X(recv_marker_reserve, 175, 1, "Dst -- reserve a marker at the mailbox end")                   \
  X(recv_marker_use, 176, 1, "Ref -- start the mailbox scan at Ref's marker")                    \
  X(bs_create_bin, 177, 6, "Fail Alloc Live Unit Dst {Segments} -- build a binary")              \
  X(call_fun2, 178, 3, "Tag Arity Fun -- call Fun with x0..; Tag says what is known of it")      \
  X(nif_start, 179, 0, "-- marks a function that a NIF may replace")                             \
  X(badrecord, 180, 1, "Val -- raise {badrecord, Val}")                                          \
  X(update_record, 181, 5, "Hint Size Src Dst {Index Val ...} -- copy a record with updates")    \
  X(bs_match, 182, 3, "Fail Ctx {Commands} -- run a sequence of binary match commands")          \
  X(executable_line, 183, 2, "Location Index -- marks an executable line (coverage)")            \
  X(debug_line, 184, 4, "Kind Location Index Live -- a breakpoint site (beam_debug_info)")

// Opcode numbers, named op_<genop name> (op_move, op_catch...).
enum GenOp : uint16_t {
#define BEAMRUN_GENOP_ENUM(name, number, arity, doc) op_##name = number,
  BEAMRUN_GENOPS(BEAMRUN_GENOP_ENUM)
#undef BEAMRUN_GENOP_ENUM
};

// The highest opcode this loader knows (OTP 28's debug_line, 184), from the table above.
constexpr unsigned MAX_GENOP = [] {
  unsigned highest = 0;
#define BEAMRUN_GENOP_MAX(name, number, arity, doc) highest = number > highest ? number : highest;
  BEAMRUN_GENOPS(BEAMRUN_GENOP_MAX)
#undef BEAMRUN_GENOP_MAX
  return highest;
}();
static_assert(MAX_GENOP == op_debug_line, "genop.tab's last opcode (OTP 28)");

struct GenopInfo {
  const char* name;  // null for numbers genop.tab does not use (only 0)
  uint8_t arity;
  const char* doc;
};

namespace genop_detail {
struct Table {
  GenopInfo info[MAX_GENOP + 1];
  constexpr Table() : info{} {
#define BEAMRUN_GENOP_INFO(name_, number, arity_, doc_) info[number] = GenopInfo{#name_, arity_, doc_};
    BEAMRUN_GENOPS(BEAMRUN_GENOP_INFO)
#undef BEAMRUN_GENOP_INFO
  }
};
inline constexpr Table table{};
}  // namespace genop_detail

// Name and arity of a generic opcode, or null if the number is not a known opcode.
inline constexpr const GenopInfo* genop_info(unsigned opcode) {
  if (opcode == 0 || opcode > MAX_GENOP) return nullptr;
  const GenopInfo& g = genop_detail::table.info[opcode];
  return g.name ? &g : nullptr;
}

static_assert(genop_info(op_move)->arity == 2, "move/2");
static_assert(genop_info(op_debug_line)->arity == 4, "debug_line/4");
static_assert(genop_info(0) == nullptr && genop_info(MAX_GENOP + 1) == nullptr, "out of range");

}  // namespace beamrun
