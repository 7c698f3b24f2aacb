// process.h - one Erlang process: its heap and stack, registers it owns, its pending exception.
//
// Heap and stack share one block and grow towards each other:
//
//   heap_start                htop ->            <- stop                 heap_end
//   +--------------------------+-------------------+-----------------------+
//   | terms (grow upwards)     |       free        | stack (grows down)    |
//   +--------------------------+-------------------+-----------------------+
//
// The stack holds Y registers, return addresses (raw code pointers: low bits 00, which no term
// value has) and catch tags. A call pushes its return address; `allocate N` pushes N Y slots
// above it, so y(i) is stop[i] and the frame's return address sits at stop[N].
//
// Native code that must allocate while the process is not at a safe point (BIFs) uses
// `alloc()`, which spills into heap fragments when the block is full; the next collection
// copies the live part of fragments into the new block and frees them.
//
// Thread safety: a Process is touched only by the thread running it.
#pragma once
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "scheduler/dirty_pool.h"
#include "scheduler/run_queue.h"
#include "scheduler/timer_wheel.h"
#include "vm/export.h"
#include "vm/mailbox.h"
#include "vm/process_dict.h"
#include "vm/term.h"

namespace beamrun {

class VM;
class Scheduler;

// Bits of Process::state. The transitions and why they cannot lose a wake-up are described in
// scheduler/scheduler.h.
namespace pstate {
constexpr uint32_t RUNNING = 1;   // a scheduler thread is running it
constexpr uint32_t QUEUED = 2;    // it is in a run queue
constexpr uint32_t WAITING = 4;   // suspended in a receive until a signal or timeout comes
constexpr uint32_t EXITING = 8;   // dead or dying: signals to it are dropped
}  // namespace pstate

constexpr int64_t SLICE_REDUCTIONS = 4000;  // reductions per time slice, as BEAM

// What a native asks of the interpreter once it returns: end the slice (erlang:yield/0,
// hibernate/3), or run it again on a dirty thread (it returned NON_VALUE with no exception).
enum class NativeRequest : uint8_t { None, Yield, Hibernate, Signals, DirtyCpu, DirtyIo };

// Why a slice of interpretation ended.
enum class SliceEnd : uint8_t {
  Yield,     // reductions used up (or erlang:yield): runnable, resume at resume_pc
  Wait,      // a receive found nothing: resume at resume_pc when a signal or timeout comes
  Done,      // the bottom return address was reached: the process's function returned
  Raised,    // an exception was not caught: exc_kind, exc_reason, exc_trace
  Halt,      // erlang:halt was called
  Killed,    // an exit signal ended it: exit_reason holds the reason
  Dirty,     // a native asked for a dirty thread: see Process::dirty_*
};

constexpr unsigned MAX_X_REGS = 1024;
constexpr unsigned MAX_F_REGS = 1024;
constexpr size_t MIN_HEAP_WORDS = 233;  // BEAM's smallest process heap
constexpr size_t STACK_RESERVE = 4;     // words kept free for a call's return address
constexpr size_t FRAGMENT_GC_WORDS = 4096;  // fragment words that make a collection due

// What kind of exception is pending. `Halt` is not an Erlang class: it unwinds everything
// because erlang:halt/0,1 was called.
enum class ExcKind : uint8_t { None, Error, Exit, Throw, Halt };

// The X and float registers. A scheduler thread owns one and lends it to the process it runs;
// a process made for a host call outside the schedulers owns its own.
struct RegisterFile {
  Term x[MAX_X_REGS];
  double fr[MAX_F_REGS];
};

class Process final : public WordAllocator, public RunQueueItem {
 public:
  // `regs` null: the process owns a register file (host calls, tests). Scheduled processes
  // pass the scheduler's, and are lent one at every schedule-in (set_registers).
  Process(VM& vm, uint64_t serial, RegisterFile* regs = nullptr);
  ~Process() override;
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;

  VM& vm() { return vm_; }
  Term pid() const { return make_pid(serial_); }

  // Allocation from native code: never collects, spills into a fragment when full.
  Term* alloc_words(size_t n) override;
  Term* alloc(size_t n) { return alloc_words(n); }

  // --- exceptions raised by native code ---------------------------------------------------
  // A BIF reports failure by calling one of these and returning NON_VALUE.
  // bif_error: an error with the BIF's own frame ({erlang,F,Args,[error_info]}) on top.
  Term bif_error(Term reason);
  // raise: an exception of the given class, as erlang:error/exit/throw raise it.
  Term raise(ExcKind kind, Term reason);
  // raise with a given stacktrace (erlang:raise/3).
  Term raise_with_trace(ExcKind kind, Term reason, Term trace);
  Term halt(int status);

  // --- collection (vm/gc.cpp) ------------------------------------------------------------------
  // Generational, as ERTS: the young heap is the block above; the old heap holds terms that
  // survived two collections. Terms below the high-water mark survived the last collection and
  // move to the old heap at the next minor one; a full sweep copies young, old and fragments
  // into a fresh young heap and drops the old heap. Roots: x0..x(live-1), the stack, the extra
  // roots (for_each_extra_root). Terms outside heap, old heap and fragments (literals) stay.
  //
  // collect: a minor collection (or a full sweep when one is due) leaving at least `need`
  // words free between htop and stop (under gc_stress, with a deep stack, one not needed for
  // room may be skipped: gc.cpp). collect_major: always a full sweep (garbage_collect/0).
  void collect(size_t need, unsigned live);
  void collect_major(size_t need, unsigned live);
  // Takes ownership of `block` (block_malloc'd, `words` words, e.g. a received message): the heap
  // may point into it from now on; the next collection copies what is live and frees it. Its
  // RefcBin handles (already holding their references, chained from off_heap_chain) join the
  // off-heap list and vheap_bytes the virtual binary heap. Constant time but for the chain.
  void adopt_fragment(Term* block, size_t words, Term* off_heap_chain, size_t vheap_bytes);
  // Sets min_heap_size (rounded up to the heap size sequence) and grows the young heap to it now;
  // `live` X registers are roots.
  void set_min_heap_size(size_t words, unsigned live = 0);
  // ERTS's heap size sequence: the smallest size >= words, or `offset` sizes above it.
  static size_t next_heap_size(size_t words, unsigned offset = 0);
  // For tests and debugging: whether p lies in the old heap; and a walk of young heap, old
  // heap, stack, x0..x(live-1), extra roots and off-heap lists checking that every pointer
  // into this process's memory is in use and that the old heap points into the young
  // generation only through remembered slots. False with *problem set at the first fault.
  bool in_old_heap(const void* p) const { return p >= old_start_ && p < old_top_; }
  bool verify_heap(unsigned live, const char** problem);

  size_t heap_words() const { return size_t(heap_end - heap_start); }  // young block
  size_t heap_used() const { return size_t(htop - heap_start); }
  size_t stack_words() const { return size_t(heap_end - stop); }
  size_t fragment_words() const { return fragment_words_; }
  size_t old_heap_words() const { return size_t(old_end_ - old_start_); }
  size_t old_heap_used() const { return size_t(old_top_ - old_start_); }
  // process_info items, in words as BEAM reports them: heap_size is the young block (stack
  // included), total_heap_size adds the old heap and the fragments.
  size_t heap_size() const { return heap_words(); }
  size_t total_heap_size() const { return heap_words() + old_heap_words() + fragment_words_; }
  size_t stack_size() const { return stack_words(); }
  // process_info(memory): the Process object, its heaps and fragments, its dictionary table.
  size_t memory_bytes() const;
  uint64_t collections() const { return collections_; }  // minor and major
  uint64_t minor_gcs() const { return minor_since_full_; }  // since the last full sweep
  uint64_t gc_words_reclaimed = 0;  // words freed by this process's collections, ever

  // Settings (process_flag/spawn_opt). Sizes in words.
  size_t min_heap_size = MIN_HEAP_WORDS;  // use set_min_heap_size to round and apply it
  uint64_t fullsweep_after = 65535;       // minor collections between full sweeps
  size_t max_heap_size = 0;               // 0: no limit
  bool max_heap_kill = true;
  bool max_heap_error_logger = true;
  // Set by a collection after which total_heap_size() > max_heap_size; the owner acts on it.
  bool max_heap_exceeded = false;

  // --- off-heap binaries (vm/binary.h) ------------------------------------------------------
  // The RefcBin handles on the young heap and fragments, chained through their `next` word
  // (those on the old heap are chained apart, gc.cpp). A collection keeps the handles it copies
  // and releases the blobs of the others; the destructor releases all. bin_vheap counts the
  // bytes those blobs hold (ERTS's virtual binary heap): above bin_vheap_limit a collection is
  // due, even with the heap itself nearly empty.
  Term* off_heap = nullptr;
  size_t bin_vheap = 0;
  size_t bin_vheap_limit = 0;  // set by the constructor and by each collection
  bool bin_vheap_full() const { return bin_vheap > bin_vheap_limit; }
  // A collection is due at the next safe point: fragments (native spills, adopted messages)
  // outgrew their limit, or off-heap binaries referenced only from the young generation grew
  // past theirs. Under VMOptions::gc_stress the fragment limit is 0: always due.
  bool gc_due() const { return fragment_words_ >= fragment_limit_ || bin_vheap_full(); }
  // The binary being built by the pre-OTP-25 bs_init2/bs_put_* sequence: where bs_put_* write.
  // Valid from a bs_init*/bs_append to the last bs_put_* of one construction (no collection
  // happens in between).
  uint8_t* bs_put_base = nullptr;
  Uint bs_put_offset = 0;  // in bits

  // --- scheduling (scheduler/scheduler.h owns the protocol) ---------------------------------
  std::atomic<uint32_t> state{0};  // pstate bits
  // References that keep this object alive: the process table's one while the process lives,
  // plus one for each sender or timer holding a pointer. The last release deletes the object
  // (unless `host_owned`: then the host's RunResult terms live on, and the host deletes it).
  std::atomic<uint32_t> refs{1};
  bool host_owned = false;
  Scheduler* scheduler = nullptr;  // the scheduler running it (valid while RUNNING)
  // Held by the scheduler for a whole slice, and by another process reading this one
  // (process_info). Nobody holds two run locks at once.
  std::mutex run_lock;
  const Word* resume_pc = nullptr;  // where the next slice starts
  // memory_bytes() and bin_vheap as of the end of the last slice, for erlang:memory/0,1
  // (read by other threads, so kept apart from the fields the process changes as it runs).
  std::atomic<size_t> memory_seen{0};
  std::atomic<size_t> binary_seen{0};
  std::vector<Term> saved_x;        // x0.. live at resume_pc, while the process is not running
  uint64_t slices = 0;

  // --- signals, messages, receive -------------------------------------------------------------
  SignalQueue inbox;      // pushed by any thread (vm/mailbox.h)
  MessageQueue messages;  // drained from the inbox by the running process
  // Takes in the signals that arrived: messages join the private queue, exit signals are
  // handled (supervision/exit_signals.cpp). False when one killed the process: exit_reason
  // is set and it must not run on.
  bool take_signals();
  // For another thread holding the run lock (process_info): moves arrived messages into the
  // queue but leaves every other signal, and whatever follows it, for the process itself.
  void peek_signals();
  std::vector<Signal*> pending_signals;  // taken from the inbox by peek_signals, not yet handled
  // The receive timeout (vm/process_signals.cpp): armed by wait_timeout, disarmed when the
  // receive ends. Each arming has a new sequence number, which the timer's callback publishes
  // in fired_seq: a late callback of an old arming cannot end a later receive. Made by the
  // first receive with a timeout, then kept.
  struct ReceiveTimer {
    Timer timer;
    uint64_t seq = 0;
    std::atomic<uint64_t> fired_seq{0};
  };
  std::unique_ptr<ReceiveTimer> receive_timer;
  TimerWheel* receive_timer_wheel = nullptr;  // where receive_timer is armed, or null
  // Set by natives that end the slice after they return (erlang:yield/0, hibernate/3) or
  // want a dirty thread.
  NativeRequest native_request = NativeRequest::None;
  // A native call handed to a dirty pool: called there with saved_x as its arguments; the
  // process then resumes at resume_pc with the result in x0, or raises as the call would have.
  // Made by the first such call, then kept.
  struct DirtyCall {
    BifFn fn = nullptr;
    const Export* exp = nullptr;
    const Word* pc = nullptr;  // the calling instruction, for the stack trace
    bool io = false;
    DirtyJob job;
  };
  std::unique_ptr<DirtyCall> dirty;
  bool on_dirty_thread = false;  // the native runs on a dirty thread now: it must not ask again

  // --- identity and flags -----------------------------------------------------------------------
  Term registered_name = NIL;  // an atom, or NIL
  Term group_leader = NIL;     // a pid
  Term initial_call[3] = {NIL, NIL, NIL};  // module, function, arity
  bool trap_exit = false;
  bool message_queue_off_heap = false;  // process_flag(message_queue_data): bookkeeping only
  bool hibernating = false;  // in erlang:hibernate/3 until the next schedule-in
  ProcessDict dict;
  // How it ended (vm/process_life.cpp): the reason as exit signals carry it, and for a host
  // call, whether the host may look (guarded by the VM's host mutex).
  Term exit_reason = NON_VALUE;
  SliceEnd end_kind = SliceEnd::Done;
  bool host_finished = false;
  // --- links and monitors (supervision/) --------------------------------------------------------
  struct MonitorRef {
    RefKey ref;   // the monitor's reference
    Term other;   // the watching process (monitored_by) or the watched one (monitors)
    Term name;    // the registered name the monitor was made with, or NIL
    uint64_t seq = 0;  // monitored_by: arrival order, in which the 'DOWN's go out
  };
  using MonitorTable = std::unordered_map<RefKey, MonitorRef, RefKeyHash>;
  // Guards the fields below. Held alone: never together with another process's sig_mutex.
  // Hashed, so that a process linked to or watched by 100,000 others stays linear.
  // Most processes never link or monitor: the tables are made on first use, which keeps a
  // fresh process small.
  struct Relations {
    std::unordered_set<Term> links;  // pids
    MonitorTable monitored_by;       // who gets a 'DOWN' when this process dies
    MonitorTable monitors;           // the monitors this process holds
    uint64_t monitor_seq = 0;        // numbers monitored_by entries
    std::unordered_set<RefKey, RefKeyHash> aliases;  // active ones, removed from the VM's table at exit
  };
  std::mutex sig_mutex;
  bool sig_closed = false;  // exiting: no new links or monitors
  Relations& rel() {        // with sig_mutex held (or before the process is published)
    if (!relations_) relations_ = std::make_unique<Relations>();
    return *relations_;
  }
  bool has_relations() const { return relations_ != nullptr; }
  std::unique_ptr<Relations> relations_;

  // Terms held outside heap, stack and registers: the collector updates them in place.
  template <class F>
  void for_each_extra_root(F&& f) {
    dict.for_each_root(f);
    for (Term& t : saved_x) f(t);
    f(exc_reason);
    f(exc_trace);
    f(exc_pc_args);
    f(exc_pc_extra);
  }

  // --- state the interpreter keeps in locals while running, and saves here at safe points ---
  Term* heap_start = nullptr;
  Term* htop = nullptr;
  Term* stop = nullptr;
  Term* heap_end = nullptr;
  Term* x = nullptr;     // the register file in use (RegisterFile::x)
  double* fr = nullptr;  // RegisterFile::fr
  void set_registers(RegisterFile* r) { x = r->x; fr = r->fr; }
  uint64_t reductions = 0;
  unsigned catches = 0;  // live catch tags on the stack

  // Pending exception, valid when exc_kind != None.
  ExcKind exc_kind = ExcKind::None;
  Term exc_reason = NON_VALUE;
  Term exc_trace = NON_VALUE;     // a stacktrace term given by erlang:raise/3, else NON_VALUE
  bool exc_bif_frame = false;     // the failing BIF's frame goes on top of the stacktrace
  Term exc_pc_args = NON_VALUE;   // erlang:error/2,3: args replace the arity in the top frame
  Term exc_pc_extra = NON_VALUE;  // erlang:error/3: an {error_info, _} joining that frame
  int halt_status = 0;
  Term exc_bif_cause = NON_VALUE;  // an atom for error_info's `cause` key (consumed by bif_frame)
  const Word* native_pc = nullptr; // the instruction calling a native (for current_function)

 private:
  // Heap fragments: blocks the heap may point into until the next collection copies their live
  // part out and frees them: spills of alloc() (bumped, each at least as large as all earlier
  // spills together) and adopted message blocks. All block_malloc'd.
  struct Fragment {
    Term* block;
    size_t used;  // words in use from block
  };
  struct GcRun;  // one collection's state (gc.cpp)
  void collect_as(bool full, size_t need, unsigned live);
  void move_young(size_t new_words, unsigned live);
  void after_collection();
  bool stress_skip(size_t need);

  VM& vm_;
  uint64_t serial_;
  std::unique_ptr<RegisterFile> own_regs_;
  std::vector<Fragment> fragments_;
  Term* spill_top_ = nullptr;  // bump pointer of the last alloc() spill (fragments_.back())
  Term* spill_end_ = nullptr;
  size_t spill_words_ = 0;     // words of alloc() spills since the last collection
  size_t fragment_words_ = 0;  // all fragment words, adopted included
  size_t fragment_limit_ = FRAGMENT_GC_WORDS;  // gc_due above this; 0 under gc_stress
  bool gc_stress_ = false;
  uint64_t stress_calls_ = 0;
  // The old generation: never points into the young heap or fragments, except through the
  // slots in remembered_ (gc.cpp explains when), which minor collections treat as roots.
  Term* old_start_ = nullptr;
  Term* old_top_ = nullptr;
  Term* old_end_ = nullptr;
  std::vector<Term*> remembered_;
  Term* high_water_ = nullptr;  // young terms below it survived the last collection
  // RefcBin handles in the old heap (off_heap holds those of the young heap and fragments),
  // the bytes their blobs hold, and the limit above which the next collection is a full sweep.
  Term* old_off_heap_ = nullptr;
  size_t bin_old_vheap_ = 0;
  size_t bin_old_vheap_limit_ = 0;
  bool heap_grow_ = false;  // the last collection left the heap over 75% full: grow at the next
  uint64_t minor_since_full_ = 0;
  uint64_t collections_ = 0;
};

// Term exception class atom for an ExcKind (error, exit, throw).
Term exc_class_atom(ExcKind k);

}  // namespace beamrun
