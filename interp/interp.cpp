// interp.cpp - the dispatch loop. One function, computed goto, registers in locals.
//
// Locals that mirror process state: I (instruction pointer), E (stack top), HTOP (heap top).
// SWAPOUT writes E and HTOP back to the process before anything that may allocate through
// the process or collect; SWAPIN reloads them after.
#include "interp/interp.h"

#include <cmath>

#include "process/arith.h"
#include "interp/bits.h"
#include "loader/instructions.h"
#include "loader/module.h"
#include "supervision/process_signals.h"
#include "supervision/exit_signals.h"
#include "interp/stacktrace.h"
#include "term/term_order.h"
#include "process/runtime.h"

namespace beamrun {

namespace {

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
#define BEAMRUN_LABEL(name, doc) &&L_##name,
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
#define NEXT(n) do { I += (n) + 1; DISPATCH(); } while (0)
#define OPW(i) (I[(i) + 1])
#define SRC(w) (((w) & 3) ? Term(w) : (((w) & 4) ? E[(w) >> 3] : x[(w) >> 3]))
#define DST(w) (*((((w) & 4) ? E : x) + ((w) >> 3)))
#define RSRC(w) DST(w)  // a source operand the loader guarantees is a register
#define LABEL(w) reinterpret_cast<const Word*>(w)
#define FAIL_TO(w) do { I = LABEL(w); DISPATCH(); } while (0)
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
  const FunctionInfo* fi = reinterpret_cast<const FunctionInfo*>(OPW(0));
  Term args = make_list_from(*p, x, fi->arity);
  top_frame = function_frame_with_args(*p, I, fi->module, fi->name, args);
  pc_frame = false;
  p->raise(ExcKind::Error, atom::function_clause);
  fault_pc = I;
  goto handle_exception;
}

  // ---- moves -------------------------------------------------------------------------------
L_i_move:
  DST(OPW(1)) = RSRC(OPW(0));
  NEXT(2);
L_i_move_c:
  DST(OPW(1)) = OPW(0);
  NEXT(2);
L_i_move_xx:
  x[OPW(1)] = x[OPW(0)];
  NEXT(2);
L_i_swap: {
  Word a = OPW(0), b = OPW(1);
  Term t = DST(a);
  DST(a) = DST(b);
  DST(b) = t;
  NEXT(2);
}
L_i_init_yreg:
  E[OPW(0)] = NIL;
  NEXT(1);

  // ---- stack frames and heap -----------------------------------------------------------------
L_i_allocate: {
  Word slots = OPW(0), heap = OPW(1), live = OPW(2);
  ENSURE(heap + slots + 1, unsigned(live));
  E -= slots;
  for (Word i = 0; i < slots; ++i) E[i] = NIL;
  NEXT(3);
}
L_i_deallocate:
  E += OPW(0);
  NEXT(1);
L_i_trim: {
  // Drop the N lowest y slots: the remaining ones keep their relative order.
  E += OPW(0);
  NEXT(1);
}
L_i_test_heap:
  ENSURE(OPW(0), unsigned(OPW(1)));
  NEXT(2);

  // ---- calls ---------------------------------------------------------------------------------
L_i_return:
do_return:
  I = reinterpret_cast<const Word*>(*E++);
  DISPATCH();
  // A call costs a reduction; when the slice's are used up the process yields at the callee.
L_i_call:
  if (E - 1 <= HTOP) { SWAPOUT; p->collect(1, unsigned(OPW(1))); SWAPIN; }
  *--E = reinterpret_cast<Word>(I + 3);
  if (--reds <= 0) YIELD_TO(LABEL(OPW(0)), OPW(1));
  I = LABEL(OPW(0));
  DISPATCH();
L_i_call_last:
  E += OPW(1);
  if (--reds <= 0) YIELD_TO(LABEL(OPW(0)), OPW(2));
  I = LABEL(OPW(0));
  DISPATCH();
L_i_call_only:
  if (--reds <= 0) YIELD_TO(LABEL(OPW(0)), OPW(1));
  I = LABEL(OPW(0));
  DISPATCH();
L_i_call_ext:
  call_e = reinterpret_cast<const Export*>(OPW(0));
  call_arity = call_e->arity;
  call_ret = I + 2;
  goto do_call_export;
L_i_call_ext_last:
  call_e = reinterpret_cast<const Export*>(OPW(0));
  call_arity = call_e->arity;
  E += OPW(1);
  call_ret = nullptr;
  goto do_call_export;
L_i_call_ext_only:
  call_e = reinterpret_cast<const Export*>(OPW(0));
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
  bif_fn = reinterpret_cast<BifFn>(OPW(0));
  call_e = reinterpret_cast<const Export*>(OPW(1));
  call_ret = variant == 0 ? I + 3 : nullptr;
  if (variant == 1) E += OPW(2);
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
  unsigned arity = unsigned(OPW(0));
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
  if (last) { E += OPW(1); call_ret = nullptr; }
  else call_ret = I + 2;
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
  if (variant == 0) call_ret = I + 1;
  else {
    if (variant == 1) E += OPW(0);
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
  if (variant == 0) call_ret = I + 1;
  else {
    if (variant == 1) E += OPW(0);
    call_ret = nullptr;
  }
  goto do_call_fun;
}

  // ---- funs ----------------------------------------------------------------------------------
L_i_make_fun: {
  const FunEntry* fe = reinterpret_cast<const FunEntry*>(OPW(0));
  Word d = OPW(1), n = OPW(2);
  Term* f;
  HALLOC(FUN_HEADER_WORDS + n, f);
  f[0] = make_header(2 + n, Subtag::Fun);
  f[1] = reinterpret_cast<Word>(fe);
  f[2] = n;
  for (Word i = 0; i < n; ++i) f[3 + i] = SRC(OPW(3 + i));
  DST(d) = make_boxed(f);
  NEXT(3 + n);
}
L_i_call_fun:
  call_arity = unsigned(OPW(0));
  call_ret = I + 2;
  goto do_call_fun;
L_i_call_fun_last:
  call_arity = unsigned(OPW(0));
  E += OPW(1);
  call_ret = nullptr;
  goto do_call_fun;
L_i_call_fun2: {
  Term f = SRC(OPW(0));
  call_arity = unsigned(OPW(1));
  x[call_arity] = f;
  call_ret = I + 3;
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
  // P:fn P:export L:fail N:argc S... D
  BifFn fn = reinterpret_cast<BifFn>(OPW(0));
  call_e = reinterpret_cast<const Export*>(OPW(1));
  Word fail = OPW(2), argc = OPW(3), live = OPW(4);
  for (Word i = 0; i < argc; ++i) bif_args[i] = SRC(OPW(5 + i));
  Word d = OPW(5 + argc);
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
  DST(d) = r;
  NEXT(6 + argc);
}

  // Two small integers never overflow int64 when added or subtracted: only the 60-bit range
  // needs checking. Anything else takes i_bif's path with the same operands.
  // Smalls are added and subtracted tagged: (a<<4|15) + (b<<4) is (a+b)<<4|15, and the
  // 64-bit overflow check is exactly the 60-bit range check. Anything else takes the BIF.
L_i_plus: {
  Term a = SRC(OPW(5)), b = SRC(OPW(6));
  Sint r;
  if ((a & b & IMMED1_MASK) == IMMED1_SMALL && !__builtin_add_overflow(Sint(a), Sint(b - IMMED1_SMALL), &r)) {
    DST(OPW(7)) = Term(r);
    NEXT(8);
  }
  goto L_i_bif;
}
L_i_minus: {
  Term a = SRC(OPW(5)), b = SRC(OPW(6));
  Sint r;
  if ((a & b & IMMED1_MASK) == IMMED1_SMALL && !__builtin_sub_overflow(Sint(a), Sint(b - IMMED1_SMALL), &r)) {
    DST(OPW(7)) = Term(r);
    NEXT(8);
  }
  goto L_i_bif;
}
L_i_plus_imm: {
  Term a = RSRC(OPW(5));
  Sint r;
  if (is_small(a) && !__builtin_add_overflow(Sint(a), Sint(OPW(6) - IMMED1_SMALL), &r)) {
    DST(OPW(7)) = Term(r);
    NEXT(8);
  }
  goto L_i_bif;
}
L_i_minus_imm: {
  Term a = RSRC(OPW(5));
  Sint r;
  if (is_small(a) && !__builtin_sub_overflow(Sint(a), Sint(OPW(6) - IMMED1_SMALL), &r)) {
    DST(OPW(7)) = Term(r);
    NEXT(8);
  }
  goto L_i_bif;
}

  // Tagged smalls: band/bor of two tagged words is the tagged result (the tag bits agree).
  // (a<<4) * b is (a*b)<<4, and fits in 64 bits exactly when a*b fits in 60.
L_i_times: {
  Term a = SRC(OPW(5)), b = SRC(OPW(6));
  Sint r;
  if ((a & b & IMMED1_MASK) == IMMED1_SMALL && !__builtin_mul_overflow(Sint(a - IMMED1_SMALL), small_value(b), &r)) {
    DST(OPW(7)) = Term(r) | IMMED1_SMALL;
    NEXT(8);
  }
  goto L_i_bif;
}
L_i_times_imm: {
  Term a = RSRC(OPW(5));
  Sint r;
  if (is_small(a) && !__builtin_mul_overflow(Sint(a - IMMED1_SMALL), small_value(OPW(6)), &r)) {
    DST(OPW(7)) = Term(r) | IMMED1_SMALL;
    NEXT(8);
  }
  goto L_i_bif;
}
L_i_band_imm: {
  Term a = RSRC(OPW(5));
  if (is_small(a)) {
    DST(OPW(7)) = a & OPW(6);
    NEXT(8);
  }
  goto L_i_bif;
}
L_i_band: {
  Term a = SRC(OPW(5)), b = SRC(OPW(6));
  if (is_small(a) && is_small(b)) {
    DST(OPW(7)) = a & b;
    NEXT(8);
  }
  goto L_i_bif;
}
L_i_bor: {
  Term a = SRC(OPW(5)), b = SRC(OPW(6));
  if (is_small(a) && is_small(b)) {
    DST(OPW(7)) = a | b;
    NEXT(8);
  }
  goto L_i_bif;
}
L_i_rem: {
  Term a = SRC(OPW(5)), b = SRC(OPW(6));
  if (is_small(a) && is_small(b) && b != make_small(0)) {
    DST(OPW(7)) = make_small(small_value(a) % small_value(b));
    NEXT(8);
  }
  goto L_i_bif;
}
L_i_intdiv: {
  Term a = SRC(OPW(5)), b = SRC(OPW(6));
  if (is_small(a) && is_small(b) && b != make_small(0)) {
    Sint r = small_value(a) / small_value(b);  // truncates, as div; MIN_SMALL / -1 still fits
    if (fits_small(r)) {
      DST(OPW(7)) = make_small(r);
      NEXT(8);
    }
  }
  goto L_i_bif;
}

  // Guard BIFs with a fast path; anything unusual (errors included) takes the BIF.
L_i_element: {
  Term n = SRC(OPW(5)), t = SRC(OPW(6));
  if (is_small(n) && is_tuple(t) && Uint(small_value(n) - 1) < tuple_arity(t)) {
    DST(OPW(7)) = tuple_element(t, Uint(small_value(n)));
    NEXT(8);
  }
  goto L_i_bif;
}
L_i_tuple_size: {
  Term t = SRC(OPW(5));
  if (is_tuple(t)) {
    DST(OPW(6)) = make_small(Sint(tuple_arity(t)));
    NEXT(7);
  }
  goto L_i_bif;
}
L_i_hd: {
  Term l = SRC(OPW(5));
  if (is_list(l)) {
    DST(OPW(6)) = car(l);
    NEXT(7);
  }
  goto L_i_bif;
}
L_i_tl: {
  Term l = SRC(OPW(5));
  if (is_list(l)) {
    DST(OPW(6)) = cdr(l);
    NEXT(7);
  }
  goto L_i_bif;
}

  // ---- control flow --------------------------------------------------------------------------
L_i_jump:
  I = LABEL(OPW(0));
  DISPATCH();

  // ---- comparisons ---------------------------------------------------------------------------
L_i_is_lt: {
  Term a = RSRC(OPW(1)), b = RSRC(OPW(2));
  bool lt = (is_small(a) && is_small(b)) ? Sint(a) < Sint(b) : compare_terms(a, b, vm.atoms(), false) < 0;
  if (!lt) FAIL_TO(OPW(0));
  NEXT(3);
}
L_i_is_ge: {
  Term a = RSRC(OPW(1)), b = RSRC(OPW(2));
  bool ge = (is_small(a) && is_small(b)) ? Sint(a) >= Sint(b) : compare_terms(a, b, vm.atoms(), false) >= 0;
  if (!ge) FAIL_TO(OPW(0));
  NEXT(3);
}
L_i_is_eq: {
  Term a = RSRC(OPW(1)), b = RSRC(OPW(2));
  if (a != b && !eq_arith(a, b, vm.atoms())) FAIL_TO(OPW(0));
  NEXT(3);
}
L_i_is_ne: {
  Term a = RSRC(OPW(1)), b = RSRC(OPW(2));
  if (a == b || eq_arith(a, b, vm.atoms())) FAIL_TO(OPW(0));
  NEXT(3);
}
L_i_is_eq_exact: {
  Term a = RSRC(OPW(1)), b = RSRC(OPW(2));
  if (a != b && (is_immed(a) || is_immed(b) || !eq_exact(a, b))) FAIL_TO(OPW(0));
  NEXT(3);
}
L_i_is_ne_exact: {
  Term a = RSRC(OPW(1)), b = RSRC(OPW(2));
  if (a == b || (!is_immed(a) && !is_immed(b) && eq_exact(a, b))) FAIL_TO(OPW(0));
  NEXT(3);
}

  // ---- type tests ----------------------------------------------------------------------------
#define TYPE_TEST(name, cond)              \
  L_##name: {                              \
    Term v = RSRC(OPW(1));                 \
    if (!(cond)) FAIL_TO(OPW(0));          \
    NEXT(2);                               \
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
  Term v = SRC(OPW(1)), a = SRC(OPW(2));
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
  if (!ok) FAIL_TO(OPW(0));
  NEXT(3);
}
L_i_test_arity: {
  Term v = RSRC(OPW(1));
  if (!is_tuple(v) || tuple_arity(v) != OPW(2)) FAIL_TO(OPW(0));
  NEXT(3);
}
L_i_is_tagged_tuple: {
  Term v = RSRC(OPW(1));
  if (!is_tuple(v) || tuple_arity(v) != OPW(2) || tuple_element(v, 1) != OPW(3)) FAIL_TO(OPW(0));
  NEXT(4);
}
L_i_select_val: {
  Term v = RSRC(OPW(0));
  const Word* target = select_lookup(I + 4, OPW(2), v);
  if (target == nullptr) {
    // Floats and bignums in a select list are boxed literals: compare by value.
    if (!is_immed(v)) {
      for (Word i = 0; i < OPW(2); ++i) {
        Term c = I[4 + 2 * i];
        if (!is_immed(c) && eq_exact(v, c)) { target = LABEL(I[5 + 2 * i]); break; }
      }
    }
    if (target == nullptr) target = LABEL(OPW(1));
  }
  I = target;
  DISPATCH();
}
L_i_select_tuple_arity: {
  Term v = RSRC(OPW(0));
  if (!is_tuple(v)) FAIL_TO(OPW(1));
  const Word* target = select_lookup(I + 4, OPW(2), tuple_arity(v));
  I = target ? target : LABEL(OPW(1));
  DISPATCH();
}

  // ---- lists and tuples ----------------------------------------------------------------------
L_i_get_list: {
  Term l = RSRC(OPW(0));
  Term h = car(l), t = cdr(l);
  DST(OPW(1)) = h;
  DST(OPW(2)) = t;
  NEXT(3);
}
L_i_get_hd:
  DST(OPW(1)) = car(RSRC(OPW(0)));
  NEXT(2);
L_i_get_tl:
  DST(OPW(1)) = cdr(RSRC(OPW(0)));
  NEXT(2);
L_i_put_list: {
  Term* c;
  HALLOC(2, c);
  c[0] = SRC(OPW(0));
  c[1] = SRC(OPW(1));
  DST(OPW(2)) = make_list(c);
  NEXT(3);
}
L_i_put_tuple2: {
  Word d = OPW(0), n = OPW(1);
  Term* t;
  HALLOC(n + 1, t);
  t[0] = make_tuple_header(n);
  for (Word i = 0; i < n; ++i) t[1 + i] = SRC(OPW(2 + i));
  DST(d) = make_boxed(t);
  NEXT(2 + n);
}
L_i_get_tuple_element:
  DST(OPW(2)) = tuple_element(RSRC(OPW(0)), OPW(1) + 1);
  NEXT(3);
L_i_set_tuple_element: {
  Term v = SRC(OPW(0)), t = SRC(OPW(1));
  tuple_element(t, OPW(2) + 1) = v;
  NEXT(3);
}

  // ---- superinstructions (loader/translate_fused.cpp picks them) -----------------------------
L_i_move_return:
  x[0] = SRC(OPW(0));
  goto do_return;
L_i_deallocate_return:
  E += OPW(0);
  goto do_return;
L_i_move_deallocate_return:
  x[0] = SRC(OPW(0));
  E += OPW(1);
  goto do_return;
L_i_move2:
  DST(OPW(1)) = RSRC(OPW(0));
  DST(OPW(3)) = RSRC(OPW(2));
  NEXT(4);
L_i_is_eq_exact_imm:
  if (RSRC(OPW(1)) != OPW(2)) FAIL_TO(OPW(0));
  NEXT(3);
L_i_is_ne_exact_imm:
  if (RSRC(OPW(1)) == OPW(2)) FAIL_TO(OPW(0));
  NEXT(3);
L_i_is_tuple_arity: {
  Term v = RSRC(OPW(2));
  if (!is_tuple(v)) FAIL_TO(OPW(0));
  if (tuple_arity(v) != OPW(3)) FAIL_TO(OPW(1));
  NEXT(4);
}
L_i_get_two_elements: {
  // The translator fuses only when the first destination is not the tuple's register.
  Term t = RSRC(OPW(0));
  DST(OPW(2)) = tuple_element(t, OPW(1) + 1);
  DST(OPW(4)) = tuple_element(t, OPW(3) + 1);
  NEXT(5);
}
L_i_put_tuple2_heap: {
  ENSURE(OPW(0), unsigned(OPW(1)));
  I += 2;
  goto L_i_put_tuple2;
}
L_i_put_list_heap:
  ENSURE(OPW(0), unsigned(OPW(1)));
  I += 2;
  goto L_i_put_list;
L_i_allocate_get_list: {
  Word slots = OPW(0);
  ENSURE(OPW(1) + slots + 1, unsigned(OPW(2)));
  E -= slots;
  for (Word i = 0; i < slots; ++i) E[i] = NIL;
  I += 3;
  goto L_i_get_list;
}
L_i_is_lt_imm: {
  Term a = RSRC(OPW(1)), b = OPW(2);
  bool lt = is_small(a) ? Sint(a) < Sint(b) : compare_terms(a, b, vm.atoms(), false) < 0;
  if (!lt) FAIL_TO(OPW(0));
  NEXT(3);
}
L_i_is_ge_imm: {
  Term a = RSRC(OPW(1)), b = OPW(2);
  bool ge = is_small(a) ? Sint(a) >= Sint(b) : compare_terms(a, b, vm.atoms(), false) >= 0;
  if (!ge) FAIL_TO(OPW(0));
  NEXT(3);
}
L_i_is_nonempty_list_get: {
  Term l = RSRC(OPW(1));
  if (!is_list(l)) FAIL_TO(OPW(0));
  Term h = car(l), t = cdr(l);
  DST(OPW(2)) = h;
  DST(OPW(3)) = t;
  NEXT(4);
}

  // ---- exceptions ----------------------------------------------------------------------------
L_i_try:
  E[OPW(0)] = make_catch(LABEL(OPW(1)));
  ++p->catches;
  NEXT(2);
L_i_try_end:
  E[OPW(0)] = NIL;
  --p->catches;
  NEXT(1);
L_i_try_case:
  E[OPW(0)] = NIL;
  --p->catches;
  x[0] = x[1];
  x[1] = x[2];
  x[2] = x[3];
  NEXT(1);
L_i_catch_end:
  E[OPW(0)] = NIL;
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
  NEXT(1);
L_i_raise: {
  // raise RawTrace Reason: re-raise with the class and trace the raw trace recorded.
  Term raw = SRC(OPW(0)), reason = SRC(OPW(1));
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
  NEXT(0);
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
  MAKE_TUPLE2(atom::badmatch, SRC(OPW(0)), reason);
  RAISE_ERROR(reason);
}
L_i_case_end: {
  Term reason;
  MAKE_TUPLE2(atom::case_clause, SRC(OPW(0)), reason);
  RAISE_ERROR(reason);
}
L_i_try_case_end: {
  Term reason;
  MAKE_TUPLE2(atom::try_clause, SRC(OPW(0)), reason);
  RAISE_ERROR(reason);
}
L_i_if_end:
  RAISE_ERROR(atom::if_clause);
L_i_badrecord: {
  Term reason;
  MAKE_TUPLE2(atom::badrecord, SRC(OPW(0)), reason);
  RAISE_ERROR(reason);
}

  // ---- float registers -----------------------------------------------------------------------
L_i_fmove_to_freg:
  fr[OPW(1)] = float_value(SRC(OPW(0)));
  NEXT(2);
L_i_fmove_from_freg: {
  Term* f;
  HALLOC(FLOAT_WORDS, f);
  DST(OPW(1)) = write_float(f, fr[OPW(0)]);
  NEXT(2);
}
L_i_fconv: {
  Term v = SRC(OPW(0));
  double d;
  if (!number_to_double(v, &d)) RAISE_ERROR(atom::badarith);
  fr[OPW(1)] = d;
  NEXT(2);
}
#define FLOAT_OP(name, expr)                       \
  L_##name: {                                      \
    double a_ = fr[OPW(0)], b_ = fr[OPW(1)];       \
    double c_ = (expr);                            \
    (void)b_;                                      \
    if (!std::isfinite(c_)) RAISE_ERROR(atom::badarith); \
    fr[OPW(2)] = c_;                               \
    NEXT(3);                                       \
  }
  FLOAT_OP(i_fadd, a_ + b_)
  FLOAT_OP(i_fsub, a_ - b_)
  FLOAT_OP(i_fmul, a_ * b_)
  FLOAT_OP(i_fdiv, a_ / b_)
#undef FLOAT_OP
L_i_fnegate:
  // As ERTS: 0.0 - X, so both zeros negate to 0.0 (erlang:'-'/1 on a boxed float gives -0.0).
  fr[OPW(1)] = 0.0 - fr[OPW(0)];
  NEXT(2);

  // ---- bit syntax and maps, in files of their own ----------------------------------------------
#include "interp/interp_bits.inc"
#include "interp/interp_maps.inc"

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
  NEXT(0);
}
L_i_loop_rec: {
  Message* m = p->messages.current();
  if (m == nullptr) {
    SWAPOUT;
    if (!p->take_signals()) LEAVE(SliceEnd::Killed);
    m = p->messages.current();
    if (m == nullptr) FAIL_TO(OPW(0));
  }
  DST(OPW(1)) = m->term;
  NEXT(2);
}
L_i_loop_rec_end:
  p->messages.advance();
  --reds;
  I = LABEL(OPW(0));
  DISPATCH();
L_i_remove_message:
  SWAPOUT;
  receive_done(p, p->messages.remove_current());
  SWAPIN;
  NEXT(0);
L_i_wait:
  save_registers(p, LABEL(OPW(0)), x, 0);
  LEAVE(SliceEnd::Wait);
L_i_wait_timeout: {
  // Arms the timer on the first pass; falls through to `timeout` once it has fired.
  if (p->receive_timer_wheel != nullptr) {
    if (!p->receive_timer_fired()) {
      save_registers(p, LABEL(OPW(0)), x, 0);
      LEAVE(SliceEnd::Wait);
    }
    NEXT(2);
  }
  Term t = SRC(OPW(1));
  if (t == atom::infinity) {
    save_registers(p, LABEL(OPW(0)), x, 0);
    LEAVE(SliceEnd::Wait);
  }
  if (!is_small(t) || small_value(t) < 0 || small_value(t) > Sint(0xFFFFFFFF)) RAISE_ERROR(atom::timeout_value);
  if (t == make_small(0)) NEXT(2);
  arm_receive_timer(p, uint64_t(small_value(t)));
  save_registers(p, LABEL(OPW(0)), x, 0);
  LEAVE(SliceEnd::Wait);
}
L_i_timeout:
  SWAPOUT;
  receive_done(p, nullptr);
  SWAPIN;
  NEXT(0);
L_i_recv_marker_reserve:
  SWAPOUT;
  if (!p->take_signals()) LEAVE(SliceEnd::Killed);
  DST(OPW(0)) = make_small(Sint(p->messages.reserve_marker()));
  NEXT(1);
L_i_recv_marker_bind: {
  Term m = SRC(OPW(0));
  if (is_small(m)) p->messages.bind_marker(unsigned(small_value(m)), SRC(OPW(1)));
  NEXT(2);
}
L_i_recv_marker_use:
  p->messages.use_marker(SRC(OPW(0)));
  NEXT(1);
L_i_recv_marker_clear:
  p->messages.clear_marker(SRC(OPW(0)));
  NEXT(1);

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
  const char* what = reinterpret_cast<const char*>(OPW(0));
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
#undef NEXT
#undef OPW
#undef SRC
#undef DST
#undef LABEL
#undef FAIL_TO
#undef RAISE_ERROR
#undef HALLOC
#undef ENSURE
#undef MAKE_TUPLE2
}

const void* const* interpreter_handlers() {
  static const void* const* const table = [] {
    const void* const* t = nullptr;
    run(nullptr, &t);
    return t;
  }();
  return table;
}

SliceEnd run_slice(Process& p) { return run(&p, nullptr); }

const char* instr_name(Instr i) {
  static const char* const names[] = {
#define BEAMRUN_INSTR_NAME(name, doc) #name,
      BEAMRUN_INSTRUCTIONS(BEAMRUN_INSTR_NAME)
#undef BEAMRUN_INSTR_NAME
  };
  return unsigned(i) < unsigned(Instr::count) ? names[unsigned(i)] : "?";
}

}  // namespace beamrun
