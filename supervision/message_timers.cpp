// message_timers.cpp - arming, cancelling and firing message timers.
#include "supervision/message_timers.h"

#include "process/process.h"
#include "process/runtime.h"
#include "supervision/process_signals.h"

namespace beamrun {

MessageTimers::~MessageTimers() {
  // The wheels are gone (the schedulers stopped first): only the messages need freeing.
  for (auto& [key, t] : table_) {
    free_message(t->message);
    delete t;
  }
}

size_t MessageTimers::size() {
  std::lock_guard<std::mutex> g(mutex_);
  return table_.size();
}

void MessageTimers::start(MessageTimer* t, TimerWheel& wheel, uint64_t deadline_ms) {
  t->fire = fire;
  t->context = this;
  t->wheel = &wheel;
  std::lock_guard<std::mutex> g(mutex_);
  table_[t->key] = t;
  if (is_local_pid(t->dest)) by_pid_.emplace(t->dest, t->key);
  wheel.add(t, deadline_ms);
}

void MessageTimers::forget_pid_locked(const MessageTimer* t) {
  if (!is_local_pid(t->dest)) return;
  auto [b, e] = by_pid_.equal_range(t->dest);
  for (auto it = b; it != e; ++it)
    if (it->second == t->key) {
      by_pid_.erase(it);
      return;
    }
}

void MessageTimers::cancel_all_for(Term pid) {
  std::vector<MessageTimer*> gone;
  {
    std::lock_guard<std::mutex> g(mutex_);
    auto [b, e] = by_pid_.equal_range(pid);
    for (auto it = b; it != e; ++it) {
      auto t = table_.find(it->second);
      if (t == table_.end() || !t->second->wheel->cancel(t->second)) continue;  // firing: it drops the message
      gone.push_back(t->second);
      table_.erase(t);
    }
    by_pid_.erase(pid);
  }
  for (MessageTimer* t : gone) {
    free_message(t->message);
    delete t;
  }
}

int64_t MessageTimers::cancel(const RefKey& key, int64_t now_ms) {
  MessageTimer* t = nullptr;
  int64_t left = -1;
  {
    std::lock_guard<std::mutex> g(mutex_);
    auto it = table_.find(key);
    if (it == table_.end() || !it->second->wheel->cancel(it->second)) return -1;
    t = it->second;
    forget_pid_locked(t);
    table_.erase(it);
    left = std::max<int64_t>(0, int64_t(t->deadline_ms) - 1 - now_ms);
  }
  free_message(t->message);
  delete t;
  return left;
}

int64_t MessageTimers::remaining(const RefKey& key, int64_t now_ms) {
  std::lock_guard<std::mutex> g(mutex_);
  auto it = table_.find(key);
  if (it == table_.end()) return -1;
  return std::max<int64_t>(0, int64_t(it->second->deadline_ms) - 1 - now_ms);
}

void MessageTimers::fire(Timer* base, uint64_t) {
  auto* t = static_cast<MessageTimer*>(base);
  auto* self = static_cast<MessageTimers*>(t->context);
  {
    std::lock_guard<std::mutex> g(self->mutex_);
    self->forget_pid_locked(t);
    self->table_.erase(t->key);
  }
  Runtime& vm = *t->vm;
  Process* to = is_local_pid(t->dest) ? vm.processes().acquire(t->dest) : vm.processes().acquire_name(t->dest);
  if (to != nullptr) {
    deliver(to, t->message, nullptr);
    vm.release(to);
  } else {
    free_message(t->message);
  }
  delete t;
}

}  // namespace beamrun
