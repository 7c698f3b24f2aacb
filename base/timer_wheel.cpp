// timer_wheel.cpp - arm, cancel, advance.
#include "base/timer_wheel.h"

#include <algorithm>

namespace beamrun {

void TimerWheel::unlink(Timer* t) {
  if (t->prev) t->prev->next = t->next;
  else slots_[size_t(t->slot)] = t->next;
  if (t->next) t->next->prev = t->prev;
  t->next = t->prev = nullptr;
  t->slot = -1;
  --count_;
}

void TimerWheel::add(Timer* t, uint64_t deadline_ms) {
  std::lock_guard<std::mutex> lock(mutex_);
  // A deadline already past fires at the next advance: put it in the next slot to be visited.
  t->deadline_ms = std::max(deadline_ms, now_ms_ + 1);
  size_t s = size_t(t->deadline_ms % WHEEL_SLOTS);
  t->slot = int64_t(s);
  t->prev = nullptr;
  t->next = slots_[s];
  if (t->next) t->next->prev = t;
  slots_[s] = t;
  ++count_;
}

bool TimerWheel::cancel(Timer* t) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (t->slot < 0) return false;
  unlink(t);
  return true;
}

size_t TimerWheel::advance(uint64_t now_ms) {
  // Everything the callbacks need is read under the lock: once unlinked, a timer may be armed
  // again by its owner while its old firing is still being delivered.
  struct Due {
    Timer* t;
    uint64_t deadline;
    uint64_t payload;
  };
  std::vector<Due> due;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (now_ms <= now_ms_) return 0;
    // After a long pause every slot is due once; otherwise only the elapsed ones.
    uint64_t from = now_ms - now_ms_ >= WHEEL_SLOTS ? now_ms - WHEEL_SLOTS + 1 : now_ms_ + 1;
    for (uint64_t tick = from; tick <= now_ms && count_ > 0; ++tick) {
      Timer* t = slots_[size_t(tick % WHEEL_SLOTS)];
      while (t) {
        Timer* next = t->next;
        if (t->deadline_ms <= now_ms) {
          unlink(t);
          due.push_back(Due{t, t->deadline_ms, t->payload});
        }
        t = next;
      }
    }
    now_ms_ = now_ms;
  }
  std::sort(due.begin(), due.end(), [](const Due& a, const Due& b) { return a.deadline < b.deadline; });
  for (const Due& d : due) d.t->fire(d.t, d.payload);
  return due.size();
}

uint64_t TimerWheel::next_deadline() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (count_ == 0) return UINT64_MAX;
  uint64_t best = UINT64_MAX;
  // Timers within one lap are found in slot order; the first non-empty slot bounds the search.
  for (uint64_t i = 1; i <= WHEEL_SLOTS; ++i) {
    for (Timer* t = slots_[size_t((now_ms_ + i) % WHEEL_SLOTS)]; t; t = t->next) best = std::min(best, t->deadline_ms);
    if (best <= now_ms_ + i) break;
  }
  return best;
}

size_t TimerWheel::size() {
  std::lock_guard<std::mutex> lock(mutex_);
  return count_;
}

}  // namespace beamrun
