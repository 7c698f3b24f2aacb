// interp.cpp - the dispatch loop: one function, run(), with a computed goto from handler to
// handler. It must stay one function: label addresses exist only inside the function that
// holds the labels, and the locals below live in registers only while no call separates the
// handlers. The handlers are grouped in .inc files included into run() in place (calls,
// BIFs, tests, data, fused, exceptions, floats, bits, maps, messages); this file holds the
// locals, the macros every handler uses, moves, frames, and the exception path.
//
// Locals that mirror process state: I (instruction pointer), E (stack top), HTOP (heap top)
// and reds (the reductions left in the slice). The X registers stay in the process (p->x).
// SWAPOUT writes E and HTOP back to the process before anything that may allocate through
// the process or collect; SWAPIN reloads them after.
#include "interp/interp.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "interp/bits.h"
#include "interp/stacktrace.h"
#include "loader/instructions.h"
#include "loader/module.h"
#include "loader/sandbox.h"
#include "process/arith.h"
#include "process/runtime.h"
#include "supervision/exit_signals.h"
#include "supervision/process_signals.h"
#include "term/term_order.h"

namespace beamrun {

namespace {

// An R or D operand: the register it names. x and E as in run().
[[gnu::always_inline]] inline Term& reg_ref(RegWord r, Term* x, Term* E) {
  return *(((r.w & 4) ? E : x) + (r.w >> 3));
}
// An S operand: a constant (low bits 01, 10, 11) or a register.
[[gnu::always_inline]] inline Term src_term(SrcWord s, Term* x, Term* E) {
  return (s.w & 3) ? Term(s.w) : ((s.w & 4) ? E[s.w >> 3] : x[s.w >> 3]);
}
[[gnu::always_inline]] inline Term src_term(RegWord r, Term* x, Term* E) { return reg_ref(r, x, E); }

inline bool words_free(const Term* htop, const Term* e, size_t n) {
  return size_t(e - htop) >= n + STACK_RESERVE;
}

// Returns the code address for `value` in a (value, address) table sorted by value, or null.
inline const Word* select_lookup(const Word* table, Word count, Word value) {
  if (count <= 8) {
    for (Word i = 0; i < count; ++i)
      if (table[2 * i] == value) return reinterpret_cast<const Word*>(table[2 * i + 1]);
    return nullptr;
  }
  Word lo = 0, hi = count;
  while (lo < hi) {
    Word mid = (lo + hi) / 2;
    Word v = table[2 * mid];
    if (v == value) return reinterpret_cast<const Word*>(table[2 * mid + 1]);
    if (v < value) lo = mid + 1; else hi = mid;
  }
  return nullptr;
}

// A caught exception's raw trace is {Class, Trace}; code gets at the Trace through
// build_stacktrace, raise and raw_raise. Anything else is taken as a trace already.
inline Term raw_trace_term(Term raw) {
  if (is_tuple(raw) && tuple_arity(raw) == 2 && is_atom(tuple_element(raw, 1))) return tuple_element(raw, 2);
  return raw;
}

// Unpacks a proper list into x0..; returns its length or -1 when it is not a proper list.
inline int unpack_args(Term list, Term* x) {
  int n = 0;
  while (is_list(list)) {
    if (n >= int(MAX_X_REGS) - 2) return -1;
    x[n++] = car(list);
    list = cdr(list);
  }
  return is_nil(list) ? n : -1;
}

// Records a native call for a dirty thread (the process's DirtyCall is made on first use).
[[gnu::noinline]] void prepare_dirty_call(Process* p, BifFn fn, const Export* e, const Word* pc) {
  if (!p->dirty) p->dirty = std::make_unique<Process::DirtyCall>();
  p->dirty->io = p->native_request == NativeRequest::DirtyIo;
  p->native_request = NativeRequest::None;
  p->dirty->fn = fn;
  p->dirty->exp = e;
  p->dirty->pc = pc;
}

// Saves what a process needs to resume at `pc`: x0..x(n-1). Out of line: it allocates.
[[gnu::noinline]] void save_registers(Process* p, const Word* pc, const Term* x, unsigned n) {
  p->resume_pc = pc;
  p->saved_x.assign(x, x + n);
}

}  // namespace

// The loop itself. Called with p == nullptr it only reports its handler table, since label
// addresses exist only inside the function that holds the labels.
static SliceEnd run(Process* const p, const void* const** table_out) {
  static const void* const labels[] = {
#define BEAMRUN_LABEL(name, ops, doc) &&L_##name,
      BEAMRUN_INSTRUCTIONS(BEAMRUN_LABEL)
#undef BEAMRUN_LABEL
  };
  if (p == nullptr) {
    *table_out = labels;
    return SliceEnd::Done;
  }

  Runtime& vm = p->vm();
  Term* const x = p->x;
  double* const fr = p->regs->fr;
  Term* E = p->stop;
  Term* HTOP = p->htop;
  const Word* I = p->resume_pc;
  int64_t reds = SLICE_REDUCTIONS;

  // State for the exception path.
  const Word* fault_pc = nullptr;  // where the exception happened
  Term top_frame = NON_VALUE;      // a frame to put before the pc frame
  bool pc_frame = true;            // include the frame of the function holding fault_pc

  // For calls through export entries.
  const Export* call_e = nullptr;
  unsigned call_arity = 0;
  const Word* call_ret = nullptr;  // return address for body calls, null for tail calls
  Term bif_args[4];
  Term r;
  int variant = 0;  // which of several instructions sharing a body is running
  BifFn bif_fn = nullptr;
  CallTarget denied;  // a call a sandbox policy refused (interp_sandbox.inc)

#define SWAPOUT (p->stop = E, p->htop = HTOP)
  // Ends the slice; the scheduler decides what happens to the process next.
#define LEAVE(end)                                              \
  do {                                                          \
    SWAPOUT;                                                    \
    p->reductions += uint64_t(SLICE_REDUCTIONS - reds);         \
    return (end);                                               \
  } while (0)
  // Preempts the process: it resumes at `target` with x0..x(arity-1).
#define YIELD_TO(target, arity)                                 \
  do {                                                          \
    save_registers(p, (target), x, unsigned(arity));            \
    LEAVE(SliceEnd::Yield);                                     \
  } while (0)
#define SWAPIN (E = p->stop, HTOP = p->htop)
#define DISPATCH() goto *reinterpret_cast<const void*>(*I)
  // Operands are read by name through the accessors generated from the instruction's spec line
  // (loader/instructions.h): OP(i_move, src) is spec::i_move::src(I), a load at a constant offset.
  // NEXT_OF(name) steps over the instruction, its width also from the spec.
#define OP(name, field) (spec::name::field(I))
#define TAIL(name, field, i) (spec::name::tail_##field(I, (i)))
#define NEXT_OF(name) do { I += spec::name::width(I); DISPATCH(); } while (0)
  // A variable instruction whose count the handler knows (i_bif's fast paths: 1 or 2 args).
#define NEXT_N(name, count) do { I += spec::name::width_n(count); DISPATCH(); } while (0)
#define SRC(o) src_term((o), x, E)
#define DST(o) reg_ref((o), x, E)
#define RSRC(o) DST(o)  // a source operand the loader guarantees is a register
#define FAIL_TO(target) do { I = (target); DISPATCH(); } while (0)
  // Raise error:Reason at the current instruction.
#define RAISE_ERROR(reason_expr)                                              \
  do {                                                                        \
    SWAPOUT;                                                                  \
    Term reason_ = (reason_expr);                                             \
    p->raise(ExcKind::Error, reason_);                                        \
    fault_pc = I;                                                             \
    goto handle_exception;                                                    \
  } while (0)
  // Allocate n words at a point the compiler did not account for (never collects).
#define HALLOC(n, into)                                                       \
  do {                                                                        \
    if (words_free(HTOP, E, (n))) { into = HTOP; HTOP += (n); }               \
    else { SWAPOUT; into = p->alloc(n); SWAPIN; }                             \
  } while (0)
  // Make sure `heap` words are free between heap top and stack (and no collection is due),
  // collecting with x0..x(live-1) as roots; a process over its max_heap_size is killed.
#define ENSURE(heap, live)                                                                   \
  do {                                                                                       \
    if (!words_free(HTOP, E, (heap)) || p->gc_due()) {                                       \
      SWAPOUT; p->collect((heap), (live)); SWAPIN;                                           \
      /* max_heap_exceeded may build the exit reason on the heap: SWAPIN keeps it */         \
      if (p->max_heap_exceeded && max_heap_exceeded(p)) { SWAPIN; LEAVE(SliceEnd::Killed); } \
    }                                                                                        \
  } while (0)
  // Build {A, B} through the process (safe whether or not E/HTOP were swapped out).
#define MAKE_TUPLE2(a, b, out)                 \
  do {                                         \
    Term a_ = (a), b_ = (b);                   \
    SWAPOUT;                                   \
    Term* t_ = p->alloc(3);                    \
    SWAPIN;                                    \
    t_[0] = make_tuple_header(2); t_[1] = a_; t_[2] = b_; \
    out = make_boxed(t_);                      \
  } while (0)

  DISPATCH();

  // ---- functions ---------------------------------------------------------------------------
L_i_func_info: {
  // Reaching the function's info word means no clause matched.
  SWAPOUT;
  const FunctionInfo* fi = OP(i_func_info, info);
  Term args = make_list_from(*p, x, fi->arity);
  top_frame = function_frame_with_args(*p, I, fi->module, fi->name, args);
  pc_frame = false;
  p->raise(ExcKind::Error, atom::function_clause);
  fault_pc = I;
  goto handle_exception;
}

  // ---- moves -------------------------------------------------------------------------------
L_i_move:
  DST(OP(i_move, dst)) = RSRC(OP(i_move, src));
  NEXT_OF(i_move);
L_i_move_c:
  DST(OP(i_move_c, dst)) = OP(i_move_c, value);
  NEXT_OF(i_move_c);
L_i_move_xx:
  x[OP(i_move_xx, to)] = x[OP(i_move_xx, from)];
  NEXT_OF(i_move_xx);
L_i_swap: {
  RegWord a = OP(i_swap, a), b = OP(i_swap, b);
  Term t = DST(a);
  DST(a) = DST(b);
  DST(b) = t;
  NEXT_OF(i_swap);
}
L_i_init_yreg:
  E[OP(i_init_yreg, y)] = NIL;
  NEXT_OF(i_init_yreg);

  // ---- stack frames and heap -----------------------------------------------------------------
L_i_allocate: {
  Word slots = OP(i_allocate, slots), heap = OP(i_allocate, heap), live = OP(i_allocate, live);
  ENSURE(heap + slots + 1, unsigned(live));
  E -= slots;
  for (Word i = 0; i < slots; ++i) E[i] = NIL;
  NEXT_OF(i_allocate);
}
L_i_deallocate:
  E += OP(i_deallocate, slots);
  NEXT_OF(i_deallocate);
L_i_trim: {
  // Drop the N lowest y slots: the remaining ones keep their relative order.
  E += OP(i_trim, slots);
  NEXT_OF(i_trim);
}
L_i_test_heap:
  ENSURE(OP(i_test_heap, heap), unsigned(OP(i_test_heap, live)));
  NEXT_OF(i_test_heap);

#include "interp/interp_calls.inc"

#include "interp/interp_bifs.inc"

#include "interp/interp_tests.inc"

#include "interp/interp_data.inc"

#include "interp/interp_fused.inc"

#include "interp/interp_exceptions.inc"

#include "interp/interp_floats.inc"

#include "interp/interp_bits.inc"
#include "interp/interp_maps.inc"

#include "interp/interp_messages.inc"

#include "interp/interp_sandbox.inc"

  // ---- the end and the unknown ---------------------------------------------------------------
L_i_dirty_raise:
  // A dirty call raised: x0.. hold its arguments again, p->exc_* the exception.
  fault_pc = p->dirty->pc;
  if (p->exc_bif_frame) top_frame = bif_frame(*p, p->dirty->exp, x);
  goto handle_exception;
L_i_return_to_host:
  save_registers(p, I, x, 1);
  LEAVE(SliceEnd::Done);
L_i_not_implemented: {
  SWAPOUT;
  const char* what = OP(i_not_implemented, what);
  Term name = vm.atoms().intern(what);
  Term reason;
  MAKE_TUPLE2(atom::beamrun_unsupported, name, reason);
  p->raise(ExcKind::Error, reason);
  fault_pc = I;
  goto handle_exception;
}

handle_exception: {
  // p->exc_kind/exc_reason are set, and every way here leaves the process's own stack and
  // heap tops current (allocations on the way went through it). Find the innermost catch.
  SWAPIN;
  if (p->exc_kind == ExcKind::Halt) LEAVE(SliceEnd::Halt);
  Term trace = p->exc_trace != NON_VALUE ? p->exc_trace
                                         : build_stacktrace(*p, fault_pc, top_frame, pc_frame);
  p->exc_trace = NON_VALUE;
  top_frame = NON_VALUE;
  pc_frame = true;
  SWAPIN;
  if (p->catches > 0) {
    Term* frame = E;
    for (Term* s = E; s < p->heap_end; ++s) {
      Term w = *s;
      if (is_catch(w)) {
        E = frame;
        Term cls = exc_class_atom(p->exc_kind);
        x[0] = NON_VALUE;
        x[1] = cls;
        x[2] = p->exc_reason;
        MAKE_TUPLE2(cls, trace, x[3]);  // the raw trace: {Class, Trace}
        p->exc_kind = ExcKind::None;
        I = static_cast<const Word*>(catch_handler(w));
        DISPATCH();
      }
      if (is_header(w) && w != NON_VALUE) frame = s + 1;  // a return address ends a frame
    }
  }
  p->exc_trace = trace;
  LEAVE(SliceEnd::Raised);
}

#undef SWAPOUT
#undef LEAVE
#undef YIELD_TO
#undef SWAPIN
#undef DISPATCH
#undef OP
#undef TAIL
#undef NEXT_OF
#undef NEXT_N
#undef RSRC
#undef SRC
#undef DST
#undef FAIL_TO
#undef RAISE_ERROR
#undef HALLOC
#undef ENSURE
#undef MAKE_TUPLE2
}

// Instructions that share a handler body read each other's operands: these layouts must agree.
static_assert(layout_continues(Instr::i_put_tuple2_heap, spec::i_put_tuple2_heap::at::dst, Instr::i_put_tuple2));
static_assert(layout_continues(Instr::i_put_list_heap, spec::i_put_list_heap::at::hd, Instr::i_put_list));
static_assert(layout_continues(Instr::i_allocate_get_list, spec::i_allocate_get_list::at::list, Instr::i_get_list));
static_assert(same_leading_operands(Instr::i_call_bif, Instr::i_call_bif_last, 2) &&
              same_leading_operands(Instr::i_call_bif, Instr::i_call_bif_only, 2));
static_assert(same_leading_operands(Instr::i_bs_get_utf8, Instr::i_bs_skip_utf8, 2) &&
              same_leading_operands(Instr::i_bs_get_utf16, Instr::i_bs_skip_utf16, 3) &&
              same_leading_operands(Instr::i_bs_get_utf32, Instr::i_bs_skip_utf32, 3));
// The i_*_imm fast paths fall back on i_bif's body: an i_bif with two arguments, whose register
// and constant are both valid S words.
static_assert(same_leading_operands(Instr::i_plus_imm, Instr::i_bif, spec::i_bif::count_at) &&
              spec::i_plus_imm::words == spec::i_bif::width_n(2) &&
              unsigned(spec::i_plus_imm::at::a) == spec::i_bif::at::tail &&
              unsigned(spec::i_plus_imm::at::b) == spec::i_bif::at::tail + 1);
static_assert(spec::i_bs_create_bin::group == BS_SEG_WORDS, "bs_create_bin (interp/bits.h) walks the segments");

const void* const* interpreter_handlers() {
  static const void* const* const table = [] {
    const void* const* t = nullptr;
    run(nullptr, &t);
    return t;
  }();
  return table;
}

SliceEnd run_slice(Process& p) { return run(&p, nullptr); }

Instr instr_at(Word word) {
  // Handler addresses sorted, with their instruction: built once, searched by address.
  static const std::vector<std::pair<Word, unsigned>> sorted = [] {
    std::vector<std::pair<Word, unsigned>> v;
    const void* const* h = interpreter_handlers();
    for (unsigned i = 0; i < INSTR_COUNT; ++i) v.push_back({reinterpret_cast<Word>(h[i]), i});
    std::sort(v.begin(), v.end());
    return v;
  }();
  auto it = std::lower_bound(sorted.begin(), sorted.end(), std::pair<Word, unsigned>{word, 0});
  return it != sorted.end() && it->first == word ? Instr(it->second) : Instr::count;
}

}  // namespace beamrun
