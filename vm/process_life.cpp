// process_life.cpp - a process's life as the VM sees it: spawn, the host's call, exit, release.
//
// Exit: the slice that ends a process (its function returned or raised) hands it here on the
// scheduler thread that ran it. The process is marked EXITING (signals to it are dropped from
// then on), leaves the process table and its name, loses its timer and mailbox, and drops the
// table's reference. Whoever still holds a reference (a sender mid-send, a timer) keeps the
// object alive until it lets go.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <thread>

#include "interp/interp.h"
#include "loader/instructions.h"
#include "scheduler/scheduler.h"
#include "supervision/exit_signals.h"
#include "supervision/process_signals.h"
#include "supervision/sandbox_limits.h"
#include "term/copy.h"
#include "text/printer.h"
#include "vm/vm.h"

namespace beamrun {

namespace {

// The exit reason of an uncaught exception, as BEAM makes it.
Term exit_reason_of(Process* p) {
  Term trace = p->exc_trace == NON_VALUE ? NIL : p->exc_trace;
  auto tuple2 = [&](Term a, Term b) {
    Term* t = p->alloc(3);
    t[0] = make_tuple_header(2);
    t[1] = a;
    t[2] = b;
    return make_boxed(t);
  };
  switch (p->exc_kind) {
    case ExcKind::Exit: return p->exc_reason;
    case ExcKind::Throw: return tuple2(tuple2(atom::nocatch, p->exc_reason), trace);
    default: return tuple2(p->exc_reason, trace);
  }
}

// BEAM's report for a process that died of an error nobody handles.
void crash_report(Process* p, Term reason) {
  std::time_t now = std::time(nullptr);
  std::tm tm;
  localtime_r(&now, &tm);
  static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  Term pid = p->pid();
  std::string text = format_p(reason, p->vm().atoms());
  char head[160];
  std::snprintf(head, sizeof head, "=ERROR REPORT==== %d-%s-%d::%02d:%02d:%02d ===\nError in process <0.%llu.%llu> with exit value:\n",
                tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec,
                (unsigned long long)local_pid_number(pid), (unsigned long long)local_pid_serial(pid));
  p->vm().write_output(2, head + text + "\n\n");
}

}  // namespace

Term VM::spawn(Process* parent, const Word* entry, const Term* args, unsigned nargs, const SpawnSettings& opts,
                   Term* monitor_ref) {
  RegisterFile* regs = &schedulers_->at(0).registers();  // replaced at every schedule-in
  Process* child = processes_.create([&](uint64_t payload) { return new Process(*this, payload, regs); });
  if (child == nullptr) return NON_VALUE;
  child->priority = opts.priority;
  for (int i = 0; i < 3; ++i) child->initial_call[i] = opts.initial_call[i];
  if (opts.min_heap_size) child->set_min_heap_size(opts.min_heap_size);
  if (opts.fullsweep_after >= 0) child->set_fullsweep_after(uint64_t(opts.fullsweep_after));
  child->set_max_heap_size(opts.max_heap_size, opts.max_heap_kill, opts.max_heap_error_logger);
  child->message_queue_off_heap = opts.message_queue_off_heap;
  child->trap_exit = opts.trap_exit;
  child->host_watched = opts.host_watched;
  spawned_.fetch_add(1, std::memory_order_relaxed);
  child->set_sandbox(opts.policy ? opts.policy : parent ? parent->sandbox_shared() : nullptr);
  Term pid = child->pid();
  child->group_leader = parent ? parent->group_leader : NIL;
  size_t words = 0;
  for (unsigned i = 0; i < nargs; ++i) words += is_immed(args[i]) ? 0 : term_size_shared(args[i]);
  Term* hp = words ? child->alloc(words) : nullptr;
  size_t vheap = 0;
  child->saved_x.resize(nargs);
  for (unsigned i = 0; i < nargs; ++i)
    child->saved_x[i] = is_immed(args[i]) ? args[i] : copy_term_shared(args[i], &hp, &child->off_heap, &vheap);
  child->bin_vheap += vheap;
  *--child->stop = reinterpret_cast<Word>(host_code_);
  child->resume_pc = entry;
  if (parent && opts.link) link_new_child(parent, child);
  if (parent && opts.monitor && monitor_ref) *monitor_ref = monitor_new_child(parent, child);
  child->state.store(pstate::QUEUED, std::memory_order_release);
  schedulers_->start();
  schedulers_->enqueue(child, parent ? parent->scheduler : nullptr);
  return pid;
}

void VM::process_finished(Process* p, SliceEnd end) {
  p->end_kind = end;
  if (end == SliceEnd::Halt) {
    p->exit_reason = atom::normal;
    request_halt(p->halt_status());
  } else if (end == SliceEnd::Done) {
    p->exit_reason = atom::normal;
  } else if (end == SliceEnd::Killed) {
    // exit_reason was set by the exit signal
  } else {
    p->exit_reason = exit_reason_of(p);
    if (!p->host_owned && !p->host_watched && p->exc_kind != ExcKind::Exit) crash_report(p, p->exit_reason);
  }
  p->state.fetch_or(pstate::EXITING, std::memory_order_seq_cst);
  p->state.fetch_and(~pstate::RUNNING, std::memory_order_acq_rel);
  processes_.remove(p);
  // The host keeps the outcome of what it spawned (HostHooks::process_ended): no tombstone.
  if (!p->host_watched) processes_.bury(p->pid(), make_message(p->exit_reason));
  propagate_exit(p, p->exit_reason);
  message_timers_->cancel_all_for(p->pid());
  if (p->receive_timer_wheel != nullptr) {
    if (p->receive_timer_wheel->cancel(&p->receive_timer()->timer)) release(p);
    p->receive_timer_wheel = nullptr;
  }
  discard_mailbox(p);
  if (!p->host_owned && !p->host_mailbox) exited_.fetch_add(1, std::memory_order_relaxed);
  if (p->host_watched && host_hooks_) host_hooks_->process_ended(*p);
  if (p->host_owned) {
    {
      std::lock_guard<std::mutex> g(host_mutex_);
      p->host_finished = true;
    }
    host_cv_.notify_all();
  }
  release(p);
}

SliceEnd VM::run_slice(Process& p) {
  // Signals first: an exit signal may end the process before it runs at all.
  bool alive = (!p.inbox.maybe_nonempty() && p.pending_signals.empty()) || p.take_signals();
  SliceEnd end = alive ? beamrun::run_slice(p) : SliceEnd::Killed;
  // A collection inside a native may have passed max_heap_size without the interpreter
  // seeing it: the slice's end catches it.
  if (end != SliceEnd::Killed && p.max_heap_exceeded && max_heap_exceeded(&p)) end = SliceEnd::Killed;
  // A sandboxed process's reduction budget (supervision/sandbox_limits.h), once per slice.
  if ((end == SliceEnd::Yield || end == SliceEnd::Wait) && p.sandbox() && sandbox_reductions_exceeded(&p))
    end = SliceEnd::Killed;
  return end;
}

void VM::release(Process* p) {
  // Read before letting go: once the count is 0, VM::call returns and the host may free (or
  // reuse the memory of) a host-owned process at once.
  bool host = p->host_owned;
  if (p->refs.fetch_sub(1, std::memory_order_acq_rel) != 1) return;
  if (host) return;  // the host deletes it, after VM::call has waited for this
  discard_mailbox(p);
  delete p;
}

bool VM::exit_reason(Term pid, Process& into, Term* reason) {
  return processes_.with_tombstone(pid, [&](Term r) {
    Term* hp = is_immed(r) ? nullptr : into.alloc(term_size_shared(r));
    size_t vheap = 0;
    *reason = is_immed(r) ? r : copy_term_shared(r, &hp, &into.off_heap, &vheap);
    into.bin_vheap += vheap;
  });
}

void VM::request_halt(int status) {
  {
    std::lock_guard<std::mutex> g(host_mutex_);
    if (halted_) return;
    halted_ = true;
    halt_status_ = status;
  }
  host_cv_.notify_all();
  if (host_hooks_) host_hooks_->vm_halted(status);
}

RunResult VM::call(Term module, Term function, const std::vector<Term>& args, Process& p) {
  RunResult result;
  bool halted;
  {
    std::lock_guard<std::mutex> g(host_mutex_);
    halted = halted_;
  }
  if (args.size() > MAX_X_REGS - 8 || halted) {
    result.kind = RunResult::Kind::Raised;
    result.exc_class = atom::error;
    result.value = atom::system_limit;
    return result;
  }
  Export* e = exports_.get(module, function, uint32_t(args.size()));
  // A two-instruction trampoline: tail-call the export; the host return address is below it.
  Word tramp[2] = {reinterpret_cast<Word>(handlers_[unsigned(Instr::i_call_ext_only)]), reinterpret_cast<Word>(e)};
  p.host_owned = true;
  p.host_finished = false;
  if (p.group_leader == NIL) {
    Term gl = standard_group_leader();
    p.group_leader = gl == NON_VALUE ? p.pid() : gl;
  }
  p.refs.store(1, std::memory_order_relaxed);
  p.saved_x.assign(args.begin(), args.end());
  p.resume_pc = tramp;
  *--p.stop = reinterpret_cast<Word>(host_code_);
  p.state.store(pstate::QUEUED, std::memory_order_release);
  if (!processes_.insert(&p)) {
    result.kind = RunResult::Kind::Raised;
    result.exc_class = atom::error;
    result.value = atom::system_limit;
    return result;
  }
  schedulers_->start();
  schedulers_->enqueue(&p, nullptr);
  {
    std::unique_lock<std::mutex> lk(host_mutex_);
    host_cv_.wait(lk, [&] { return p.host_finished || halted_; });
    halted = halted_;
  }
  if (halted) {
    // Nothing runs after a halt; p may still be queued or running until the threads stop.
    schedulers_->stop();
    processes_.remove(&p);
    result.kind = RunResult::Kind::Halted;
    result.halt_status = halt_status_;  // written once, before halted_ (under host_mutex_)
    return result;
  }
  while (p.refs.load(std::memory_order_acquire) != 0) std::this_thread::yield();
  discard_mailbox(&p);
  if (p.end_kind == SliceEnd::Done) {
    result.kind = RunResult::Kind::Returned;
    result.value = p.saved_x.empty() ? NIL : p.saved_x[0];
    return result;
  }
  result.kind = RunResult::Kind::Raised;
  if (p.end_kind == SliceEnd::Killed) {
    result.exc_class = atom::exit;
    result.value = p.exit_reason;
    result.stacktrace = NIL;
    return result;
  }
  result.exc_class = exc_class_atom(p.exc_kind);
  result.value = p.exc_reason;
  result.stacktrace = p.exc_trace;
  return result;
}

unsigned VM::dirty_cpu_threads() const {
  return options_.dirty_cpu_schedulers ? options_.dirty_cpu_schedulers : schedulers_->count();
}
unsigned VM::dirty_io_threads() const { return options_.dirty_io_schedulers ? options_.dirty_io_schedulers : 10; }

namespace {

// On a dirty thread: the native call, then back to a normal scheduler.
void run_dirty_job(DirtyJob* job) {
  Process* p = static_cast<Process*>(job->context);
  Runtime& vm = p->vm();
  {
    std::lock_guard<SmallMutex> g(p->run_lock);
    std::vector<Term> args(p->saved_x.begin(), p->saved_x.end());
    p->on_dirty_thread = true;
    Term r = p->dirty->fn(p, args.data());
    p->on_dirty_thread = false;
    if (r != NON_VALUE) {
      p->saved_x.assign(1, r);
    } else {
      if (p->native_request != NativeRequest::None) {  // asked twice: raise, never loop
        p->native_request = NativeRequest::None;
        p->bif_error(atom::system_limit);
      }
      p->resume_pc = vm.dirty_raise_code();
    }
  }
  p->state.fetch_xor(pstate::RUNNING | pstate::QUEUED, std::memory_order_acq_rel);
  vm.schedulers().enqueue(p, nullptr);
}

}  // namespace

std::vector<uint64_t> VM::scheduler_busy_ns() {
  std::vector<uint64_t> out;
  for (unsigned i = 0; i < schedulers_->count(); ++i) out.push_back(schedulers_->at(i).busy_ns());
  std::lock_guard<std::mutex> g(dirty_mutex_);
  for (unsigned i = 0; i < dirty_cpu_threads(); ++i) out.push_back(dirty_cpu_ ? dirty_cpu_->busy_ns(i) : 0);
  for (unsigned i = 0; i < dirty_io_threads(); ++i) out.push_back(dirty_io_ ? dirty_io_->busy_ns(i) : 0);
  return out;
}

void VM::run_dirty(Process* p) {
  std::unique_ptr<DirtyPool>* pool;
  {
    std::lock_guard<std::mutex> g(dirty_mutex_);
    pool = p->dirty->io ? &dirty_io_ : &dirty_cpu_;
    if (!*pool)
      *pool = std::make_unique<DirtyPool>(p->dirty->io ? "dirty_io" : "dirty_cpu",
                                          p->dirty->io ? dirty_io_threads() : dirty_cpu_threads());
  }
  p->dirty->job.run = run_dirty_job;
  p->dirty->job.context = p;
  (*pool)->submit(&p->dirty->job);
}

VM::~VM() { stop(); }

void VM::stop() {
  schedulers_->stop();
  dirty_cpu_.reset();  // waits for running jobs; what they enqueue is never run
  dirty_io_.reset();
  for (Process* p : processes_.take_all())
    if (!p->host_owned) {
      discard_mailbox(p);
      // A host mailbox's object may still be held by the host (the last release deletes it).
      if (p->host_mailbox) release(p);
      else delete p;
    }
  processes_.clear_tombstones();
}

}  // namespace beamrun
