// interp.cpp - the dispatch loop. One function, computed goto, registers in locals.
//
// Locals that mirror process state: I (instruction pointer), E (stack top), HTOP (heap top).
// SWAPOUT writes E and HTOP back to the process before anything that may allocate through
// the process or collect; SWAPIN reloads them after.
#include "vm/interp.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "vm/arith.h"
#include "vm/bits.h"
#include "vm/instructions.h"
#include "vm/module.h"
#include "vm/process_signals.h"
#include "supervision/exit_signals.h"
#include "vm/stacktrace.h"
#include "vm/term_order.h"
#include "vm/vm.h"

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

  VM& vm = p->vm();
  Term* const x = p->x;
  double* const fr = p->fr;
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
  // (vm/instructions.h): OP(i_move, src) is spec::i_move::src(I), a load at a constant offset.
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
  // Make room for n heap words and k stack words, collecting with `live` X roots.
#define ENSURE(heap, live)                                                                   \
  do {                                                                                       \
    if (!words_free(HTOP, E, (heap)) || p->gc_due()) {                                       \
      SWAPOUT; p->collect((heap), (live)); SWAPIN;                                           \
      if (p->max_heap_exceeded && max_heap_exceeded(p)) LEAVE(SliceEnd::Killed);            \
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

  // ---- calls ---------------------------------------------------------------------------------
L_i_return:
do_return:
  I = reinterpret_cast<const Word*>(*E++);
  DISPATCH();
  // A call costs a reduction; when the slice's are used up the process yields at the callee.
L_i_call:
  if (E - 1 <= HTOP) { SWAPOUT; p->collect(1, unsigned(OP(i_call, arity))); SWAPIN; }
  *--E = reinterpret_cast<Word>(I + spec::i_call::words);
  if (--reds <= 0) YIELD_TO(OP(i_call, target), OP(i_call, arity));
  I = OP(i_call, target);
  DISPATCH();
L_i_call_last:
  E += OP(i_call_last, dealloc);
  if (--reds <= 0) YIELD_TO(OP(i_call_last, target), OP(i_call_last, arity));
  I = OP(i_call_last, target);
  DISPATCH();
L_i_call_only:
  if (--reds <= 0) YIELD_TO(OP(i_call_only, target), OP(i_call_only, arity));
  I = OP(i_call_only, target);
  DISPATCH();
L_i_call_ext:
  call_e = OP(i_call_ext, exp);
  call_arity = call_e->arity;
  call_ret = I + spec::i_call_ext::words;
  goto do_call_export;
L_i_call_ext_last:
  call_e = OP(i_call_ext_last, exp);
  call_arity = call_e->arity;
  E += OP(i_call_ext_last, dealloc);
  call_ret = nullptr;
  goto do_call_export;
L_i_call_ext_only:
  call_e = OP(i_call_ext_only, exp);
  call_arity = call_e->arity;
  call_ret = nullptr;
  goto do_call_export;

  // Calls call_e with call_arity args in x0...; call_ret is the return address of a body call.
do_call_export: {
  if (call_e->bif) {
    --reds;
    bif_fn = call_e->bif;
    goto do_native_call;
  }
  const void* addr = call_e->address.load(std::memory_order_acquire);
  if (addr == nullptr) {
    SWAPOUT;
    std::string err;
    vm.ensure_loaded(call_e->module, &err);
    SWAPIN;
    addr = call_e->address.load(std::memory_order_acquire);
  }
  if (call_ret) {
    if (E - 1 <= HTOP) { SWAPOUT; p->collect(1, call_arity); SWAPIN; }
    *--E = reinterpret_cast<Word>(call_ret);
  }
  if (addr == nullptr) {
    SWAPOUT;
    top_frame = undef_frame(*p, call_e->module, call_e->function, x, call_arity);
    pc_frame = false;
    p->raise(ExcKind::Error, atom::undef);
    fault_pc = I;
    goto handle_exception;
  }
  if (--reds <= 0) YIELD_TO(static_cast<const Word*>(addr), call_arity);
  I = static_cast<const Word*>(addr);
  DISPATCH();
}

  // Variants share one body; `variant` says what to do after the call (labels placed
  // together would share one address, so each variant has its own entry).
L_i_call_bif:
  variant = 0;
  goto do_call_bif;
L_i_call_bif_last:
  variant = 1;
  goto do_call_bif;
L_i_call_bif_only:
  variant = 2;
do_call_bif:
  // A direct call of a native function named by an import. A tail call drops its frame
  // first: only Y slots go, so the stacktrace of a failing call is the same.
  // The three share fn and exp's positions (static_asserts after run()).
  bif_fn = OP(i_call_bif, fn);
  call_e = OP(i_call_bif, exp);
  call_ret = variant == 0 ? I + spec::i_call_bif::words : nullptr;
  if (variant == 1) E += OP(i_call_bif_last, dealloc);
  // Calls bif_fn (the native of call_e) on x0..., result in x0; then continues at call_ret, or
  // returns when it is null.
do_native_call:
  SWAPOUT;
  p->native_pc = I;
  r = bif_fn(p, x);
  SWAPIN;
  if (r == NON_VALUE) {
    if (p->native_request == NativeRequest::Trap) {
      // The native left this call to its Erlang fallback: same arguments, still in x0...
      p->native_request = NativeRequest::None;
      call_e = call_e->fallback;
      call_arity = call_e->arity;
      goto do_call_export;
    }
    if (p->native_request >= NativeRequest::DirtyCpu) {
      // Run the call again on a dirty thread; resume after it (a tail call resumes at a
      // return, so the stack stays as the call left it).
      SWAPOUT;
      prepare_dirty_call(p, bif_fn, call_e, I);
      save_registers(p, call_ret ? call_ret : vm.return_code(), x, call_e->arity);
      LEAVE(SliceEnd::Dirty);
    }
    if (p->exc_bif_frame) top_frame = bif_frame(*p, call_e, x);
    if (call_ret == nullptr && call_e->erlang_coded) pc_frame = false;
    fault_pc = I;
    goto handle_exception;
  }
  x[0] = r;
  // hibernate/3 still needs its module, function and args in x0..x2.
  if (p->gc_due()) { SWAPOUT; p->collect(0, p->native_request == NativeRequest::Hibernate ? 3 : 1); SWAPIN; }
  if (p->native_request == NativeRequest::Signals) {
    // exit/2 signalled the process itself: handle it now, as BEAM does.
    p->native_request = NativeRequest::None;
    SWAPOUT;
    if (!p->take_signals()) LEAVE(SliceEnd::Killed);
  }
  if (p->native_request != NativeRequest::None) {
    // erlang:yield/0 or hibernate/3 asked to end the slice.
    const Word* resume = call_ret ? call_ret : reinterpret_cast<const Word*>(*E++);
    NativeRequest req = p->native_request;
    p->native_request = NativeRequest::None;
    if (req == NativeRequest::Hibernate) {
      E = p->heap_end - 1;  // only the bottom return address stays
      p->catches = 0;
      save_registers(p, vm.apply3_code(), x, 3);
      LEAVE(p->messages.empty() ? SliceEnd::Wait : SliceEnd::Yield);
    }
    YIELD_TO(resume, 1);
  }
  if (call_ret) { I = call_ret; DISPATCH(); }
  goto do_return;

L_i_apply:
  variant = 0;
  goto do_apply;
L_i_apply_last:
  variant = 1;
do_apply: {
  // x(N) is the module, x(N+1) the function; args in x0..x(N-1).
  unsigned arity = unsigned(OP(i_apply_last, arity));
  Term m = x[arity], f = x[arity + 1];
  bool last = variant == 1;
  if (!is_atom(m) || !is_atom(f)) {
    SWAPOUT;
    Term args = make_list_from(*p, x, arity);
    Term triple[3] = {m, f, args};
    Export* ap = vm.exports().get(atom::erlang, atom::apply, 3);
    top_frame = bif_frame(*p, ap, triple);
    p->raise(ExcKind::Error, atom::badarg);
    fault_pc = I;
    goto handle_exception;
  }
  call_e = vm.exports().get(m, f, arity);
  call_arity = arity;
  if (last) { E += OP(i_apply_last, dealloc); call_ret = nullptr; }
  else call_ret = I + spec::i_apply::words;
  goto do_call_export;
}
L_i_apply3:
  variant = 0;
  goto do_apply3;
L_i_apply3_last:
  variant = 1;
  goto do_apply3;
L_i_apply3_only:
  variant = 2;
do_apply3: {
  Term m = x[0], f = x[1], list = x[2];
  int n = -1;
  if (is_atom(m) && is_atom(f)) {
    Term saved[3] = {m, f, list};
    n = unpack_args(list, x);
    if (n < 0) { x[0] = saved[0]; x[1] = saved[1]; x[2] = saved[2]; }
  }
  if (n < 0) {
    SWAPOUT;
    Export* ap = vm.exports().get(atom::erlang, atom::apply, 3);
    top_frame = bif_frame(*p, ap, x);
    p->raise(ExcKind::Error, atom::badarg);
    fault_pc = I;
    goto handle_exception;
  }
  call_e = vm.exports().get(m, f, unsigned(n));
  call_arity = unsigned(n);
  if (variant == 0) call_ret = I + spec::i_apply3::words;
  else {
    if (variant == 1) E += OP(i_apply3_last, dealloc);
    call_ret = nullptr;
  }
  goto do_call_export;
}
L_i_apply_fun:
  variant = 0;
  goto do_apply_fun;
L_i_apply_fun_last:
  variant = 1;
  goto do_apply_fun;
L_i_apply_fun_only:
  variant = 2;
do_apply_fun: {
  Term fun = x[0], list = x[1];
  int n = unpack_args(list, x);
  if (n < 0) {
    x[0] = fun; x[1] = list;
    SWAPOUT;
    Export* ap = vm.exports().get(atom::erlang, atom::apply, 2);
    top_frame = bif_frame(*p, ap, x);
    p->raise(ExcKind::Error, atom::badarg);
    fault_pc = I;
    goto handle_exception;
  }
  x[n] = fun;
  call_arity = unsigned(n);
  if (variant == 0) call_ret = I + spec::i_apply_fun::words;
  else {
    if (variant == 1) E += OP(i_apply_fun_last, dealloc);
    call_ret = nullptr;
  }
  goto do_call_fun;
}

  // ---- funs ----------------------------------------------------------------------------------
L_i_make_fun: {
  const FunEntry* fe = OP(i_make_fun, fe);
  RegWord d = OP(i_make_fun, dst);
  Word n = OP(i_make_fun, nfree);
  Term* f;
  HALLOC(FUN_HEADER_WORDS + n, f);
  f[0] = make_header(2 + n, Subtag::Fun);
  f[1] = reinterpret_cast<Word>(fe);
  f[2] = n;
  for (Word i = 0; i < n; ++i) f[3 + i] = SRC(TAIL(i_make_fun, free, i));
  DST(d) = make_boxed(f);
  NEXT_OF(i_make_fun);
}
L_i_call_fun:
  call_arity = unsigned(OP(i_call_fun, arity));
  call_ret = I + spec::i_call_fun::words;
  goto do_call_fun;
L_i_call_fun_last:
  call_arity = unsigned(OP(i_call_fun_last, arity));
  E += OP(i_call_fun_last, dealloc);
  call_ret = nullptr;
  goto do_call_fun;
L_i_call_fun2: {
  Term f = SRC(OP(i_call_fun2, fun));
  call_arity = unsigned(OP(i_call_fun2, arity));
  x[call_arity] = f;
  call_ret = I + spec::i_call_fun2::words;
  goto do_call_fun;
}
  // Calls the fun in x(call_arity) with args x0...
do_call_fun: {
  Term f = x[call_arity];
  if (is_fun(f)) {
    const FunEntry* fe = fun_entry(f);
    if (fe->arity != call_arity) {
      if (call_ret) *--E = reinterpret_cast<Word>(call_ret);
      goto raise_badarity;
    }
    Uint nfree = fun_num_free(f);
    const Term* fv = fun_free_vars(f);
    for (Uint i = 0; i < nfree; ++i) x[call_arity + i] = fv[i];
    if (call_ret) {
      if (E - 1 <= HTOP) { SWAPOUT; p->collect(1, unsigned(call_arity + nfree)); SWAPIN; }
      *--E = reinterpret_cast<Word>(call_ret);
    }
    if (--reds <= 0) YIELD_TO(static_cast<const Word*>(fe->address), call_arity + nfree);
    I = static_cast<const Word*>(fe->address);
    DISPATCH();
  }
  if (is_export_fun(f)) {
    call_e = export_fun_entry(f);
    if (call_e->arity != call_arity) goto raise_badarity;
    goto do_call_export;
  }
  {
    Term reason;
    MAKE_TUPLE2(atom::badfun, f, reason);
    RAISE_ERROR(reason);
  }
}

  // error {badarity, {Fun, Args}} for the fun in x(call_arity) called with x0...
raise_badarity: {
  Term f = x[call_arity];
  SWAPOUT;
  Term args = make_list_from(*p, x, call_arity);
  SWAPIN;
  Term inner, reason;
  MAKE_TUPLE2(f, args, inner);
  MAKE_TUPLE2(atom::badarity, inner, reason);
  p->raise(ExcKind::Error, reason);
  fault_pc = I;
  goto handle_exception;
}

  // ---- native functions in instructions ------------------------------------------------------
L_i_bif: {
  BifFn fn = OP(i_bif, fn);
  call_e = OP(i_bif, exp);
  const Word* fail = OP(i_bif, fail);
  Word argc = OP(i_bif, argc), live = OP(i_bif, live);
  for (Word i = 0; i < argc; ++i) bif_args[i] = SRC(TAIL(i_bif, arg, i));
  if (fn == nullptr) {
    SWAPOUT;
    top_frame = undef_frame(*p, call_e->module, call_e->function, bif_args, unsigned(argc));
    pc_frame = false;
    p->raise(ExcKind::Error, atom::undef);
    fault_pc = I;
    goto handle_exception;
  }
  SWAPOUT;
  r = fn(p, bif_args);
  SWAPIN;
  if (r == NON_VALUE) {
    if (p->exc_kind == ExcKind::Halt) { fault_pc = I; goto handle_exception; }
    if (fail) {
      p->exc_kind = ExcKind::None;
      FAIL_TO(fail);
    }
    if (p->exc_bif_frame) top_frame = bif_frame(*p, call_e, bif_args);
    fault_pc = I;
    goto handle_exception;
  }
  if (p->gc_due() && live != ~Word(0)) {
    x[live] = r;
    SWAPOUT;
    p->collect(0, unsigned(live + 1));
    SWAPIN;
    r = x[live];
  }
  DST(OP(i_bif, dst)) = r;
  NEXT_OF(i_bif);
}

  // Two small integers never overflow int64 when added or subtracted: only the 60-bit range
  // needs checking. Anything else takes i_bif's path with the same operands.
  // Smalls are added and subtracted tagged: (a<<4|15) + (b<<4) is (a+b)<<4|15, and the
  // 64-bit overflow check is exactly the 60-bit range check. Anything else takes the BIF.
L_i_plus: {
  Term a = SRC(TAIL(i_plus, arg, 0)), b = SRC(TAIL(i_plus, arg, 1));
  Sint r;
  if ((a & b & IMMED1_MASK) == IMMED1_SMALL && !__builtin_add_overflow(Sint(a), Sint(b - IMMED1_SMALL), &r)) {
    DST(OP(i_plus, dst)) = Term(r);
    NEXT_N(i_plus, 2);
  }
  goto L_i_bif;
}
L_i_minus: {
  Term a = SRC(TAIL(i_minus, arg, 0)), b = SRC(TAIL(i_minus, arg, 1));
  Sint r;
  if ((a & b & IMMED1_MASK) == IMMED1_SMALL && !__builtin_sub_overflow(Sint(a), Sint(b - IMMED1_SMALL), &r)) {
    DST(OP(i_minus, dst)) = Term(r);
    NEXT_N(i_minus, 2);
  }
  goto L_i_bif;
}
L_i_plus_imm: {
  Term a = RSRC(OP(i_plus_imm, a));
  Sint r;
  if (is_small(a) && !__builtin_add_overflow(Sint(a), Sint(OP(i_plus_imm, b) - IMMED1_SMALL), &r)) {
    DST(OP(i_plus_imm, dst)) = Term(r);
    NEXT_OF(i_plus_imm);
  }
  goto L_i_bif;
}
L_i_minus_imm: {
  Term a = RSRC(OP(i_minus_imm, a));
  Sint r;
  if (is_small(a) && !__builtin_sub_overflow(Sint(a), Sint(OP(i_minus_imm, b) - IMMED1_SMALL), &r)) {
    DST(OP(i_minus_imm, dst)) = Term(r);
    NEXT_OF(i_minus_imm);
  }
  goto L_i_bif;
}

  // Tagged smalls: band/bor of two tagged words is the tagged result (the tag bits agree).
  // (a<<4) * b is (a*b)<<4, and fits in 64 bits exactly when a*b fits in 60.
L_i_times: {
  Term a = SRC(TAIL(i_times, arg, 0)), b = SRC(TAIL(i_times, arg, 1));
  Sint r;
  if ((a & b & IMMED1_MASK) == IMMED1_SMALL && !__builtin_mul_overflow(Sint(a - IMMED1_SMALL), small_value(b), &r)) {
    DST(OP(i_times, dst)) = Term(r) | IMMED1_SMALL;
    NEXT_N(i_times, 2);
  }
  goto L_i_bif;
}
L_i_times_imm: {
  Term a = RSRC(OP(i_times_imm, a));
  Sint r;
  if (is_small(a) && !__builtin_mul_overflow(Sint(a - IMMED1_SMALL), small_value(OP(i_times_imm, b)), &r)) {
    DST(OP(i_times_imm, dst)) = Term(r) | IMMED1_SMALL;
    NEXT_OF(i_times_imm);
  }
  goto L_i_bif;
}
L_i_band_imm: {
  Term a = RSRC(OP(i_band_imm, a));
  if (is_small(a)) {
    DST(OP(i_band_imm, dst)) = a & OP(i_band_imm, b);
    NEXT_OF(i_band_imm);
  }
  goto L_i_bif;
}
L_i_band: {
  Term a = SRC(TAIL(i_band, arg, 0)), b = SRC(TAIL(i_band, arg, 1));
  if (is_small(a) && is_small(b)) {
    DST(OP(i_band, dst)) = a & b;
    NEXT_N(i_band, 2);
  }
  goto L_i_bif;
}
L_i_bor: {
  Term a = SRC(TAIL(i_bor, arg, 0)), b = SRC(TAIL(i_bor, arg, 1));
  if (is_small(a) && is_small(b)) {
    DST(OP(i_bor, dst)) = a | b;
    NEXT_N(i_bor, 2);
  }
  goto L_i_bif;
}
L_i_rem: {
  Term a = SRC(TAIL(i_rem, arg, 0)), b = SRC(TAIL(i_rem, arg, 1));
  if (is_small(a) && is_small(b) && b != make_small(0)) {
    DST(OP(i_rem, dst)) = make_small(small_value(a) % small_value(b));
    NEXT_N(i_rem, 2);
  }
  goto L_i_bif;
}
L_i_intdiv: {
  Term a = SRC(TAIL(i_intdiv, arg, 0)), b = SRC(TAIL(i_intdiv, arg, 1));
  if (is_small(a) && is_small(b) && b != make_small(0)) {
    Sint r = small_value(a) / small_value(b);  // truncates, as div; MIN_SMALL / -1 still fits
    if (fits_small(r)) {
      DST(OP(i_intdiv, dst)) = make_small(r);
      NEXT_N(i_intdiv, 2);
    }
  }
  goto L_i_bif;
}

  // Guard BIFs with a fast path; anything unusual (errors included) takes the BIF.
L_i_element: {
  Term n = SRC(TAIL(i_element, arg, 0)), t = SRC(TAIL(i_element, arg, 1));
  if (is_small(n) && is_tuple(t) && Uint(small_value(n) - 1) < tuple_arity(t)) {
    DST(OP(i_element, dst)) = tuple_element(t, Uint(small_value(n)));
    NEXT_N(i_element, 2);
  }
  goto L_i_bif;
}
L_i_tuple_size: {
  Term t = SRC(TAIL(i_tuple_size, arg, 0));
  if (is_tuple(t)) {
    DST(OP(i_tuple_size, dst)) = make_small(Sint(tuple_arity(t)));
    NEXT_N(i_tuple_size, 1);
  }
  goto L_i_bif;
}
L_i_hd: {
  Term l = SRC(TAIL(i_hd, arg, 0));
  if (is_list(l)) {
    DST(OP(i_hd, dst)) = car(l);
    NEXT_N(i_hd, 1);
  }
  goto L_i_bif;
}
L_i_tl: {
  Term l = SRC(TAIL(i_tl, arg, 0));
  if (is_list(l)) {
    DST(OP(i_tl, dst)) = cdr(l);
    NEXT_N(i_tl, 1);
  }
  goto L_i_bif;
}

  // ---- control flow --------------------------------------------------------------------------
L_i_jump:
  I = OP(i_jump, target);
  DISPATCH();

  // ---- comparisons ---------------------------------------------------------------------------
L_i_is_lt: {
  Term a = RSRC(OP(i_is_lt, a)), b = RSRC(OP(i_is_lt, b));
  bool lt = (is_small(a) && is_small(b)) ? Sint(a) < Sint(b) : compare_terms(a, b, vm.atoms(), false) < 0;
  if (!lt) FAIL_TO(OP(i_is_lt, fail));
  NEXT_OF(i_is_lt);
}
L_i_is_ge: {
  Term a = RSRC(OP(i_is_ge, a)), b = RSRC(OP(i_is_ge, b));
  bool ge = (is_small(a) && is_small(b)) ? Sint(a) >= Sint(b) : compare_terms(a, b, vm.atoms(), false) >= 0;
  if (!ge) FAIL_TO(OP(i_is_ge, fail));
  NEXT_OF(i_is_ge);
}
L_i_is_eq: {
  Term a = RSRC(OP(i_is_eq, a)), b = RSRC(OP(i_is_eq, b));
  if (a != b && !eq_arith(a, b, vm.atoms())) FAIL_TO(OP(i_is_eq, fail));
  NEXT_OF(i_is_eq);
}
L_i_is_ne: {
  Term a = RSRC(OP(i_is_ne, a)), b = RSRC(OP(i_is_ne, b));
  if (a == b || eq_arith(a, b, vm.atoms())) FAIL_TO(OP(i_is_ne, fail));
  NEXT_OF(i_is_ne);
}
L_i_is_eq_exact: {
  Term a = RSRC(OP(i_is_eq_exact, a)), b = RSRC(OP(i_is_eq_exact, b));
  if (a != b && (is_immed(a) || is_immed(b) || !eq_exact(a, b))) FAIL_TO(OP(i_is_eq_exact, fail));
  NEXT_OF(i_is_eq_exact);
}
L_i_is_ne_exact: {
  Term a = RSRC(OP(i_is_ne_exact, a)), b = RSRC(OP(i_is_ne_exact, b));
  if (a == b || (!is_immed(a) && !is_immed(b) && eq_exact(a, b))) FAIL_TO(OP(i_is_ne_exact, fail));
  NEXT_OF(i_is_ne_exact);
}

  // ---- type tests ----------------------------------------------------------------------------
#define TYPE_TEST(name, cond)              \
  L_##name: {                              \
    Term v = RSRC(OP(name, value));        \
    if (!(cond)) FAIL_TO(OP(name, fail));  \
    NEXT_OF(name);                         \
  }
  TYPE_TEST(i_is_integer, is_integer(v))
  TYPE_TEST(i_is_float, is_float(v))
  TYPE_TEST(i_is_number, is_number(v))
  TYPE_TEST(i_is_atom, is_atom(v))
  TYPE_TEST(i_is_pid, is_local_pid(v) || is_boxed_of(v, Subtag::ExternalPid))
  TYPE_TEST(i_is_reference, is_ref(v) || is_boxed_of(v, Subtag::ExternalRef))
  TYPE_TEST(i_is_port, is_local_port(v) || is_boxed_of(v, Subtag::ExternalPort))
  TYPE_TEST(i_is_nil, is_nil(v))
  TYPE_TEST(i_is_binary, is_binary_term(v))
  TYPE_TEST(i_is_bitstring, is_bitstring_term(v))
  TYPE_TEST(i_is_list, is_list(v) || is_nil(v))
  TYPE_TEST(i_is_nonempty_list, is_list(v))
  TYPE_TEST(i_is_tuple, is_tuple(v))
  TYPE_TEST(i_is_boolean, v == atom::true_ || v == atom::false_)
  TYPE_TEST(i_is_function, is_fun(v) || is_export_fun(v))
  TYPE_TEST(i_is_map, is_map(v))
#undef TYPE_TEST
L_i_is_function2: {
  Term v = SRC(OP(i_is_function2, fun)), a = SRC(OP(i_is_function2, arity));
  if (!is_small(a) || small_value(a) < 0) {
    Term args[2] = {v, a};
    SWAPOUT;
    Export* ef = vm.exports().get(atom::erlang, vm.atoms().intern("is_function"), 2);
    top_frame = bif_frame(*p, ef, args);
    p->raise(ExcKind::Error, atom::badarg);
    fault_pc = I;
    goto handle_exception;
  }
  Sint want = small_value(a);
  bool ok = (is_fun(v) && Sint(fun_entry(v)->arity) == want) ||
            (is_export_fun(v) && Sint(export_fun_entry(v)->arity) == want);
  if (!ok) FAIL_TO(OP(i_is_function2, fail));
  NEXT_OF(i_is_function2);
}
L_i_test_arity: {
  Term v = RSRC(OP(i_test_arity, value));
  if (!is_tuple(v) || tuple_arity(v) != OP(i_test_arity, arity)) FAIL_TO(OP(i_test_arity, fail));
  NEXT_OF(i_test_arity);
}
L_i_is_tagged_tuple: {
  Term v = RSRC(OP(i_is_tagged_tuple, value));
  if (!is_tuple(v) || tuple_arity(v) != OP(i_is_tagged_tuple, arity) || tuple_element(v, 1) != OP(i_is_tagged_tuple, tag)) FAIL_TO(OP(i_is_tagged_tuple, fail));
  NEXT_OF(i_is_tagged_tuple);
}
L_i_select_val: {
  Term v = RSRC(OP(i_select_val, value));
  const Word* target = select_lookup(spec::i_select_val::tail_words(I), OP(i_select_val, count), v);
  if (target == nullptr) {
    // Floats and bignums in a select list are boxed literals: compare by value.
    if (!is_immed(v)) {
      for (Word i = 0; i < OP(i_select_val, count); ++i) {
        Term c = TAIL(i_select_val, key, i);
        if (!is_immed(c) && eq_exact(v, c)) { target = TAIL(i_select_val, target, i); break; }
      }
    }
    if (target == nullptr) target = OP(i_select_val, fail);
  }
  I = target;
  DISPATCH();
}
L_i_select_tuple_arity: {
  Term v = RSRC(OP(i_select_tuple_arity, value));
  if (!is_tuple(v)) FAIL_TO(OP(i_select_tuple_arity, fail));
  const Word* target = select_lookup(spec::i_select_tuple_arity::tail_words(I), OP(i_select_tuple_arity, count), tuple_arity(v));
  I = target ? target : OP(i_select_tuple_arity, fail);
  DISPATCH();
}

  // ---- lists and tuples ----------------------------------------------------------------------
L_i_get_list: {
  Term l = RSRC(OP(i_get_list, list));
  Term h = car(l), t = cdr(l);
  DST(OP(i_get_list, hd)) = h;
  DST(OP(i_get_list, tl)) = t;
  NEXT_OF(i_get_list);
}
L_i_get_hd:
  DST(OP(i_get_hd, dst)) = car(RSRC(OP(i_get_hd, list)));
  NEXT_OF(i_get_hd);
L_i_get_tl:
  DST(OP(i_get_tl, dst)) = cdr(RSRC(OP(i_get_tl, list)));
  NEXT_OF(i_get_tl);
L_i_put_list: {
  Term* c;
  HALLOC(2, c);
  c[0] = SRC(OP(i_put_list, hd));
  c[1] = SRC(OP(i_put_list, tl));
  DST(OP(i_put_list, dst)) = make_list(c);
  NEXT_OF(i_put_list);
}
L_i_put_tuple2: {
  RegWord d = OP(i_put_tuple2, dst);
  Word n = OP(i_put_tuple2, arity);
  Term* t;
  HALLOC(n + 1, t);
  t[0] = make_tuple_header(n);
  for (Word i = 0; i < n; ++i) t[1 + i] = SRC(TAIL(i_put_tuple2, elem, i));
  DST(d) = make_boxed(t);
  NEXT_OF(i_put_tuple2);
}
L_i_get_tuple_element:
  DST(OP(i_get_tuple_element, dst)) = tuple_element(RSRC(OP(i_get_tuple_element, tuple)), OP(i_get_tuple_element, index) + 1);
  NEXT_OF(i_get_tuple_element);
L_i_set_tuple_element: {
  Term v = SRC(OP(i_set_tuple_element, value)), t = SRC(OP(i_set_tuple_element, tuple));
  tuple_element(t, OP(i_set_tuple_element, index) + 1) = v;
  NEXT_OF(i_set_tuple_element);
}

  // ---- superinstructions (loader/translate_fused.cpp picks them) -----------------------------
L_i_move_return:
  x[0] = SRC(OP(i_move_return, src));
  goto do_return;
L_i_deallocate_return:
  E += OP(i_deallocate_return, slots);
  goto do_return;
L_i_move_deallocate_return:
  x[0] = SRC(OP(i_move_deallocate_return, src));
  E += OP(i_move_deallocate_return, slots);
  goto do_return;
L_i_move2:
  DST(OP(i_move2, dst1)) = RSRC(OP(i_move2, src1));
  DST(OP(i_move2, dst2)) = RSRC(OP(i_move2, src2));
  NEXT_OF(i_move2);
L_i_is_eq_exact_imm:
  if (RSRC(OP(i_is_eq_exact_imm, value)) != OP(i_is_eq_exact_imm, imm)) FAIL_TO(OP(i_is_eq_exact_imm, fail));
  NEXT_OF(i_is_eq_exact_imm);
L_i_is_ne_exact_imm:
  if (RSRC(OP(i_is_ne_exact_imm, value)) == OP(i_is_ne_exact_imm, imm)) FAIL_TO(OP(i_is_ne_exact_imm, fail));
  NEXT_OF(i_is_ne_exact_imm);
L_i_is_tuple_arity: {
  Term v = RSRC(OP(i_is_tuple_arity, value));
  if (!is_tuple(v)) FAIL_TO(OP(i_is_tuple_arity, not_tuple));
  if (tuple_arity(v) != OP(i_is_tuple_arity, arity)) FAIL_TO(OP(i_is_tuple_arity, wrong_arity));
  NEXT_OF(i_is_tuple_arity);
}
L_i_get_two_elements: {
  // The translator fuses only when the first destination is not the tuple's register.
  Term t = RSRC(OP(i_get_two_elements, tuple));
  DST(OP(i_get_two_elements, dst1)) = tuple_element(t, OP(i_get_two_elements, index1) + 1);
  DST(OP(i_get_two_elements, dst2)) = tuple_element(t, OP(i_get_two_elements, index2) + 1);
  NEXT_OF(i_get_two_elements);
}
L_i_put_tuple2_heap: {
  // The rest of the instruction is an i_put_tuple2 (static_asserts after run()).
  ENSURE(OP(i_put_tuple2_heap, heap), unsigned(OP(i_put_tuple2_heap, live)));
  I += spec::i_put_tuple2_heap::at::dst;
  goto L_i_put_tuple2;
}
L_i_put_list_heap:
  ENSURE(OP(i_put_list_heap, heap), unsigned(OP(i_put_list_heap, live)));
  I += spec::i_put_list_heap::at::hd;
  goto L_i_put_list;
L_i_allocate_get_list: {
  Word slots = OP(i_allocate_get_list, slots);
  ENSURE(OP(i_allocate_get_list, heap) + slots + 1, unsigned(OP(i_allocate_get_list, live)));
  E -= slots;
  for (Word i = 0; i < slots; ++i) E[i] = NIL;
  I += spec::i_allocate_get_list::at::list;
  goto L_i_get_list;
}
L_i_is_lt_imm: {
  Term a = RSRC(OP(i_is_lt_imm, a)), b = OP(i_is_lt_imm, b);
  bool lt = is_small(a) ? Sint(a) < Sint(b) : compare_terms(a, b, vm.atoms(), false) < 0;
  if (!lt) FAIL_TO(OP(i_is_lt_imm, fail));
  NEXT_OF(i_is_lt_imm);
}
L_i_is_ge_imm: {
  Term a = RSRC(OP(i_is_ge_imm, a)), b = OP(i_is_ge_imm, b);
  bool ge = is_small(a) ? Sint(a) >= Sint(b) : compare_terms(a, b, vm.atoms(), false) >= 0;
  if (!ge) FAIL_TO(OP(i_is_ge_imm, fail));
  NEXT_OF(i_is_ge_imm);
}
L_i_is_nonempty_list_get: {
  Term l = RSRC(OP(i_is_nonempty_list_get, list));
  if (!is_list(l)) FAIL_TO(OP(i_is_nonempty_list_get, fail));
  Term h = car(l), t = cdr(l);
  DST(OP(i_is_nonempty_list_get, hd)) = h;
  DST(OP(i_is_nonempty_list_get, tl)) = t;
  NEXT_OF(i_is_nonempty_list_get);
}

  // ---- exceptions ----------------------------------------------------------------------------
L_i_try:
  E[OP(i_try, y)] = make_catch(OP(i_try, handler));
  ++p->catches;
  NEXT_OF(i_try);
L_i_try_end:
  E[OP(i_try_end, y)] = NIL;
  --p->catches;
  NEXT_OF(i_try_end);
L_i_try_case:
  E[OP(i_try_case, y)] = NIL;
  --p->catches;
  x[0] = x[1];
  x[1] = x[2];
  x[2] = x[3];
  NEXT_OF(i_try_case);
L_i_catch_end:
  E[OP(i_catch_end, y)] = NIL;
  --p->catches;
  if (x[0] == NON_VALUE) {
    // An exception was caught: catch's value depends on its class.
    Term cls = x[1], reason = x[2];
    if (cls == atom::throw_) {
      x[0] = reason;
    } else if (cls == atom::exit) {
      MAKE_TUPLE2(atom::EXIT, reason, x[0]);
    } else {
      Term inner;
      MAKE_TUPLE2(reason, raw_trace_term(x[3]), inner);
      MAKE_TUPLE2(atom::EXIT, inner, x[0]);
    }
  }
  NEXT_OF(i_catch_end);
L_i_raise: {
  // raise RawTrace Reason: re-raise with the class and trace the raw trace recorded.
  Term raw = SRC(OP(i_raise, trace)), reason = SRC(OP(i_raise, reason));
  ExcKind k = ExcKind::Error;
  if (is_tuple(raw) && tuple_arity(raw) == 2) {
    Term cls = tuple_element(raw, 1);
    k = cls == atom::exit ? ExcKind::Exit : cls == atom::throw_ ? ExcKind::Throw : ExcKind::Error;
  }
  SWAPOUT;
  p->raise_with_trace(k, reason, raw_trace_term(raw));
  fault_pc = I;
  goto handle_exception;
}
L_i_build_stacktrace:
  x[0] = raw_trace_term(x[0]);
  NEXT_OF(i_build_stacktrace);
L_i_raw_raise: {
  Term cls = x[0], reason = x[1], trace = x[2];
  ExcKind k = cls == atom::error ? ExcKind::Error
            : cls == atom::exit  ? ExcKind::Exit
            : cls == atom::throw_ ? ExcKind::Throw : ExcKind::None;
  if (k == ExcKind::None) RAISE_ERROR(atom::badarg);
  SWAPOUT;
  p->raise_with_trace(k, reason, raw_trace_term(trace));
  fault_pc = I;
  goto handle_exception;
}
L_i_badmatch: {
  Term reason;
  MAKE_TUPLE2(atom::badmatch, SRC(OP(i_badmatch, value)), reason);
  RAISE_ERROR(reason);
}
L_i_case_end: {
  Term reason;
  MAKE_TUPLE2(atom::case_clause, SRC(OP(i_case_end, value)), reason);
  RAISE_ERROR(reason);
}
L_i_try_case_end: {
  Term reason;
  MAKE_TUPLE2(atom::try_clause, SRC(OP(i_try_case_end, value)), reason);
  RAISE_ERROR(reason);
}
L_i_if_end:
  RAISE_ERROR(atom::if_clause);
L_i_badrecord: {
  Term reason;
  MAKE_TUPLE2(atom::badrecord, SRC(OP(i_badrecord, value)), reason);
  RAISE_ERROR(reason);
}

  // ---- float registers -----------------------------------------------------------------------
L_i_fmove_to_freg:
  fr[OP(i_fmove_to_freg, dst)] = float_value(SRC(OP(i_fmove_to_freg, value)));
  NEXT_OF(i_fmove_to_freg);
L_i_fmove_from_freg: {
  Term* f;
  HALLOC(FLOAT_WORDS, f);
  DST(OP(i_fmove_from_freg, dst)) = write_float(f, fr[OP(i_fmove_from_freg, src)]);
  NEXT_OF(i_fmove_from_freg);
}
L_i_fconv: {
  Term v = SRC(OP(i_fconv, value));
  double d;
  if (!number_to_double(v, &d)) RAISE_ERROR(atom::badarith);
  fr[OP(i_fconv, dst)] = d;
  NEXT_OF(i_fconv);
}
#define FLOAT_OP(name, expr)                       \
  L_##name: {                                      \
    double a_ = fr[OP(name, a)], b_ = fr[OP(name, b)];    \
    double c_ = (expr);                                  \
    (void)b_;                                            \
    if (!std::isfinite(c_)) RAISE_ERROR(atom::badarith); \
    fr[OP(name, dst)] = c_;                              \
    NEXT_OF(name);                                       \
  }
  FLOAT_OP(i_fadd, a_ + b_)
  FLOAT_OP(i_fsub, a_ - b_)
  FLOAT_OP(i_fmul, a_ * b_)
  FLOAT_OP(i_fdiv, a_ / b_)
#undef FLOAT_OP
L_i_fnegate:
  // As ERTS: 0.0 - X, so both zeros negate to 0.0 (erlang:'-'/1 on a boxed float gives -0.0).
  fr[OP(i_fnegate, dst)] = 0.0 - fr[OP(i_fnegate, a)];
  NEXT_OF(i_fnegate);

  // ---- bit syntax and maps, in files of their own ----------------------------------------------
#include "vm/interp_bits.inc"
#include "vm/interp_maps.inc"

  // ---- messages ----------------------------------------------------------------------------
L_i_send: {
  SWAPOUT;
  Term to = x[0], msg = x[1];
  if (!send_term(p, to, msg)) {
    Export* send2 = vm.exports().get(atom::erlang, atom::send, 2);
    top_frame = bif_frame(*p, send2, x);
    fault_pc = I;
    goto handle_exception;
  }
  x[0] = msg;
  --reds;
  NEXT_OF(i_send);
}
L_i_loop_rec: {
  Message* m = p->messages.current();
  if (m == nullptr) {
    SWAPOUT;
    if (!p->take_signals()) LEAVE(SliceEnd::Killed);
    m = p->messages.current();
    if (m == nullptr) FAIL_TO(OP(i_loop_rec, none));
  }
  DST(OP(i_loop_rec, dst)) = m->term;
  NEXT_OF(i_loop_rec);
}
L_i_loop_rec_end:
  p->messages.advance();
  --reds;
  I = OP(i_loop_rec_end, next);
  DISPATCH();
L_i_remove_message:
  SWAPOUT;
  receive_done(p, p->messages.remove_current());
  SWAPIN;
  NEXT_OF(i_remove_message);
L_i_wait:
  save_registers(p, OP(i_wait, resume), x, 0);
  LEAVE(SliceEnd::Wait);
L_i_wait_timeout: {
  // Arms the timer on the first pass; falls through to `timeout` once it has fired.
  if (p->receive_timer_wheel != nullptr) {
    if (!receive_timer_fired(p)) {
      save_registers(p, OP(i_wait_timeout, resume), x, 0);
      LEAVE(SliceEnd::Wait);
    }
    NEXT_OF(i_wait_timeout);
  }
  Term t = SRC(OP(i_wait_timeout, ms));
  if (t == atom::infinity) {
    save_registers(p, OP(i_wait_timeout, resume), x, 0);
    LEAVE(SliceEnd::Wait);
  }
  if (!is_small(t) || small_value(t) < 0 || small_value(t) > Sint(0xFFFFFFFF)) RAISE_ERROR(atom::timeout_value);
  if (t == make_small(0)) NEXT_OF(i_wait_timeout);
  arm_receive_timer(p, uint64_t(small_value(t)));
  save_registers(p, OP(i_wait_timeout, resume), x, 0);
  LEAVE(SliceEnd::Wait);
}
L_i_timeout:
  SWAPOUT;
  receive_done(p, nullptr);
  SWAPIN;
  NEXT_OF(i_timeout);
L_i_recv_marker_reserve:
  SWAPOUT;
  if (!p->take_signals()) LEAVE(SliceEnd::Killed);
  DST(OP(i_recv_marker_reserve, dst)) = make_small(Sint(p->messages.reserve_marker()));
  NEXT_OF(i_recv_marker_reserve);
L_i_recv_marker_bind: {
  Term m = SRC(OP(i_recv_marker_bind, marker));
  if (is_small(m)) p->messages.bind_marker(unsigned(small_value(m)), SRC(OP(i_recv_marker_bind, ref)));
  NEXT_OF(i_recv_marker_bind);
}
L_i_recv_marker_use:
  p->messages.use_marker(SRC(OP(i_recv_marker_use, ref)));
  NEXT_OF(i_recv_marker_use);
L_i_recv_marker_clear:
  p->messages.clear_marker(SRC(OP(i_recv_marker_clear, ref)));
  NEXT_OF(i_recv_marker_clear);

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
              spec::i_plus_imm::at::a == spec::i_bif::at::tail && spec::i_plus_imm::at::b == spec::i_bif::at::tail + 1);
static_assert(spec::i_bs_create_bin::group == BS_SEG_WORDS, "bs_create_bin (vm/bits.h) walks the segments");

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
