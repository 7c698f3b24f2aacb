// process_table.h - every live process by pid, and the registered names.
//
// A pid's payload is ERTS's 28 bits (printed <0.Number.Serial>, number the low 15 bits). Pids
// come from a counter, so a pid is reused only after 2^28 spawns; the process sits in slot
// `payload mod capacity`, and a spawn that lands on an occupied slot takes the next number.
//
// Thread safety: slots are guarded by striped mutexes (slot index mod STRIPES), so spawns,
// exits and lookups of unrelated processes rarely contend; `names_mutex_` guards the name
// map. A lookup returns the process with one reference taken (Process::refs) under the stripe
// lock, which the exit path also takes to clear the slot: a looked-up process cannot be freed
// before its caller releases it.
#pragma once
#include <atomic>
#include <cstdlib>
#include <cstdint>
#include <memory>
#include <mutex>
#include <deque>
#include <unordered_map>
#include <vector>

#include "process/mailbox.h"  // tombstones hold a Message block
#include "term/export.h"
#include "term/term.h"

namespace beamrun {

class Process;

class ProcessTable {
 public:
  static constexpr unsigned PAYLOAD_BITS = 28;
  static constexpr size_t DEFAULT_CAPACITY = size_t(1) << 21;  // erlang:system_info(process_limit)

  explicit ProcessTable(size_t capacity = DEFAULT_CAPACITY);
  ~ProcessTable();

  size_t capacity() const { return mask_ + 1; }
  size_t count() const { return count_.load(std::memory_order_relaxed); }
  // A fresh pid payload that no table slot holds right now (for a process the host makes).
  uint64_t fresh_payload();

  // Creates a process in a free slot: `make(payload)` constructs it. Null when the table is full.
  template <class Make>
  Process* create(Make&& make) {
    for (size_t tries = 0; tries <= mask_; ++tries) {
      uint64_t payload = next_.fetch_add(1, std::memory_order_relaxed) & PAYLOAD_MASK;
      size_t i = payload & mask_;
      std::lock_guard<std::mutex> g(stripe(i));
      if (slots_[i] != nullptr) continue;
      Process* p = make(payload);
      set_slot(i, p);
      note_used(i);
      count_.fetch_add(1, std::memory_order_relaxed);
      return p;
    }
    return nullptr;
  }
  // Puts a process made elsewhere (with a fresh_payload pid) in its slot; false if taken.
  bool insert(Process* p);
  // Clears p's slot (p is exiting).
  void remove(Process* p);
  // The live process with this pid, with one reference taken; null if none.
  Process* acquire(Term pid);
  // Empties the table, returning what it held (the VM deletes them at shutdown).
  std::vector<Process*> take_all();
  // Calls f(p) for every live process, under its slot's lock (f must not take locks).
  template <class F>
  void for_each(F&& f) {
    for (size_t i = 0, end = used_end(); i < end; ++i) {
      if (peek(i) == nullptr) continue;  // a racy peek; confirmed under the lock
      std::lock_guard<std::mutex> g(stripe(i));
      if (slots_[i] != nullptr) f(slots_[i]);
    }
  }
  // Every live process's pid.
  std::vector<Term> pids();

  // Aliases (erlang:alias/0,1, monitor/3's alias option): a reference a process receives on.
  enum class AliasMode : uint8_t { Explicit, Demonitor, ReplyDemonitor, Reply };
  struct Alias {
    Term pid;
    AliasMode mode;
  };
  void add_alias(const RefKey& k, Term pid, AliasMode mode);
  // The alias's owner and mode; false when it is not active.
  bool find_alias(const RefKey& k, Alias* out);
  // Deactivates the alias if `pid` owns it; false if it was not active (or not its own).
  bool remove_alias(const RefKey& k, Term pid);

  // Exit tombstones: the reasons of the last TOMBSTONES processes that died, as standalone
  // copies (process/mailbox.h blocks), so the host can learn how a process ended after it is gone.
  static constexpr size_t TOMBSTONES = 4096;
  void bury(Term pid, Message* reason);  // takes the block
  void clear_tombstones();
  // Calls f(reason term) under the lock if `pid` has a tombstone; false if it has none.
  template <class F>
  bool with_tombstone(Term pid, F&& f) {
    std::lock_guard<std::mutex> g(tomb_mutex_);
    auto it = tombs_.find(pid);
    if (it == tombs_.end()) return false;
    f(it->second->term);
    return true;
  }

  // Names. register_name fails if the name is taken, the process has a name, or it is exiting.
  enum class RegisterResult { Ok, NameTaken, ProcessNamed, Exiting };
  RegisterResult register_name(Term name, Process* p);
  bool unregister_name(Term name);
  // The process registered as `name` with one reference taken, or null.
  Process* acquire_name(Term name);
  Term whereis(Term name);  // its pid, or the atom undefined
  std::vector<Term> names();

 private:
  static constexpr uint64_t PAYLOAD_MASK = (uint64_t(1) << PAYLOAD_BITS) - 1;
  static constexpr size_t STRIPES = 256;
  std::mutex& stripe(size_t slot) { return stripes_[slot % STRIPES]; }
  // Slots are written under their stripe's lock, atomically, so that scans may peek at a slot
  // without it (then confirm under the lock).
  Process* peek(size_t i) const { return std::atomic_ref<Process*>(slots_[i]).load(std::memory_order_relaxed); }
  void set_slot(size_t i, Process* p) { std::atomic_ref<Process*>(slots_[i]).store(p, std::memory_order_relaxed); }

  // Slots at or past used_end_ have never held a process: scans stop there, so that a table
  // that never filled its 16 MB never touches it.
  size_t used_end() const { return used_end_.load(std::memory_order_acquire); }
  void note_used(size_t i) {
    size_t end = used_end_.load(std::memory_order_relaxed);
    while (i + 1 > end && !used_end_.compare_exchange_weak(end, i + 1, std::memory_order_acq_rel)) {
    }
  }
  std::atomic<size_t> used_end_{0};
  size_t mask_;
  // Mapped straight from the kernel: its zero pages cost no memory until a slot is used (the
  // allocator would zero, and so touch, all 16 MB of a full-size table).
  Process** slots_;
  std::mutex stripes_[STRIPES];
  std::atomic<uint64_t> next_{1};
  std::atomic<size_t> count_{0};
  std::mutex names_mutex_;
  std::unordered_map<Term, Process*> names_;
  std::mutex alias_mutex_;  // guards aliases_
  std::unordered_map<RefKey, Alias, RefKeyHash> aliases_;
  std::mutex tomb_mutex_;  // guards tombs_ and tomb_order_
  std::unordered_map<Term, Message*> tombs_;
  std::deque<Term> tomb_order_;  // oldest first
};

}  // namespace beamrun
