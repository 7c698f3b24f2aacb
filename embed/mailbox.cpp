// mailbox.cpp - host mailboxes: pseudo-processes the host reads, and the service thread.
//
// A host mailbox is a Process that never runs: Process::host_mailbox is set and its state
// stays WAITING, so every signal pushed to it ends in Schedulers::wake calling
// Impl::mailbox_signalled instead of queueing it. The host takes the signals in itself, under
// the process's run lock, exactly as a scheduler would: messages join the private queue, links
// and monitors are recorded, exit signals become 'EXIT' messages (trap_exit) or close it.
//
// No lost wake-ups, no polling: the hook sets `signalled` under the mailbox's mutex and
// notifies; a reader clears it before it looks and waits only while it is still clear. The
// hook runs on the sender's thread, which may hold another mailbox's mutex (a dying mailbox
// signals its links), so it only ever try_locks; when the mutex is busy, or nobody is reading,
// it hands the mailbox to the service thread, which takes the signals in at once: a mailbox
// killed while nobody reads it still dies now, and its links and monitors fire now.
#include <algorithm>

#include "embed/embed.h"
#include "embed/term_bridge.h"
#include "scheduler/scheduler.h"
#include "supervision/exit_signals.h"
#include "supervision/process_signals.h"

namespace beamrun {

std::shared_ptr<Mailbox::State> Vm::Impl::make_mailbox() {
  if (closed) return nullptr;
  Process* p = vm->processes().create([&](uint64_t payload) {
    auto* q = new Process(*vm, payload, &scratch_regs);
    q->host_mailbox = true;
    q->state.store(pstate::WAITING, std::memory_order_release);
    q->refs.store(2, std::memory_order_relaxed);  // the table's and the State's
    return q;
  });
  if (p == nullptr) return nullptr;
  auto s = std::make_shared<Mailbox::State>();
  s->vm = this;
  s->proc = p;
  s->pid = Pid::from_id(p->pid());
  {
    std::lock_guard<std::mutex> g(mailboxes_mutex);
    mailboxes[p] = s;
  }
  return s;
}

std::vector<std::shared_ptr<Mailbox::State>> Vm::Impl::open_mailboxes() {
  std::vector<std::shared_ptr<Mailbox::State>> out;
  std::lock_guard<std::mutex> g(mailboxes_mutex);
  for (auto& [p, w] : mailboxes)
    if (auto s = w.lock()) out.push_back(std::move(s));
  return out;
}

Mailbox::State::~State() {
  if (vm == nullptr || proc == nullptr) return;  // detached by the VM's shutdown
  close(atom::normal);
  {
    std::lock_guard<std::mutex> g(vm->mailboxes_mutex);
    vm->mailboxes.erase(proc);
  }
  vm->vm->release(proc);
}

bool Mailbox::State::take_signals_locked() {
  if (closed || proc == nullptr) return false;
  if (proc->take_signals()) {
    // A long-lived mailbox that made references or received exit signals collects now and then.
    if (proc->gc_due()) proc->collect(0, 0);
    return true;
  }
  // An exit signal killed it (exit_reason is set): it dies as a process would.
  closed = true;
  close_reason = term_to_value(proc->exit_reason, *proc);
  return false;
}

void Mailbox::State::close(Term reason) {
  Process* p;
  {
    std::lock_guard<std::mutex> g(mutex);
    if (proc == nullptr || finished) return;
    finished = true;
    if (!closed) {
      closed = true;
      std::lock_guard<SmallMutex> run(proc->run_lock);
      proc->exit_reason = reason;
      close_reason = term_to_value(reason, *proc);
    }
    p = proc;
    p->refs.fetch_add(1, std::memory_order_relaxed);  // for the death below
  }
  cv.notify_all();
  // Outside the mutex: the death signals links and monitors, which may be other mailboxes.
  Runtime& rt = p->vm();
  static_cast<VM&>(rt).process_finished(p, SliceEnd::Killed);
  rt.release(p);
}

// The hook: a signal was pushed to mailbox process p (any thread).
void Vm::Impl::mailbox_signalled(Process& p) {
  std::shared_ptr<Mailbox::State> s;  // released after the locks: it may be the last
  {
    std::lock_guard<std::mutex> g(mailboxes_mutex);
    auto it = mailboxes.find(&p);
    if (it == mailboxes.end() || !(s = it->second.lock())) return;
  }
  if (s->mutex.try_lock()) {
    s->signalled = true;
    bool reader = s->waiters > 0;
    s->mutex.unlock();
    if (reader) {
      s->cv.notify_all();
      return;
    }
  }
  if (s->queued.exchange(true)) return;  // already queued for the service thread
  {
    std::lock_guard<std::mutex> g(pump_mutex);
    pump_queue.push_back(std::move(s));
  }
  pump_cv.notify_one();
}

void Vm::Impl::pump_loop() {
  for (;;) {
    std::shared_ptr<Mailbox::State> s;
    bool stop_schedulers = false;
    {
      std::unique_lock<std::mutex> lk(pump_mutex);
      pump_cv.wait(lk, [&] { return pump_stop || halt_seen || !pump_queue.empty(); });
      if (halt_seen) {
        halt_seen = false;
        stop_schedulers = true;
      } else if (!pump_queue.empty()) {
        s = std::move(pump_queue.front());
        pump_queue.pop_front();
      } else {
        return;  // pump_stop with nothing queued
      }
    }
    if (stop_schedulers) {
      // erlang:halt: nothing runs after it (its caller's thread could not stop itself).
      vm->schedulers().stop();
      continue;
    }
    bool died = false;
    {
      std::lock_guard<std::mutex> g(s->mutex);
      s->queued.store(false);
      if (s->proc && !s->closed) {
        std::lock_guard<SmallMutex> run(s->proc->run_lock);
        died = !s->take_signals_locked();
      }
      s->signalled = true;
    }
    s->cv.notify_all();
    if (died) s->close(NON_VALUE);
  }
}

// ---- the handle -----------------------------------------------------------------------------

Mailbox Vm::open_mailbox() {
  auto s = impl_->make_mailbox();
  if (s) {
    Term gl = impl_->vm->standard_group_leader();
    std::lock_guard<SmallMutex> run(s->proc->run_lock);
    s->proc->group_leader = gl == NON_VALUE ? NIL : gl;
  }
  return Mailbox(s);
}

// Dropping the handle closes the mailbox now: a scheduler thread delivering a signal, or the
// service thread, may hold the State a little longer, and the mailbox must not stay open (and
// count as open at a shutdown) until they let go. After the VM's shutdown detached the State,
// close does nothing.
Mailbox::Mailbox(Mailbox&&) noexcept = default;
Mailbox& Mailbox::operator=(Mailbox&& other) noexcept {
  if (this != &other) {
    if (s_) s_->close(atom::normal);
    s_ = std::move(other.s_);
  }
  return *this;
}
Mailbox::~Mailbox() {
  if (s_) s_->close(atom::normal);
}

Pid Mailbox::pid() const { return s_ ? s_->pid : Pid(); }

std::optional<Value> Mailbox::receive(std::chrono::milliseconds timeout) {
  return receive_if([](const Value&) { return true; }, timeout);
}

std::optional<Value> Mailbox::receive_if(const std::function<bool(const Value&)>& match,
                                         std::chrono::milliseconds timeout) {
  if (!s_) return std::nullopt;
  State& s = *s_;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  std::unique_lock<std::mutex> lk(s.mutex);
  bool died = false;
  for (;;) {
    if (s.proc == nullptr || s.closed) break;
    s.signalled = false;
    {
      std::lock_guard<SmallMutex> run(s.proc->run_lock);
      if (!s.take_signals_locked()) {
        died = true;
        break;
      }
      MessageQueue& q = s.proc->messages;
      for (q.reset_scan(); Message* m = q.current(); q.advance()) {
        Value v = term_to_value(m->term, *s.proc);
        if (!match(v)) continue;
        q.remove_current();
        free_message(m);
        return v;
      }
      q.reset_scan();
    }
    if (s.signalled) continue;
    ++s.waiters;
    bool woke = s.cv.wait_until(lk, deadline, [&] { return s.signalled || s.closed; });
    --s.waiters;
    if (!woke) break;
  }
  lk.unlock();
  if (died) s.close(NON_VALUE);
  return std::nullopt;
}

size_t Mailbox::pending() {
  if (!s_) return 0;
  std::lock_guard<std::mutex> g(s_->mutex);
  if (!s_->proc || s_->closed) return 0;
  std::lock_guard<SmallMutex> run(s_->proc->run_lock);
  s_->proc->peek_signals();
  return s_->proc->messages.size();
}

namespace {

// Runs f(process) under the mailbox's locks if it is open; then, if a signal taken in on
// the way killed it, lets it die. False when it is closed.
template <class F>
bool with_open(Mailbox::State* s, F&& f) {
  if (!s) return false;
  bool died = false;
  {
    std::lock_guard<std::mutex> g(s->mutex);
    if (!s->proc || s->closed) return false;
    std::lock_guard<SmallMutex> run(s->proc->run_lock);
    f(s->proc);
    died = !s->take_signals_locked();
  }
  if (died) s->close(NON_VALUE);
  return true;
}

}  // namespace

void Mailbox::trap_exit(bool on) {
  with_open(s_.get(), [&](Process* p) { p->trap_exit = on; });
}

void Mailbox::link(Pid p) {
  with_open(s_.get(), [&](Process* proc) {
    if (is_local_pid(Term(p.id()))) link_to(proc, Term(p.id()));
  });
}

void Mailbox::unlink(Pid p) {
  with_open(s_.get(), [&](Process* proc) {
    if (is_local_pid(Term(p.id()))) unlink_from(proc, Term(p.id()));
  });
}

Value Mailbox::monitor(Pid p) {
  Value ref;
  with_open(s_.get(), [&](Process* proc) {
    if (!is_local_pid(Term(p.id()))) return;
    Term r = monitor_process(proc, Term(p.id()));
    if (r != NON_VALUE) ref = term_to_value(r, *proc);
  });
  return ref;
}

void Mailbox::demonitor(const Value& ref) {
  with_open(s_.get(), [&](Process* proc) {
    std::string error;
    Term r = value_to_term(ref, *proc, &error);
    if (r != NON_VALUE && is_local_ref_term(r)) beamrun::demonitor(proc, r, true);
  });
}

bool Mailbox::closed() {
  if (!s_) return true;
  // Take in what arrived, so a kill that is waiting shows.
  with_open(s_.get(), [](Process*) {});
  std::lock_guard<std::mutex> g(s_->mutex);
  return s_->closed;
}

std::optional<Value> Mailbox::close_reason() {
  if (!s_) return std::nullopt;
  closed();
  std::lock_guard<std::mutex> g(s_->mutex);
  return s_->close_reason;
}

}  // namespace beamrun
