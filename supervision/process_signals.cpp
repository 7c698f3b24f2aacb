// process_signals.cpp - message sending, mailbox draining and adoption, receive timeouts.
#include "supervision/process_signals.h"

#include "process/process_table.h"
#include "process/runtime.h"
#include "scheduler/scheduler.h"
#include "supervision/exit_signals.h"
#include "term/binary.h"

namespace beamrun {

bool Process::take_signals() {
  while (SignalNode* n = pending_signals.pop_front())
    if (!handle_signal(this, static_cast<Signal*>(n))) return false;
  while (SignalNode* n = inbox.pop())
    if (!handle_signal(this, static_cast<Signal*>(n))) return false;
  return true;
}

void Process::peek_signals() {
  // Everything but exit signals can be handled from here (it touches only the queue and the
  // sig_mutex-guarded sets); from the first exit signal on, the rest waits for the process.
  while (SignalNode* n = inbox.pop()) {
    Signal* s = static_cast<Signal*>(n);
    if (pending_signals.empty() && s->kind != SignalKind::Exit) handle_signal(this, s);
    else pending_signals.push_back(s);
  }
}

void free_signal(Signal* s) {
  if (s->kind == SignalKind::Message) free_message(static_cast<Message*>(s));
  else free_supervision_signal(s);
}

void deliver(Process* to, Message* m, Process* from) {
  to->inbox.push(m);
  to->vm().schedulers().wake(to, from ? from->scheduler : nullptr);
}

bool send_term(Process* from, Term dest, Term msg) {
  Runtime& vm = from->vm();
  Process* to = nullptr;
  if (is_local_ref_term(dest)) {
    // An alias: the receiver checks, as the message arrives, that it is still active.
    RefKey k = ref_key_of(dest);
    ProcessTable::Alias a;
    if (!vm.processes().find_alias(k, &a)) return true;
    Message* m = make_message(msg, &k);
    if (m == nullptr) return true;
    if (a.pid == from->pid()) {
      from->inbox.push(m);
      return true;
    }
    if ((to = vm.processes().acquire(a.pid)) == nullptr) {
      free_message(m);
      return true;
    }
    deliver(to, m, from);
    vm.release(to);
    return true;
  }
  if (is_local_pid(dest)) {
    if (dest == from->pid()) {
      if (Message* m = make_message(msg)) from->inbox.push(m);
      return true;
    }
    to = vm.processes().acquire(dest);
    if (to == nullptr) return true;  // dead: the message is dropped
  } else {
    Term name = dest;
    if (is_tuple(dest) && tuple_arity(dest) == 2 && is_atom(tuple_element(dest, 1)) && is_atom(tuple_element(dest, 2))) {
      // {Name, Node}: another node is unreachable (no distribution), so the message is lost.
      if (tuple_element(dest, 2) != atom::nonode_nohost) return true;
      name = tuple_element(dest, 1);
    }
    if (!is_atom(name)) {
      from->bif_error(atom::badarg);
      return false;
    }
    to = vm.processes().acquire_name(name);
    if (to == nullptr) {
      if (name != dest) return true;  // {Name, Node}: dropped, as a message to a dead pid
      from->bif_error(atom::badarg);
      return false;
    }
    if (to == from) {
      vm.release(to);
      if (Message* m = make_message(msg)) from->inbox.push(m);
      return true;
    }
  }
  if (Message* m = make_message(msg)) deliver(to, m, from);
  vm.release(to);
  return true;
}

void receive_done(Process* p, Message* m) {
  if (m != nullptr) {
    if (m->words == 0) free_message(m);
    else p->adopt_message(m);
  }
  if (p->receive_timer_wheel != nullptr) {
    if (p->receive_timer_wheel->cancel(&p->receive_timer()->timer)) p->vm().release(p);
    p->receive_timer_wheel = nullptr;
  }
  p->messages.reset_scan();
}

namespace {

// On the advancing scheduler's thread. The process holds a reference for this timer.
void receive_timer_fire(Timer* t, uint64_t seq) {
  Process* p = static_cast<Process*>(t->context);
  p->receive_timer()->fired_seq.store(seq, std::memory_order_seq_cst);
  Runtime& vm = p->vm();
  vm.schedulers().wake(p, nullptr);
  vm.release(p);
}

}  // namespace

void arm_receive_timer(Process* p, uint64_t ms) {
  TimerWheel& wheel = p->scheduler->timers();
  p->refs.fetch_add(1, std::memory_order_relaxed);
  Process::ReceiveTimer& rt = p->make_receive_timer();
  rt.timer.fire = receive_timer_fire;
  rt.timer.context = p;
  rt.timer.payload = ++rt.seq;
  p->receive_timer_wheel = &wheel;
  // +1: the clock counts whole milliseconds, so the tick after now + ms is the first at which
  // `ms` full milliseconds have surely passed.
  wheel.add(&rt.timer, uint64_t(p->vm().schedulers().now_ms()) + ms + 1);
}

void discard_mailbox(Process* p) {
  while (SignalNode* n = p->pending_signals.pop_front()) free_signal(static_cast<Signal*>(n));
  while (SignalNode* n = p->inbox.pop()) free_signal(static_cast<Signal*>(n));
  for (Message* m = p->messages.take_all(); m != nullptr;) {
    Message* next = m->qnext;
    free_message(m);
    m = next;
  }
}

}  // namespace beamrun
