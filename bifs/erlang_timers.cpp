// erlang_timers.cpp - timers that send messages, and unique integers.
//
//   send_after/3,4  start_timer/3,4  cancel_timer/1,2  read_timer/1,2  unique_integer/0,1
//
// Times are milliseconds, 0..2^32-1, relative, or with {abs, true} a point of
// erlang:monotonic_time(millisecond). The timer lives on the calling process's scheduler
// (supervision/message_timers.h).
#include "bifs/bif_util.h"
#include "scheduler/scheduler.h"
#include "supervision/message_timers.h"
#include "supervision/process_signals.h"

namespace beamrun {

namespace {

// erlang:monotonic_time(millisecond) at the scheduler clock's zero.
int64_t monotonic_ms_at_start() {
  // monotonic_time counts from MIN_SMALL / 2 ns at VM start (bifs/erlang_time.cpp).
  int64_t base = MIN_SMALL / 2;
  return base >= 0 ? base / 1000000 : -((-base + 999999) / 1000000);
}

bool ref_key(Term ref, RefKey* k) {
  if (!is_ref(ref) || header_arity(boxed_ptr(ref)[0]) != 3) return false;
  for (int i = 0; i < 3; ++i) k->w[i] = boxed_ptr(ref)[1 + i];
  return true;
}

Term start(Process* p, Term* a, bool wrap, Term opts) {
  bool abs = false;
  for (Term l = opts; is_list(l); l = cdr(l)) {
    Term o = car(l);
    if (is_tuple(o) && tuple_arity(o) == 2 && tuple_element(o, 1) == atom_of(p, "abs") &&
        (tuple_element(o, 2) == atom::true_ || tuple_element(o, 2) == atom::false_)) {
      abs = tuple_element(o, 2) == atom::true_;
      continue;
    }
    return badarg_cause(p, "badopt");
  }
  if (opts != NIL && list_length(opts) < 0) return badarg_cause(p, "badopt");
  Term time = a[0], dest = a[1];
  if (!is_local_pid(dest) && !is_atom(dest)) return badarg(p);
  if (!is_small(time)) return badarg_cause(p, "time");
  Schedulers& scheds = p->vm().schedulers();
  int64_t now = scheds.now_ms();
  int64_t deadline;
  if (abs) {
    deadline = small_value(time) - monotonic_ms_at_start() + 1;  // +1: see arm_receive_timer
    if (deadline < 0) return badarg_cause(p, "time");  // before the VM started
  } else {
    if (small_value(time) < 0) return badarg_cause(p, "time");
    deadline = now + small_value(time) + 1;
  }
  if (deadline < now) deadline = now;
  Term ref = new_reference(*p);
  Term msg = wrap ? make_tuple_n(p, {atom_of(p, "timeout"), ref, a[2]}) : a[2];
  if (is_local_pid(dest) && dest != p->pid()) {
    // A timer to a process that is gone is over at once (BEAM cancels timers of dead pids).
    Process* q = p->vm().processes().acquire(dest);
    if (q == nullptr) return ref;
    p->vm().release(q);
  }
  auto* t = new MessageTimer();
  t->vm = &p->vm();
  ref_key(ref, &t->key);
  t->dest = dest;
  t->message = make_message(msg);
  p->vm().message_timers().start(t, p->scheduler->timers(), uint64_t(deadline));
  return ref;
}

Term bif_send_after3(Process* p, Term* a) { return start(p, a, false, NIL); }
Term bif_send_after4(Process* p, Term* a) { return start(p, a, false, a[3]); }
Term bif_start_timer3(Process* p, Term* a) { return start(p, a, true, NIL); }
Term bif_start_timer4(Process* p, Term* a) { return start(p, a, true, a[3]); }

// Parses [{async, B}, {info, B}]; false on anything else.
bool timer_opts(Process* p, Term opts, bool* async, bool* info) {
  for (; is_list(opts); opts = cdr(opts)) {
    Term o = car(opts);
    if (!is_tuple(o) || tuple_arity(o) != 2) return false;
    Term v = tuple_element(o, 2);
    if (v != atom::true_ && v != atom::false_) return false;
    if (tuple_element(o, 1) == atom_of(p, "async")) *async = v == atom::true_;
    else if (tuple_element(o, 1) == atom_of(p, "info")) *info = v == atom::true_;
    else return false;
  }
  return is_nil(opts);
}

// The answer of cancel/read: milliseconds left, or false.
Term timer_query(Process* p, Term* a, Term opts, bool cancel) {
  RefKey k;
  bool async = false, info = true;
  if (!ref_key(a[0], &k) || !timer_opts(p, opts, &async, &info)) return badarg(p);
  Schedulers& scheds = p->vm().schedulers();
  int64_t left = cancel ? p->vm().message_timers().cancel(k, scheds.now_ms()) : p->vm().message_timers().remaining(k, scheds.now_ms());
  Term result = left < 0 ? atom::false_ : make_small(left);
  if (async) {
    if (info) {
      Term msg = make_tuple_n(p, {atom_of(p, cancel ? "cancel_timer" : "read_timer"), a[0], result});
      send_term(p, p->pid(), msg);
    }
    return atom::ok;
  }
  return info ? result : atom::ok;
}

Term bif_cancel_timer1(Process* p, Term* a) { return timer_query(p, a, NIL, true); }
Term bif_cancel_timer2(Process* p, Term* a) { return timer_query(p, a, a[1], true); }
Term bif_read_timer1(Process* p, Term* a) { return timer_query(p, a, NIL, false); }
Term bif_read_timer2(Process* p, Term* a) { return timer_query(p, a, a[1], false); }

// unique_integer: one VM-wide counter serves every modifier combination. It is strictly
// increasing (so `monotonic` holds) and starts positive (so `positive` holds); without
// `positive` BEAM may return negative numbers, which callers cannot rely on either way.
Term unique(Process* p, Term opts) {
  for (Term l = opts; is_list(l); l = cdr(l))
    if (car(l) != atom_of(p, "positive") && car(l) != atom_of(p, "monotonic")) return badarg(p);
  if (list_length(opts) < 0) return badarg(p);
  return make_small(Sint(p->vm().next_unique_integer()));
}
Term bif_unique0(Process* p, Term*) { return unique(p, NIL); }
Term bif_unique1(Process* p, Term* a) { return unique(p, a[0]); }

}  // namespace

void register_erlang_timer_bifs(Runtime& vm) {
  struct Entry {
    const char* name;
    uint32_t arity;
    BifFn fn;
  };
  static const Entry entries[] = {
      {"send_after", 3, bif_send_after3},     {"send_after", 4, bif_send_after4},
      {"start_timer", 3, bif_start_timer3},   {"start_timer", 4, bif_start_timer4},
      {"cancel_timer", 1, bif_cancel_timer1}, {"cancel_timer", 2, bif_cancel_timer2},
      {"read_timer", 1, bif_read_timer1},     {"read_timer", 2, bif_read_timer2},
      {"unique_integer", 0, bif_unique0},     {"unique_integer", 1, bif_unique1},
  };
  for (const Entry& e : entries) vm.register_bif("erlang", e.name, e.arity, e.fn);
}

}  // namespace beamrun
