// timer_wheel.h - one scheduler's timers: `receive ... after`, send_after, start_timer.
//
// A single-level hashed wheel of WHEEL_SLOTS one-millisecond slots. A timer sits in the slot of
// its deadline modulo the wheel size; advancing the wheel to `now` visits each elapsed slot once
// and fires the timers whose deadline has come (later laps stay where they are). Adding and
// cancelling are O(1).
//
// Timers are intrusive: the owner embeds a Timer and keeps it alive until it fires or is
// cancelled. `fire` is called after the wheel's lock is released, on the advancing thread, with
// the `payload` the timer had when it came due (the owner may re-arm it meanwhile).
//
// Thread safety: all operations take `mutex_`, so any thread may add or cancel (a process on
// another scheduler cancelling a timer); only the owning scheduler advances.
#pragma once
#include <cstdint>
#include <mutex>
#include <vector>

namespace beamrun {

struct Timer {
  uint64_t deadline_ms = 0;
  void (*fire)(Timer*, uint64_t payload) = nullptr;
  void* context = nullptr;  // for the callback; must not change while armed or firing
  uint64_t payload = 0;     // set before add(); passed to fire
  // Wheel links; `slot` is -1 when the timer is not in a wheel.
  Timer* next = nullptr;
  Timer* prev = nullptr;
  int64_t slot = -1;
};

class TimerWheel {
 public:
  static constexpr uint64_t WHEEL_SLOTS = 1 << 12;  // about 4 s per lap

  explicit TimerWheel(uint64_t now_ms) : now_ms_(now_ms), slots_(WHEEL_SLOTS, nullptr) {}
  TimerWheel(const TimerWheel&) = delete;
  TimerWheel& operator=(const TimerWheel&) = delete;

  // Arms `t` (which must not be armed) to fire at `deadline_ms` (past deadlines fire at the
  // next advance).
  void add(Timer* t, uint64_t deadline_ms);
  // Disarms `t`; false if it already fired or was never armed.
  bool cancel(Timer* t);
  // Fires every timer whose deadline is at or before `now_ms`; returns how many fired.
  size_t advance(uint64_t now_ms);
  // The earliest deadline of an armed timer, or UINT64_MAX when there is none.
  uint64_t next_deadline();
  size_t size();

 private:
  void unlink(Timer* t);

  std::mutex mutex_;
  uint64_t now_ms_;  // every slot up to now_ms_ has been visited
  std::vector<Timer*> slots_;
  size_t count_ = 0;
};

}  // namespace beamrun
