// run_queue.h - one scheduler thread's queue of runnable processes, by priority.
//
// Four priorities as in BEAM: max and high run before anything below them; normal and low share
// the remaining time, a low process getting one turn for every LOW_INTERLEAVE normal turns when
// both are waiting (so low is slower but never starved). Idle schedulers steal half of a busy
// scheduler's queue.
//
// Thread safety: every operation takes `mutex_`, held for a few pointer moves only. `size()` is
// an atomic read for thieves choosing a victim and may be stale.
#pragma once
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>

namespace beamrun {

enum class RunPriority : uint8_t { Max = 0, High = 1, Normal = 2, Low = 3 };
constexpr unsigned PRIORITY_LEVELS = 4;
constexpr unsigned LOW_INTERLEAVE = 8;

// Embedded in whatever is queued (a Process). `priority` is read when pushed.
struct RunQueueItem {
  RunQueueItem* rq_next = nullptr;
  RunPriority priority = RunPriority::Normal;
};

class RunQueue {
 public:
  void push(RunQueueItem* item);
  // The next item to run, or null when empty.
  RunQueueItem* pop();
  // Moves about half of this queue's items into `thief`; returns how many moved.
  size_t steal_half_into(RunQueue& thief);
  size_t size() const { return size_.load(std::memory_order_relaxed); }

 private:
  struct List {
    RunQueueItem* head = nullptr;
    RunQueueItem* tail = nullptr;
    size_t count = 0;
    void append(RunQueueItem* it);
    RunQueueItem* take();
  };
  void push_locked(RunQueueItem* item);

  std::mutex mutex_;
  List lists_[PRIORITY_LEVELS];
  unsigned normal_turns_ = 0;  // normal picks since the last low pick
  std::atomic<size_t> size_{0};
};

}  // namespace beamrun
