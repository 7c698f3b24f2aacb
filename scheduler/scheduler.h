// scheduler.h - the normal scheduler threads: run queues, stealing, sleeping, waking.
//
// Each Scheduler is one thread with its own RunQueue, TimerWheel and RegisterFile. Its loop:
// fire due timers, take a process (own queue, else steal half of a busy one's), run it for one
// slice of at most SLICE_REDUCTIONS reductions, then put it back, park it, or retire it.
//
// The wake-up protocol. A process's `state` word (process/process.h, pstate) changes only by CAS:
//
//   sender:   push signal to inbox;  then if state has WAITING:
//               RUNNING set    -> clear WAITING           (its scheduler will see that, below)
//               RUNNING clear  -> clear WAITING, set QUEUED, enqueue it
//   scheduler, slice ended in a receive wait (state RUNNING):
//               set WAITING;  if inbox non-empty or timeout fired -> run it again at once;
//               else CAS RUNNING|WAITING -> WAITING (parked). If that CAS fails, a sender
//               cleared WAITING meanwhile: enqueue it.
//
// Both sides write their flag before reading the other's (the inbox push and the state CAS
// are sequentially consistent), so one of them always sees the other: no lost wake-ups, and no
// thread ever runs a process another thread is still running.
//
// Idle threads sleep on a condition variable (no spinning) until woken or until their next
// timer is due. A thread pushing onto its own queue while the queue holds others wakes one
// sleeper to steal; an enqueue from outside the schedulers wakes the target thread.
//
// Thread safety: everything in a Scheduler is touched by its own thread except the RunQueue
// (its own mutex), the TimerWheel (its own mutex) and the sleep fields (sleep_mutex_).
#pragma once
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "base/run_queue.h"
#include "base/timer_wheel.h"
#include "process/process.h"

namespace beamrun {

class Runtime;
class Schedulers;

class Scheduler {
 public:
  Scheduler(Schedulers& all, unsigned index, uint64_t now_ms);
  unsigned index() const { return index_; }
  RunQueue& queue() { return queue_; }
  TimerWheel& timers() { return timers_; }
  RegisterFile& registers() { return regs_; }
  // Wakes this thread if it sleeps (or makes its next sleep return at once).
  void wake();
  uint64_t reductions() const { return reductions_.load(std::memory_order_relaxed); }
  uint64_t slices() const { return slices_.load(std::memory_order_relaxed); }
  // Nanoseconds spent running processes while scheduler_wall_time is on.
  uint64_t busy_ns() const { return busy_ns_.load(std::memory_order_relaxed); }

 private:
  friend class Schedulers;
  void loop();
  Process* next_process();
  void run(Process* p);
  void sleep();
  // Looks for work for up to SPIN_NS before the thread sleeps; true when some came.
  bool spin_for_work();
  static constexpr int64_t SPIN_NS = 50000;

  Schedulers& all_;
  unsigned index_;
  RunQueue queue_;
  TimerWheel timers_;
  RegisterFile regs_;
  std::thread thread_;
  std::mutex sleep_mutex_;
  std::condition_variable sleep_cv_;
  bool wake_pending_ = false;  // guarded by sleep_mutex_
  std::atomic<bool> sleeping_{false};
  std::atomic<uint64_t> reductions_{0};
  std::atomic<uint64_t> slices_{0};
  std::atomic<uint64_t> busy_ns_{0};
};

class Schedulers {
 public:
  Schedulers(Runtime& vm, unsigned count);
  ~Schedulers();
  Schedulers(const Schedulers&) = delete;
  Schedulers& operator=(const Schedulers&) = delete;

  Runtime& vm() { return vm_; }
  unsigned count() const { return unsigned(scheds_.size()); }
  Scheduler& at(unsigned i) { return *scheds_[i]; }
  // Starts the threads (once); the VM calls this before the first process runs.
  void start();
  // Stops and joins the threads. Processes still queued stay where they are.
  void stop();
  bool stopping() const { return stopping_.load(std::memory_order_acquire); }

  // Puts a runnable process (state already QUEUED) on `from`'s queue, or on a scheduler's
  // queue chosen round-robin when called from outside the schedulers (from == null).
  void enqueue(Process* p, Scheduler* from);
  // The sender's half of the wake-up protocol, after a signal was pushed to p's inbox or its
  // receive timeout fired.
  void wake(Process* p, Scheduler* from);

  // erlang:system_flag(scheduler_wall_time, On): returns the old setting.
  bool set_wall_time(bool on);
  bool wall_time_on() const { return wall_time_on_.load(std::memory_order_relaxed); }
  uint64_t total_reductions() const;
  uint64_t total_slices() const;
  std::vector<size_t> run_queue_lengths() const;
  int64_t now_ms() const;  // milliseconds since the VM started (the timer wheels' clock)

 private:
  friend class Scheduler;
  void wake_one_sleeper(Scheduler* except);

  Runtime& vm_;
  std::vector<std::unique_ptr<Scheduler>> scheds_;
  std::atomic<bool> started_{false};
  std::atomic<bool> stopping_{false};
  std::atomic<unsigned> sleepers_{0};
  std::atomic<unsigned> next_external_{0};
  std::atomic<int> spinners_{0};  // threads in Scheduler::spin_for_work (at most one)
  std::mutex start_mutex_;
  std::atomic<bool> wall_time_on_{false};
};

}  // namespace beamrun
