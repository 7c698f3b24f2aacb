// run_queue.cpp - priority lists with low-priority interleaving and stealing.
#include "base/run_queue.h"

namespace beamrun {

void RunQueue::List::append(RunQueueItem* it) {
  it->rq_next = nullptr;
  if (tail) tail->rq_next = it;
  else head = it;
  tail = it;
  ++count;
}

RunQueueItem* RunQueue::List::take() {
  RunQueueItem* it = head;
  if (!it) return nullptr;
  head = it->rq_next;
  if (!head) tail = nullptr;
  it->rq_next = nullptr;
  --count;
  return it;
}

void RunQueue::push_locked(RunQueueItem* item) {
  lists_[unsigned(item->priority) & 3].append(item);
  size_.fetch_add(1, std::memory_order_relaxed);
}

void RunQueue::push(RunQueueItem* item) {
  std::lock_guard<std::mutex> lock(mutex_);
  push_locked(item);
}

RunQueueItem* RunQueue::pop() {
  std::lock_guard<std::mutex> lock(mutex_);
  RunQueueItem* it = lists_[0].take();
  if (!it) it = lists_[1].take();
  if (!it) {
    List& normal = lists_[2];
    List& low = lists_[3];
    bool low_turn = low.count && (!normal.count || normal_turns_ >= LOW_INTERLEAVE);
    if (low_turn) {
      it = low.take();
      normal_turns_ = 0;
    } else {
      it = normal.take();
      if (it) ++normal_turns_;
    }
  }
  if (it) size_.fetch_sub(1, std::memory_order_relaxed);
  return it;
}

size_t RunQueue::steal_half_into(RunQueue& thief) {
  if (&thief == this) return 0;
  // Take under our lock, give under theirs: never both at once, so no lock order is needed.
  RunQueueItem* taken = nullptr;
  size_t n = 0;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    size_t want = (size_.load(std::memory_order_relaxed) + 1) / 2;
    // Max-priority processes stay put: they are the ones that must not wait for a migration.
    for (unsigned level = 1; level < PRIORITY_LEVELS && n < want; ++level) {
      while (n < want) {
        RunQueueItem* it = lists_[level].take();
        if (!it) break;
        it->rq_next = taken;
        taken = it;
        ++n;
      }
    }
    size_.fetch_sub(n, std::memory_order_relaxed);
  }
  if (n) {
    // `taken` is in reverse; restore the original order for the thief.
    RunQueueItem* ordered = nullptr;
    while (taken) {
      RunQueueItem* next = taken->rq_next;
      taken->rq_next = ordered;
      ordered = taken;
      taken = next;
    }
    std::lock_guard<std::mutex> lock(thief.mutex_);
    while (ordered) {
      RunQueueItem* next = ordered->rq_next;
      thief.push_locked(ordered);
      ordered = next;
    }
  }
  return n;
}

}  // namespace beamrun
