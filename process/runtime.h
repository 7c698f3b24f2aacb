// runtime.h - the VM as the layers below vm/ see it: the tables every process shares (atoms,
// exports and natives, modules, processes, persistent terms, counters), and the few services
// only the VM object can give, as virtual hooks (loading code, spawning and retiring processes,
// running a slice, dirty pools) that vm/vm.h implements.
//
// Why a base class: the interpreter, the scheduler, signals and natives all need the shared
// tables, and the VM object that ties the layers together sits above all of them (it starts
// schedulers, loads through the translator, registers the natives). Data lives here; an arrow
// upwards is a virtual call, never an include.
//
// Thread safety: each table says its own rule; the counters are atomics; `modules_mutex_`
// guards the module table (written by VM::install, read by everyone).
#pragma once
#include <atomic>
#include <cstdio>
#include <functional>
#include <string_view>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/run_queue.h"
#include "etf/encode.h"
#include "loader/module.h"
#include "process/process_table.h"
#include "term/atoms.h"
#include "term/export.h"
#include "term/term.h"

namespace beamrun {

class Process;
class Schedulers;
class MessageTimers;
enum class SliceEnd : uint8_t;

// How a VM is set up. The VM reads nothing from the environment: the host decides (the beamrun
// CLI sets otp_root from $BEAMRUN_OTP_ROOT and gc_stress from $BEAMRUN_GC_STRESS).
struct VMOptions {
  std::vector<std::string> code_path;  // searched first, in order (directories or .beam files)
  bool use_otp_path = true;            // then OTP's lib/*/ebin directories
  std::string otp_root;                // empty: the OTP root found at build time
  // Where output goes (Runtime::write_output): fd 1 (io to `user`, erlang:display/1) to
  // out_fn if set, else `out`; fd 2 (standard_error, crash reports) to err_fn, else `err`.
  FILE* out = stdout;
  FILE* err = stderr;
  std::function<void(std::string_view)> out_fn, err_fn;
  size_t max_processes = 0;            // 0: ProcessTable::DEFAULT_CAPACITY
  size_t max_atoms = 0;                // 0: AtomTable's default (ERTS's 1,048,576)
  unsigned schedulers = 0;             // normal scheduler threads; 0: one per hardware thread
  unsigned dirty_cpu_schedulers = 0;   // 0: as many as normal schedulers
  unsigned dirty_io_schedulers = 10;
  bool gc_stress = false;  // collect at every allocation point and poison freed space (gc.cpp)
};

// What spawn_opt may set for the new process.
struct SpawnSettings {
  RunPriority priority = RunPriority::Normal;
  size_t min_heap_size = 0;  // words; 0: the default
  int64_t fullsweep_after = -1;  // -1: the default
  size_t max_heap_size = 0;      // words; 0: none
  bool max_heap_kill = true;
  bool max_heap_error_logger = true;
  bool message_queue_off_heap = false;
  bool link = false;
  bool monitor = false;
  bool trap_exit = false;     // process_flag(trap_exit, true) before the first instruction
  bool host_watched = false;  // HostHooks::process_ended hears of its end
  Term initial_call[3] = {NIL, NIL, NIL};  // process_info's initial_call: M, F, Arity
  // Run under this sandbox policy's limits (loader/sandbox.h); null: the parent's, if any.
  std::shared_ptr<const SandboxPolicy> policy;
};

class LiteralArea;

// What the embedding layer (embed/, the public API) hears of, through Runtime::host_hooks().
// Called on VM threads, never under a lock of the VM's.
class HostHooks {
 public:
  virtual ~HostHooks() = default;
  // A process spawned with SpawnSettings::host_watched has ended: `p` is intact (end_kind,
  // exit_reason, saved_x[0] for a return, exc_* for an exception), on the thread that ran it.
  virtual void process_ended(Process& p) = 0;
  // A signal arrived at a host mailbox (Process::host_mailbox): wake whoever waits on it.
  virtual void mailbox_signalled(Process& p) = 0;
  // Some process called erlang:halt(status) (on its scheduler thread).
  virtual void vm_halted(int status) = 0;
};

// The persistent_term store (process/persistent_terms.cpp; the natives: bifs/persistent_term.cpp). Thread safety: an internal mutex.
class PersistentTerms {
 public:
  PersistentTerms();
  ~PersistentTerms();
  Term get(Term key, const AtomTable& atoms);  // NON_VALUE when absent
  void put(Term key, Term value, const AtomTable& atoms);
  bool erase(Term key, const AtomTable& atoms);
  std::vector<std::pair<Term, Term>> all();
  void info(size_t* count, size_t* words);

 private:
  std::mutex mutex_;
  std::unique_ptr<LiteralArea> storage_;                          // copies of keys and values
  std::unordered_multimap<uint32_t, std::pair<Term, Term>> index_;  // phash2 -> (key, value)
};

class Runtime {
 public:
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  AtomTable& atoms() { return atoms_; }
  PersistentTerms& persistent_terms() { return persistent_terms_; }
  ExportTable& exports() { return exports_; }
  // Writes a program's output: fd 1 (standard output) or 2 (standard error), where
  // VMOptions says. Any thread.
  void write_output(int fd, std::string_view bytes);
  bool gc_stress() const { return options_.gc_stress; }
  // The OTP installation whose libraries form the default code path.
  const std::string& otp_root() const { return otp_root_; }

  // Native functions, registered by bifs/*.cpp when the VM is made.
  void register_bif(const char* module, const char* function, uint32_t arity, BifFn fn);
  BifFn find_bif(Term module, Term function, uint32_t arity) const { return exports_.find_bif(module, function, arity); }

  // --- code (the table here; loading in vm/vm.cpp) ---------------------------------------------
  // Loads `name` unless it is loaded: one of beamrun's preloaded modules (VM::load_preloaded),
  // else the first file of that name in the code path. Returns null and sets *error on failure.
  virtual Module* ensure_loaded(Term name, std::string* error) = 0;
  // Loads a module from a file (replacing nothing: a loaded module of that name is an error).
  virtual Module* load_file(const std::string& path, std::string* error) = 0;
  Module* find_module(Term name) const;
  // The code path, in search order: VMOptions::code_path (the CLI's -pa entries), then, with
  // use_otp_path, OTP's lib/*/ebin under otp_root() (erts excepted).
  virtual std::vector<std::string> code_path() const = 0;
  // The file ensure_loaded would load `name` from, or "" when no code path entry holds it.
  virtual std::string find_in_path(Term name) = 0;
  // The module whose code holds `addr`, or null.
  const Module* module_at(const void* addr) const;
  std::vector<const Module*> loaded_modules() const;
  // What the ETF encoder needs of this VM: atom text, and a closure's module md5 (its code's
  // module, else the loaded module of its name).
  EtfEncodeEnv encode_env(Term creator_pid);

  // --- processes (vm/process_life.cpp) ---------------------------------------------------------
  ProcessTable& processes() { return processes_; }
  Schedulers& schedulers() { return *schedulers_; }
  // erlang:send_after/start_timer's timers (supervision/message_timers.h).
  MessageTimers& message_timers() { return *message_timers_; }
  // A new process that runs `entry` (apply3_code or apply_fun_code) with x0.. = copies of
  // args (terms of `parent`), queued to run. Returns its pid (the process may be running, or
  // even gone, by then), or NON_VALUE when the process table is full.
  // With opts.link/monitor the relation exists before the child runs; the monitor's reference
  // goes to *monitor_ref.
  virtual Term spawn(Process* parent, const Word* entry, const Term* args, unsigned nargs,
                     const SpawnSettings& opts, Term* monitor_ref = nullptr) = 0;
  // Code that tail-calls `e` with its arguments in x0..: a process's first instruction when it
  // starts at M:F(Args), so its stack trace starts at M:F, as in ERTS (made once per export).
  virtual const Word* entry_code(Export* e) = 0;
  // Code that applies x0:x1(x2) / the fun x0 to the list x1, as a process's first instruction.
  const Word* apply3_code() const { return apply3_code_; }
  const Word* apply_fun_code() const { return apply_fun_code_; }
  // A lone return instruction: where a native tail call that went dirty resumes, so that it
  // returns to its caller.
  const Word* return_code() const { return return_code_; }
  // Where a process whose dirty call raised resumes: raises that exception (p->exc_*).
  const Word* dirty_raise_code() const { return dirty_raise_code_; }
  // A scheduler's turn with p: its pending signals, then one slice of the interpreter.
  virtual SliceEnd run_slice(Process& p) = 0;
  // Hands p (p->dirty set, state RUNNING) to its dirty pool, made on first use; it comes back
  // queued.
  virtual void run_dirty(Process* p) = 0;
  // The scheduler's report that p's function returned, raised, or halted the VM.
  virtual void process_finished(Process* p, SliceEnd end) = 0;
  // How a process that is gone ended: copies its exit reason into `into`'s heap. False when
  // the pid is alive or its tombstone was evicted (ProcessTable::TOMBSTONES are kept).
  virtual bool exit_reason(Term pid, Process& into, Term* reason) = 0;
  // Drops one reference to p (Process::refs); the last one deletes it.
  virtual void release(Process* p) = 0;
  // erlang:halt from any process: the host's call returns Halted with this status.
  virtual void request_halt(int status) = 0;
  // The pid of `user`, the standard I/O server every process started by the host has as group
  // leader (vm/group_leader.cpp); started with `standard_error` and the code server
  // (`code_server`) on the first call. NON_VALUE when it cannot be started.
  virtual Term standard_group_leader() = 0;

  // The embedding layer's hooks, or null (set once, before any process runs).
  HostHooks* host_hooks() const { return host_hooks_; }
  void set_host_hooks(HostHooks* h) { host_hooks_ = h; }
  // Processes spawned, and processes ended, in the VM's life (host-made ones not counted).
  uint64_t processes_spawned() const { return spawned_.load(std::memory_order_relaxed); }
  uint64_t processes_exited() const { return exited_.load(std::memory_order_relaxed); }
  // Off-heap binary blobs alive now that processes of this VM made (term/binary.h).
  int64_t live_blobs() const { return live_blobs_.load(std::memory_order_relaxed); }
  std::atomic<int64_t>* blob_counter() { return &live_blobs_; }

  // A pid payload for a process the host makes (no live process has it).
  uint64_t next_serial() { return processes_.fresh_payload(); }
  // erlang:statistics/1's "since the last call" marks (bifs/erlang_system.cpp).
  struct StatMarks {
    std::atomic<int64_t> reductions{0}, runtime{0}, wall_clock{0};
  };
  StatMarks& stat_marks() { return stat_marks_; }
  // Every collection of every process adds here (statistics(garbage_collection)).
  void count_gc(uint64_t words_reclaimed) {
    gc_count_.fetch_add(1, std::memory_order_relaxed);
    gc_words_reclaimed_.fetch_add(words_reclaimed, std::memory_order_relaxed);
  }
  uint64_t gc_count() const { return gc_count_.load(std::memory_order_relaxed); }
  uint64_t gc_words_reclaimed() const { return gc_words_reclaimed_.load(std::memory_order_relaxed); }
  // Busy nanoseconds of every scheduler thread, normal ones first, then dirty CPU, then dirty
  // IO (threads of a pool not started yet count 0).
  virtual std::vector<uint64_t> scheduler_busy_ns() = 0;
  // statistics(scheduler_wall_time)'s zero point: set by system_flag(scheduler_wall_time, true).
  struct WallTimeBase {
    std::mutex mutex;
    int64_t start_ns = 0;
    std::vector<uint64_t> busy;
  };
  WallTimeBase& wall_time_base() { return wall_time_base_; }
  virtual unsigned dirty_cpu_threads() const = 0;
  virtual unsigned dirty_io_threads() const = 0;
  // erlang:unique_integer/0,1: 1, 2, 3... shared by all schedulers.
  uint64_t next_unique_integer() { return unique_counter_.fetch_add(1, std::memory_order_relaxed) + 1; }
  // make_ref/0: a number no other reference of this VM has had, shared by all schedulers
  // (process/runtime.cpp: new_reference spreads it over the reference's words).
  uint64_t next_ref_number() { return ref_counter_.fetch_add(1, std::memory_order_relaxed) + 1; }
  // Monotonic nanoseconds when the VM started; erlang:monotonic_time counts from here.
  int64_t start_ns() const { return start_ns_; }

 protected:
  explicit Runtime(VMOptions options)
      : options_(std::move(options)), processes_(process_table_capacity(options_.max_processes)) {
    if (options_.max_atoms) atoms_.set_limit(options_.max_atoms);
  }
  // The table's size for a max_processes limit: a power of two, at least 16 (0: the default).
  static size_t process_table_capacity(size_t max) {
    if (max == 0) return ProcessTable::DEFAULT_CAPACITY;
    size_t c = 16;
    while (c < max && c < ProcessTable::DEFAULT_CAPACITY) c *= 2;
    return c;
  }
  virtual ~Runtime() = default;

  VMOptions options_;
  // First, so it outlives every table whose binaries count in it (persistent terms...).
  std::atomic<int64_t> live_blobs_{0};
  AtomTable atoms_;
  ExportTable exports_;
  PersistentTerms persistent_terms_;
  mutable std::mutex modules_mutex_;                    // guards modules_ and by_address_
  std::unordered_map<Term, std::unique_ptr<Module>> modules_;
  std::map<const Word*, const Module*> by_address_;     // code start -> module
  Word apply3_code_[1] = {};
  Word apply_fun_code_[1] = {};
  Word return_code_[1] = {};
  Word dirty_raise_code_[1] = {};
  WallTimeBase wall_time_base_;
  std::string otp_root_;
  std::atomic<uint64_t> ref_counter_{0};
  std::atomic<uint64_t> unique_counter_{0};
  StatMarks stat_marks_;
  std::atomic<uint64_t> gc_count_{0}, gc_words_reclaimed_{0};
  int64_t start_ns_ = 0;
  HostHooks* host_hooks_ = nullptr;
  std::atomic<uint64_t> spawned_{0}, exited_{0};
  Schedulers* schedulers_ = nullptr;         // owned by the VM
  MessageTimers* message_timers_ = nullptr;  // owned by the VM
  // ~VM (vm/process_life.cpp) stops the schedulers and the dirty pools before it deletes the
  // processes left here, so no thread runs a process while the VM goes away.
  ProcessTable processes_;
};

}  // namespace beamrun
