// embed.h - the inside of the embedding API's handles (include/beamrun/beamrun.h): what a Vm,
// a Call, a Mailbox and a NativeCall hold, for the embed layer's files.
//
// Vm::Impl owns the internal VM (vm/vm.h) and listens to it as its HostHooks: the end of every
// process the host spawned (kept as an Outcome until the host takes it), signals to host
// mailboxes, and erlang:halt.
//
// Threads and locks. Host threads call in at any time; VM threads call the hooks. Each table
// here has its own mutex and none is held while another is taken, except in the order
//   Mailbox::State::run (the mailbox process's run_lock)  ->  Mailbox::State::mutex
// and never while calling into the VM in a way that could call a hook back.
#pragma once
#include <array>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include "beamrun/beamrun.h"
#include "loader/sandbox.h"
#include "process/process.h"
#include "vm/vm.h"

namespace beamrun {

// A Call's shared state: the outcome, once the process ends.
struct Call::State {
  Pid pid;
  std::mutex mutex;
  std::condition_variable cv;
  bool done = false;  // under mutex; also read with acquire by spinning waiters
  std::atomic<bool> ready{false};
  Outcome outcome;

  // The call is over: its outcome is `o`, unless it had one already. Wakes every waiter.
  void finish(Outcome o) {
    {
      std::lock_guard<std::mutex> g(mutex);
      if (done) return;
      outcome = std::move(o);
      done = true;
      ready.store(true, std::memory_order_release);
    }
    cv.notify_all();
  }
};

// A host mailbox: a Process with host_mailbox set, never run by a scheduler (its state stays
// WAITING), whose signals the host takes in. `proc` holds one reference (Process::refs) for
// this State.
struct Mailbox::State {
  Vm::Impl* vm = nullptr;
  Process* proc = nullptr;
  Pid pid;
  std::mutex mutex;  // guards signalled, waiters, closed, close_reason
  std::condition_variable cv;
  bool signalled = false;  // a signal arrived since the reader last looked
  unsigned waiters = 0;    // readers blocked in receive
  bool closed = false;
  bool finished = false;  // its death (Impl::finish) has been done or is under way
  std::optional<Value> close_reason;
  std::atomic<bool> queued{false};  // waiting for the service thread (Impl::pump)

  ~State();
  // Takes in the arrived signals under the run lock; closes the mailbox if one killed it.
  // Returns false when it is closed.
  bool take_signals_locked();
  // Ends the mailbox process with `reason` (its links and monitors fire), once: when a signal
  // killed it already, with that signal's reason. Call without holding `mutex`.
  void close(Term reason);
};

// One registered native (see natives.cpp): the host's function and its kind, by slot.
struct NativeSlot {
  NativeFn fn;
  NativeKind kind = NativeKind::Normal;
  unsigned arity = 0;
  std::string name;  // "m:f/a", for error messages
};

constexpr unsigned MAX_HOST_NATIVES = 512;

struct NativeCall::State {
  Vm::Impl& vm;
  Process* p;
  bool raised = false;
  ExcKind kind = ExcKind::Error;
  Value reason;
};

struct Vm::Impl final : HostHooks {
  explicit Impl(const Config& c);
  ~Impl() override;

  Config config;
  Vm* self = nullptr;
  std::unique_ptr<VM> vm;
  RegisterFile scratch_regs;  // lent to scratch processes, which never run

  // HostHooks (VM threads).
  void process_ended(Process& p) override;
  void mailbox_signalled(Process& p) override;
  void vm_halted(int status) override;

  // A process to build terms on: never in the process table, never run; its pid is the
  // system mailbox's, so exit signals the host sends come from a pid that exists.
  std::unique_ptr<Process> scratch();

  // Outcomes of host-spawned processes (by pid) until taken, and the Calls waiting on them.
  struct Watched {
    std::optional<Outcome> outcome;
    std::shared_ptr<Call::State> call;
  };
  std::mutex watched_mutex;
  std::condition_variable watched_cv;
  std::unordered_map<uint64_t, Watched> watched;
  Outcome outcome_of(Process& p);
  void deliver_outcome(uint64_t pid, Outcome o);

  // Natives: slots fill once and never change after (natives_count published with release).
  std::mutex natives_mutex;
  std::array<NativeSlot, MAX_HOST_NATIVES> natives;
  std::atomic<unsigned> natives_count{0};

  // Host mailboxes, and the service thread that takes in signals of mailboxes nobody is
  // reading (so a killed mailbox's links fire at once) and stops the VM after a halt.
  std::mutex mailboxes_mutex;
  std::unordered_map<const Process*, std::weak_ptr<Mailbox::State>> mailboxes;
  std::vector<std::shared_ptr<Mailbox::State>> open_mailboxes();
  std::shared_ptr<Mailbox::State> system;  // the host's own pid: sender of exit signals
  std::mutex pump_mutex;
  std::condition_variable pump_cv;
  std::deque<std::shared_ptr<Mailbox::State>> pump_queue;
  bool pump_stop = false;
  bool halt_seen = false;  // under pump_mutex: the service thread stops the schedulers
  std::thread pump;
  void pump_loop();
  std::shared_ptr<Mailbox::State> make_mailbox();

  // Lifecycle.
  std::mutex life_mutex;
  std::atomic<bool> closed{false};  // shutdown began: no new work
  std::atomic<bool> halted{false};
  std::atomic<int> halt_status{0};
  std::optional<ShutdownStats> final_stats;
  ShutdownStats do_shutdown(std::chrono::milliseconds timeout);

  // The loader's form of a host's Policy; null and *error when a name in it is malformed.
  std::shared_ptr<const SandboxPolicy> sandbox_policy(const Policy& p, std::string* error);

  Result<Pid> spawn(std::string_view module, std::string_view function, std::vector<Value> args,
                    const SpawnOptions& options, std::shared_ptr<Call::State>* call);
};

// The slot's thunk: a BifFn that calls natives[slot] of the calling process's VM (natives.cpp).
BifFn native_thunk(unsigned slot);

}  // namespace beamrun
