// vm.h - the VM object. It owns everything: atoms, exports, modules, the code path, natives.
// There is no global mutable state: two VMs in one host process share nothing.
#pragma once
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "scheduler/dirty_pool.h"
#include "scheduler/run_queue.h"
#include "vm/atoms.h"
#include "vm/export.h"
#include "vm/module.h"
#include "vm/process_table.h"
#include "vm/term.h"

namespace beamrun {

class Process;
class Schedulers;
enum class SliceEnd : uint8_t;

struct VMOptions {
  std::vector<std::string> code_path;  // searched first, in order (directories or .beam files)
  bool use_otp_path = true;            // then OTP's lib/*/ebin directories
  std::string otp_root;                // empty: $BEAMRUN_OTP_ROOT, else the build-time OTP root
  FILE* out = stdout;                  // where erlang:display/1 writes
  unsigned schedulers = 0;             // normal scheduler threads; 0: one per hardware thread
  unsigned dirty_cpu_schedulers = 0;   // 0: as many as normal schedulers
  unsigned dirty_io_schedulers = 10;
  bool gc_stress = false;  // collect at every allocation point (also $BEAMRUN_GC_STRESS=1)
};

// What spawn_opt may set for the new process.
struct SpawnOptions {
  Priority priority = Priority::Normal;
  size_t min_heap_size = 0;  // words; 0: the default
  int64_t fullsweep_after = -1;  // -1: the default
  size_t max_heap_size = 0;      // words; 0: none
  bool max_heap_kill = true;
  bool max_heap_error_logger = true;
  bool message_queue_off_heap = false;
  bool link = false;
  bool monitor = false;
  Term initial_call[3] = {NIL, NIL, NIL};  // process_info's initial_call: M, F, Arity
};

// How a call from the host into Erlang ended.
struct RunResult {
  enum class Kind { Returned, Raised, Halted } kind = Kind::Returned;
  Term value = NON_VALUE;  // returned value, or the exception reason
  Term exc_class = NON_VALUE;
  Term stacktrace = NIL;
  int halt_status = 0;
};

// Export entries by M:F/A. Entries are created on first mention and never removed.
// Thread safety: `mutex_` guards the map; entries themselves are stable and publish their
// address atomically (see Export).
class ExportTable {
 public:
  Export* get(Term module, Term function, uint32_t arity);  // creates if missing
  Export* find(Term module, Term function, uint32_t arity) const;

 private:
  struct Key {
    Term m, f;
    uint32_t a;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    size_t operator()(const Key& k) const { return (k.m * 0x9E3779B97F4A7C15ull) ^ (k.f * 31) ^ k.a; }
  };
  mutable std::mutex mutex_;
  std::unordered_map<Key, std::unique_ptr<Export>, KeyHash> map_;
};

class LiteralArea;

// The persistent_term store (bifs/persistent_term.cpp). Thread safety: an internal mutex.
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

class VM {
 public:
  explicit VM(VMOptions options = {});
  ~VM();
  VM(const VM&) = delete;
  VM& operator=(const VM&) = delete;

  AtomTable& atoms() { return atoms_; }
  PersistentTerms& persistent_terms() { return persistent_terms_; }
  ExportTable& exports() { return exports_; }
  FILE* out() const { return options_.out; }
  bool gc_stress() const { return options_.gc_stress; }
  // The OTP installation whose libraries form the default code path.
  const std::string& otp_root() const { return otp_root_; }
  // Serialises access to the host process's environment (os:getenv/putenv).
  std::mutex& env_mutex() { return env_mutex_; }

  // Native functions, registered by bifs/*.cpp at construction.
  void register_bif(const char* module, const char* function, uint32_t arity, BifFn fn);
  BifFn find_bif(Term module, Term function, uint32_t arity) const;

  // Loads `name` from the code path unless it is loaded. Returns null and sets *error on failure.
  Module* ensure_loaded(Term name, std::string* error);
  // ERTS's preloaded modules that beamrun writes in Erlang, embedded in the binary
  // (vm/preloaded.cpp): false when `name` is not one; else loads it into *out (null and *error
  // on failure).
  bool load_preloaded(Term name, Module** out, std::string* error);
  // Loads a module from a file (replacing nothing: a loaded module of that name is an error).
  Module* load_file(const std::string& path, std::string* error);
  Module* find_module(Term name) const;
  // The code path, in search order: the -pa entries, then OTP's lib/*/ebin (erts excepted).
  std::vector<std::string> code_path() const;
  // The file ensure_loaded would load `name` from, or "" when no code path entry holds it.
  std::string find_in_path(Term name);
  // The module whose code holds `addr`, or null.
  const Module* module_at(const void* addr) const;
  std::vector<const Module*> loaded_modules() const;

  // Runs M:F(Args) as process `p` (made by the host, with the args on its heap) on the
  // schedulers, and waits until it returns, raises, or some process halts the VM. The result's
  // terms live on p's heap. After a halt the schedulers are stopped: the VM runs nothing more.
  RunResult call(Term module, Term function, const std::vector<Term>& args, Process& p);

  // --- processes (vm/process_life.cpp) ---------------------------------------------------------
  ProcessTable& processes() { return processes_; }
  Schedulers& schedulers() { return *schedulers_; }
  // A new process that runs `entry` (apply3_code or apply_fun_code) with x0.. = copies of
  // args (terms of `parent`), queued to run. Returns its pid (the process may be running, or
  // even gone, by then), or NON_VALUE when the process table is full.
  // With opts.link/monitor the relation exists before the child runs; the monitor's reference
  // goes to *monitor_ref.
  Term spawn(Process* parent, const Word* entry, const Term* args, unsigned nargs, const SpawnOptions& opts,
                 Term* monitor_ref = nullptr);
  // Code that applies x0:x1(x2) / the fun x0 to the list x1, as a process's first instruction.
  const Word* apply3_code() const { return apply3_code_; }
  const Word* apply_fun_code() const { return apply_fun_code_; }
  const Word* return_code() const { return return_code_; }
  const Word* dirty_raise_code() const { return dirty_raise_code_; }
  // Hands p (its dirty_* fields set, state RUNNING) to a dirty pool; it comes back queued.
  void run_dirty(Process* p);
  // The scheduler's report that p's function returned, raised, or halted the VM.
  void process_finished(Process* p, SliceEnd end);
  // How a process that is gone ended: copies its exit reason into `into`'s heap. False when
  // the pid is alive or its tombstone was evicted (ProcessTable::TOMBSTONES are kept).
  bool exit_reason(Term pid, Process& into, Term* reason);
  // Drops one reference to p (Process::refs); the last one deletes it.
  void release(Process* p);
  // erlang:halt from any process: the host's call returns Halted with this status.
  void request_halt(int status);
  // The pid of `user`, the standard I/O server every process started by the host has as group
  // leader (vm/group_leader.cpp); started with `standard_error` and the code server
  // (`code_server`) on the first call. NON_VALUE when it cannot be started.
  Term standard_group_leader();

  // Shared code that is no module's: the bottom-of-stack return address.
  const Word* return_to_host_code() const { return host_code_; }

  // A pid payload for a process the host makes (no live process has it).
  uint64_t next_serial() { return processes_.fresh_payload(); }
  // make_ref/0: a number no other reference of this VM has had, shared by all schedulers
  // (erlang_terms.cpp spreads it over the reference's three words).
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
  std::vector<uint64_t> scheduler_busy_ns();
  // statistics(scheduler_wall_time)'s zero point: set by system_flag(scheduler_wall_time, true).
  struct WallTimeBase {
    std::mutex mutex;
    int64_t start_ns = 0;
    std::vector<uint64_t> busy;
  };
  WallTimeBase& wall_time_base() { return wall_time_base_; }
  unsigned dirty_cpu_threads() const;
  unsigned dirty_io_threads() const;
  uint64_t next_unique_integer() { return unique_counter_.fetch_add(1, std::memory_order_relaxed) + 1; }
  uint64_t next_ref_number() { return ref_counter_.fetch_add(1, std::memory_order_relaxed) + 1; }
  // Monotonic nanoseconds when the VM started; erlang:monotonic_time counts from here.
  int64_t start_ns() const { return start_ns_; }

 private:
  Module* install(std::unique_ptr<Module> m);

  VMOptions options_;
  AtomTable atoms_;
  ExportTable exports_;
  PersistentTerms persistent_terms_;
  std::unordered_map<Uint, BifFn> bif_by_export_;       // key: Export* as integer
  mutable std::mutex modules_mutex_;                    // guards modules_, by_address_, path_index_
  std::unordered_map<Term, std::unique_ptr<Module>> modules_;
  std::map<const Word*, const Module*> by_address_;     // code start -> module
  std::unordered_map<std::string, std::string> path_index_;  // module name -> .beam path
  bool path_indexed_ = false;
  const void* const* handlers_;
  Word host_code_[2];
  Word apply3_code_[1];
  Word apply_fun_code_[1];
  Word return_code_[1];
  Word dirty_raise_code_[1];
  std::mutex dirty_mutex_;  // guards creating the pools
  std::unique_ptr<DirtyPool> dirty_cpu_, dirty_io_;
  WallTimeBase wall_time_base_;
  // Declared last but for the clock: destroyed first, so no thread runs a process while the
  // rest of the VM goes away.
  ProcessTable processes_;
  std::mutex host_mutex_;  // guards the host-call fields below and Process::host_finished
  std::condition_variable host_cv_;
  bool halted_ = false;
  int halt_status_ = 0;
  std::string otp_root_;
  std::mutex env_mutex_;
  std::atomic<uint64_t> ref_counter_{0};
  std::atomic<uint64_t> unique_counter_{0};
  StatMarks stat_marks_;
  std::atomic<uint64_t> gc_count_{0}, gc_words_reclaimed_{0};
  int64_t start_ns_ = 0;
  std::unique_ptr<Schedulers> schedulers_;
  std::mutex group_leader_mutex_;  // guards group_leader_
  Term group_leader_ = NON_VALUE;
  std::recursive_mutex load_mutex_;  // one module load at a time (ensure_loaded)
};

// Registration hooks, one per bifs/ file.
void register_erlang_bifs(VM& vm);           // bifs/erlang.cpp: operators, tests, tuples, lists, exceptions
void register_erlang_binary_bifs(VM& vm);    // bifs/erlang_binaries.cpp: binary BIFs of erlang
void register_erlang_number_bifs(VM& vm);    // bifs/erlang_numbers.cpp: float/integer conversions
void register_erlang_term_bifs(VM& vm);      // bifs/erlang_terms.cpp: ETF, hashing, funs, refs
void register_lists_bifs(VM& vm);            // bifs/lists.cpp
void register_binary_bifs(VM& vm);           // bifs/binary.cpp: the binary module
void register_maps_bifs(VM& vm);             // bifs/maps.cpp: the maps module and map BIFs
void register_math_bifs(VM& vm);             // bifs/math.cpp: the math module
void register_time_bifs(VM& vm);             // bifs/erlang_time.cpp: clocks and time units
void register_persistent_term_bifs(VM& vm);  // bifs/persistent_term.cpp
void register_os_bifs(VM& vm);               // bifs/os.cpp: environment, OS pid
void register_erlang_system_bifs(VM& vm);    // bifs/erlang_system.cpp: system_info, code queries
void register_init_bifs(VM& vm);             // bifs/init.cpp: init's argument queries
void register_unicode_bifs(VM& vm);
void register_erlang_process_bifs(VM& vm);
void register_erlang_timer_bifs(VM& vm);
void register_beamrun_io_bifs(VM& vm);       // bifs/beamrun_io.cpp: the I/O server's natives
void register_beamrun_code_bifs(VM& vm);     // bifs/beamrun_code.cpp: the code server's natives
void register_erl_prim_loader_bifs(VM& vm);  // bifs/erl_prim_loader.cpp: list_dir (code:which)
void register_erlang_link_bifs(VM& vm);      // bifs/erlang_links.cpp: link, monitor, exit/2     // bifs/erlang_timers.cpp: send_after, timers, unique_integer   // bifs/erlang_processes.cpp: spawn, send, names, process_info          // bifs/unicode.cpp: chardata conversions

}  // namespace beamrun
