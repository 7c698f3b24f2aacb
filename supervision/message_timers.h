// message_timers.h - the timers behind erlang:send_after/start_timer, found by reference.
//
// A MessageTimer sits in the timer wheel of the scheduler that created it and in this table,
// keyed by its reference's words, so that cancel_timer/read_timer from any process find it.
// Firing takes it out of the table and delivers its message; cancelling takes it out of the
// wheel and the table. Exactly one of the two wins: cancel holds the table lock while it asks
// the wheel to cancel, and a timer the wheel already unlinked (cancel fails) is left to its
// firing, which needs the table lock to erase it.
//
// Thread safety: `mutex_` guards the table; lock order is this table, then a wheel.
#pragma once
#include <cstdint>
#include <mutex>
#include <unordered_map>

#include "base/timer_wheel.h"
#include "process/mailbox.h"
#include "term/export.h"
#include "term/term.h"

namespace beamrun {

class Runtime;

struct MessageTimer : Timer {
  Runtime* vm = nullptr;
  RefKey key{};
  Term dest = NIL;           // a pid or a registered name (immediates)
  Message* message = nullptr;
  TimerWheel* wheel = nullptr;
};

class MessageTimers {
 public:
  MessageTimers() = default;
  ~MessageTimers();
  MessageTimers(const MessageTimers&) = delete;
  MessageTimers& operator=(const MessageTimers&) = delete;

  // Arms `t` (its key, dest, message and vm set) on `wheel` at `deadline_ms`.
  void start(MessageTimer* t, TimerWheel& wheel, uint64_t deadline_ms);
  // Cancels the timer of `key`: its remaining milliseconds (>= 0) when it was still armed, -1
  // when there is none (fired, cancelled, or never existed).
  int64_t cancel(const RefKey& key, int64_t now_ms);
  // Remaining milliseconds of the timer of `key`, or -1.
  int64_t remaining(const RefKey& key, int64_t now_ms);
  // The process `pid` died: its timers are cancelled, as BEAM does for timers to a pid.
  void cancel_all_for(Term pid);
  // Timers armed now.
  size_t size();

 private:
  static void fire(Timer* t, uint64_t payload);
  std::mutex mutex_;
  std::unordered_map<RefKey, MessageTimer*, RefKeyHash> table_;
  std::unordered_multimap<Term, RefKey> by_pid_;  // timers whose destination is a pid
  void forget_pid_locked(const MessageTimer* t);
};

}  // namespace beamrun
