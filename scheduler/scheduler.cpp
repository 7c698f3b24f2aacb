// scheduler.cpp - the scheduler threads' loop, stealing, sleeping and the wake-up protocol.
#include "scheduler/scheduler.h"

#include <chrono>

#include "process/runtime.h"

namespace beamrun {

namespace {

// The clock VM::start_ns() was read from.
int64_t monotonic_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

Scheduler::Scheduler(Schedulers& all, unsigned index, uint64_t now_ms)
    : all_(all), index_(index), timers_(now_ms) {
  for (Term& t : regs_.x) t = NIL;
}

void Scheduler::wake() {
  {
    std::lock_guard<std::mutex> g(sleep_mutex_);
    wake_pending_ = true;
  }
  sleep_cv_.notify_one();
}

void Scheduler::loop() {
  int64_t advanced = -1;
  while (!all_.stopping()) {
    int64_t now = all_.now_ms();
    if (now != advanced) {
      timers_.advance(uint64_t(now));
      advanced = now;
    }
    if (Process* p = next_process()) run(p);
    else if (!spin_for_work()) sleep();
  }
}

bool Scheduler::spin_for_work() {
  // Work often comes back within microseconds (a reply, a host's next call): a thread that
  // waits that long awake answers without the futex wake-up and context switch a sleeper
  // costs (about as long again). Bounded, one spinning thread at a time (more would only
  // take cores from the threads that make the work), and it yields the core between looks.
  int expected = 0;
  if (!all_.spinners_.compare_exchange_strong(expected, 1, std::memory_order_acq_rel)) return false;
  int64_t until = monotonic_ns() + SPIN_NS;
  bool found = false;
  do {
    if (queue_.size() > 0) {
      found = true;
      break;
    }
    for (unsigned k = 1; k < all_.count() && !found; ++k)
      found = all_.at((index_ + k) % all_.count()).queue_.size() > 1;
    if (found) break;
    std::this_thread::yield();
  } while (monotonic_ns() < until && !all_.stopping());
  all_.spinners_.store(0, std::memory_order_release);
  return found;
}

Process* Scheduler::next_process() {
  if (RunQueueItem* it = queue_.pop()) return static_cast<Process*>(it);
  unsigned n = all_.count();
  for (unsigned k = 1; k < n; ++k) {
    Scheduler& victim = all_.at((index_ + k) % n);
    if (victim.queue_.size() == 0) continue;
    if (victim.queue_.steal_half_into(queue_) > 0)
      if (RunQueueItem* it = queue_.pop()) return static_cast<Process*>(it);
  }
  return nullptr;
}

void Scheduler::sleep() {
  uint64_t deadline = timers_.next_deadline();
  std::unique_lock<std::mutex> lk(sleep_mutex_);
  if (wake_pending_) {
    wake_pending_ = false;
    return;
  }
  sleeping_.store(true, std::memory_order_seq_cst);
  all_.sleepers_.fetch_add(1, std::memory_order_seq_cst);
  // Pairs with the fence in Schedulers::enqueue: either we see its push, or it sees us asleep.
  std::atomic_thread_fence(std::memory_order_seq_cst);
  if (queue_.size() == 0 && !all_.stopping()) {
    auto ready = [&] { return wake_pending_ || all_.stopping(); };
    if (deadline == UINT64_MAX) {
      sleep_cv_.wait(lk, ready);
    } else {
      int64_t wait_ms = int64_t(deadline) - all_.now_ms();
      if (wait_ms > 0) sleep_cv_.wait_for(lk, std::chrono::milliseconds(wait_ms), ready);
    }
  }
  wake_pending_ = false;
  sleeping_.store(false, std::memory_order_relaxed);
  all_.sleepers_.fetch_sub(1, std::memory_order_relaxed);
}

void Scheduler::run(Process* p) {
  Runtime& vm = all_.vm();
  SliceEnd end;
  bool ready = false;
  {
    std::lock_guard<SmallMutex> g(p->run_lock);
    uint32_t s = p->state.load(std::memory_order_relaxed);
    while (!p->state.compare_exchange_weak(s, (s & ~pstate::QUEUED) | pstate::RUNNING, std::memory_order_acq_rel)) {
    }
    p->scheduler = this;
    p->hibernating = false;
    p->set_registers(&regs_);
    regs_.close_bs_put();  // a construction never spans slices (RegisterFile)
    size_t n = p->saved_x.size();
    for (size_t i = 0; i < n; ++i) regs_.x[i] = p->saved_x[i];
    p->saved_x.clear();
    uint64_t before = p->reductions;
    bool timing = all_.wall_time_on();
    int64_t t0 = timing ? monotonic_ns() : 0;
    end = vm.run_slice(*p);  // its signals, then the interpreter (VM::run_slice)
    reductions_.fetch_add(p->reductions - before, std::memory_order_relaxed);
    if (timing) busy_ns_.fetch_add(uint64_t(monotonic_ns() - t0), std::memory_order_relaxed);
    p->memory_seen.store(p->memory_bytes(), std::memory_order_relaxed);
    p->binary_seen.store(p->bin_vheap, std::memory_order_relaxed);
    slices_.fetch_add(1, std::memory_order_relaxed);
    if (end == SliceEnd::Wait) {
      // Announce the wait, then look for signals, while no reader (process_info) can move
      // them: see the protocol in scheduler.h.
      p->state.fetch_or(pstate::WAITING, std::memory_order_seq_cst);
      ready = p->inbox.maybe_nonempty() || !p->pending_signals.empty() ||
              (p->receive_timer_wheel != nullptr && p->receive_timer_fired());
    }
  }
  switch (end) {
    case SliceEnd::Yield:
      p->state.fetch_xor(pstate::RUNNING | pstate::QUEUED, std::memory_order_acq_rel);
      queue_.push(p);
      return;
    case SliceEnd::Wait: {
      uint32_t expected = pstate::RUNNING | pstate::WAITING;
      if (!ready && p->state.compare_exchange_strong(expected, pstate::WAITING, std::memory_order_seq_cst))
        return;  // parked: from here on another thread may wake and run it
      // A signal is there, or a sender cleared WAITING meanwhile: run it again.
      uint32_t s = p->state.load(std::memory_order_relaxed);
      while (!p->state.compare_exchange_weak(s, (s & ~(pstate::RUNNING | pstate::WAITING)) | pstate::QUEUED,
                                             std::memory_order_acq_rel)) {
      }
      queue_.push(p);
      return;
    }
    case SliceEnd::Dirty:
      vm.run_dirty(p);  // stays RUNNING: no sender enqueues it meanwhile
      return;
    case SliceEnd::Done:
    case SliceEnd::Killed:
    case SliceEnd::Raised:
    case SliceEnd::Halt:
      vm.process_finished(p, end);
      return;
  }
}

Schedulers::Schedulers(Runtime& vm, unsigned count) : vm_(vm) {
  if (count == 0) count = 1;
  for (unsigned i = 0; i < count; ++i) scheds_.push_back(std::make_unique<Scheduler>(*this, i, uint64_t(now_ms())));
}

Schedulers::~Schedulers() { stop(); }

void Schedulers::start() {
  if (started_.load(std::memory_order_acquire)) return;
  std::lock_guard<std::mutex> g(start_mutex_);
  if (started_.load(std::memory_order_relaxed)) return;
  for (auto& s : scheds_) {
    Scheduler* sp = s.get();
    sp->thread_ = std::thread([sp] { sp->loop(); });
  }
  started_.store(true, std::memory_order_release);
}

void Schedulers::stop() {
  std::lock_guard<std::mutex> g(start_mutex_);
  stopping_.store(true, std::memory_order_release);
  for (auto& s : scheds_) s->wake();
  for (auto& s : scheds_)
    if (s->thread_.joinable()) s->thread_.join();
}

void Schedulers::enqueue(Process* p, Scheduler* from) {
  if (from == nullptr) {
    // From outside (the host, a dirty thread, a timer): to a thread that is awake if there is
    // one, so that no futex wake-up is needed; else round robin.
    size_t n = scheds_.size(), start = next_external_.fetch_add(1, std::memory_order_relaxed);
    Scheduler* target = scheds_[start % n].get();
    for (size_t k = 0; k < n; ++k) {
      Scheduler* c = scheds_[(start + k) % n].get();
      if (!c->sleeping_.load(std::memory_order_relaxed)) {
        target = c;
        break;
      }
    }
    target->queue_.push(p);
    // Pairs with the fence in Scheduler::sleep: it sees our push, or we see it asleep.
    std::atomic_thread_fence(std::memory_order_seq_cst);
    if (target->sleeping_.load(std::memory_order_seq_cst)) target->wake();
    return;
  }
  from->queue_.push(p);
  // Work is waiting behind the process `from` runs: let a sleeping thread steal it.
  std::atomic_thread_fence(std::memory_order_seq_cst);
  if (from->queue_.size() >= 2 && sleepers_.load(std::memory_order_seq_cst) > 0) wake_one_sleeper(from);
}

void Schedulers::wake(Process* p, Scheduler* from) {
  uint32_t s = p->state.load(std::memory_order_seq_cst);
  for (;;) {
    if (!(s & pstate::WAITING) || (s & pstate::EXITING)) return;
    if (p->host_mailbox) {  // always WAITING: the host, not a scheduler, takes its signals
      vm_.host_hooks()->mailbox_signalled(*p);
      return;
    }
    if (s & pstate::RUNNING) {
      if (p->state.compare_exchange_weak(s, s & ~pstate::WAITING, std::memory_order_seq_cst)) return;
      continue;
    }
    if (p->state.compare_exchange_weak(s, (s & ~pstate::WAITING) | pstate::QUEUED, std::memory_order_seq_cst)) {
      enqueue(p, from);
      return;
    }
  }
}

void Schedulers::wake_one_sleeper(Scheduler* except) {
  for (auto& s : scheds_)
    if (s.get() != except && s->sleeping_.load(std::memory_order_relaxed)) {
      s->wake();
      return;
    }
}

uint64_t Schedulers::total_reductions() const {
  uint64_t n = 0;
  for (auto& s : scheds_) n += s->reductions();
  return n;
}

bool Schedulers::set_wall_time(bool on) { return wall_time_on_.exchange(on, std::memory_order_relaxed); }

uint64_t Schedulers::total_slices() const {
  uint64_t n = 0;
  for (auto& s : scheds_) n += s->slices();
  return n;
}

std::vector<size_t> Schedulers::run_queue_lengths() const {
  std::vector<size_t> out;
  for (auto& s : scheds_) out.push_back(s->queue_.size());
  return out;
}

int64_t Schedulers::now_ms() const { return (monotonic_ns() - vm_.start_ns()) / 1000000; }

}  // namespace beamrun
