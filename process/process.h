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
// Size: a process waiting in receive is this object, its 233-word heap block and nothing else,
// so the object is kept small (tests/unit/test_processes.cpp checks sizeof(Process)): state
// that few processes need (old heap and GC statistics, non-default GC settings, the receive
// timer, saved exception details, a host's register file) lives in a side block made on first
// use (Process::Cold), links and monitors in another (Relations), and the fields the
// interpreter touches at every call and allocation come first, together.
//
// Thread safety: a Process is touched only by the thread running it (which holds `run_lock`
// for the slice), or by a thread holding `run_lock` while it is not running (process_info,
// garbage_collect/1, group_leader/2, a dirty call); the side block Cold is under the same rule,
// so it is made only by such a thread. The exceptions say so where they are declared: state
// and refs (atomics, any thread), inbox (pushes from any thread), the relations and sig_closed
// (sig_mutex), registered_name (the process table's names lock), host_finished (the VM's host
// mutex), memory_seen/binary_seen (atomics read by erlang:memory). run_lock and sig_mutex are
// SmallMutex (base/small_mutex.h): 4 bytes each instead of std::mutex's 40, blocking (a futex)
// rather than spinning, not recursive. Nobody holds two run locks, or two sig_mutexes, at once.
#pragma once
#include <atomic>
#include <cassert>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <new>
#include <mutex>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/block_alloc.h"
#include "base/dirty_pool.h"
#include "base/run_queue.h"
#include "base/small_mutex.h"
#include "base/timer_wheel.h"
#include "loader/module.h"
#include "process/mailbox.h"
#include "process/process_dict.h"
#include "term/export.h"
#include "term/term.h"

namespace beamrun {

class Runtime;
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
// hibernate/3), hand the call to its Erlang fallback (Trap: ERTS's BIF trap, same arguments,
// see Export::fallback), or run it again on a dirty thread (it returned NON_VALUE with no
// exception).
enum class NativeRequest : uint8_t { None, Yield, Hibernate, Signals, Trap, DirtyCpu, DirtyIo };

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

constexpr size_t MIN_HEAP_WORDS = 233;  // BEAM's smallest process heap
constexpr size_t STACK_RESERVE = 4;     // words kept free for a call's return address
// Words of adopted message blocks that make a collection due, at the least; above this floor
// the limit is the young heap's free room after the last collection, so a small process
// collects after a few hundred words of messages and a big one after about as many as its heap
// has room for (ERTS collects when the fragments outgrow the free heap).
constexpr size_t FRAGMENT_GC_MIN_WORDS = 128;
// Words natives may spill (alloc() with the heap full) before a collection is due, at the least;
// above it, the young heap's size.
constexpr size_t FRAGMENT_SPILL_WORDS = 4096;

// What kind of exception is pending. `Halt` is not an Erlang class: it unwinds everything
// because erlang:halt/0,1 was called.
enum class ExcKind : uint8_t { None, Error, Exit, Throw, Halt };

// The X and float registers, and the rest of the state that lives only within a slice. A
// scheduler thread owns one and lends it to the process it runs; a process made outside the
// schedulers (by the host, by tests) owns its own.
struct RegisterFile {
  Term x[MAX_X_REGS];
  double fr[MAX_F_REGS];
  // The binary being built by the pre-OTP-25 bs_init2/bs_put_* sequence: where bs_put_* write
  // (interp/bits.h). Set by bs_init*/bs_append, valid until the last bs_put_* of that construction.
  // Compiled code runs the whole sequence in one slice with no collection in between (the
  // segments' values and sizes are computed before bs_init*, which makes all the room), so,
  // like ERTS's per-scheduler erts_current_bin, it is the running thread's state.
  // Hostile code can run bs_put_* without a bs_init*, past the size it made, after a yield, or
  // after a collection moved the binary. So every bs_put_* checks that its bits fit before
  // bs_put_end and that the process has not collected since the bs_init* (bs_put_collections),
  // and fails as for a bad value otherwise; the scheduler closes any construction (end 0) when
  // it lends the file to a process.
  uint8_t* bs_put_base = nullptr;
  Uint bs_put_offset = 0;  // in bits
  Uint bs_put_end = 0;     // in bits: bs_put_offset never passes it
  uint64_t bs_put_collections = 0;  // the process's Process::collections() at the bs_init*
  void close_bs_put() {
    bs_put_base = nullptr;
    bs_put_offset = 0;
    bs_put_end = 0;
  }
};

// A term whose value fits 32 bits, kept in half a word: an atom, a local pid (28-bit payload),
// NIL, NON_VALUE, a small integer below 2^28. Reads as a Term; assigning anything wider is a
// bug the debug build catches.
class Term32 {
 public:
  constexpr Term32() : v_(uint32_t(NIL)) {}
  constexpr explicit Term32(Term t) : v_(narrow(t)) {}
  constexpr operator Term() const { return v_; }
  Term32& operator=(Term t) {
    v_ = narrow(t);
    return *this;
  }

 private:
  static constexpr uint32_t narrow(Term t) {
    assert(t <= UINT32_MAX);
    return uint32_t(t);
  }
  uint32_t v_;
};

// A vector of trivially copyable values in one pointer: the block holds the size and capacity
// ahead of the elements, and an empty vector owns no block (clear() frees it).
template <class T>
class TinyVec {
  static_assert(std::is_trivially_copyable_v<T>);

 public:
  TinyVec() = default;
  ~TinyVec() { clear(); }
  TinyVec(const TinyVec&) = delete;
  TinyVec& operator=(const TinyVec&) = delete;

  size_t size() const { return h_ ? h_->size : 0; }
  bool empty() const { return size() == 0; }
  T* data() { return h_ ? h_->items() : nullptr; }
  const T* data() const { return h_ ? h_->items() : nullptr; }
  T* begin() { return data(); }
  T* end() { return data() + size(); }
  const T* begin() const { return data(); }
  const T* end() const { return data() + size(); }
  T& operator[](size_t i) { return h_->items()[i]; }
  const T& operator[](size_t i) const { return h_->items()[i]; }
  T& front() { return h_->items()[0]; }
  T& back() { return h_->items()[h_->size - 1]; }
  // Bytes of the block (0 when there is none).
  size_t bytes() const { return h_ ? ITEMS + h_->capacity * sizeof(T) : 0; }

  void clear() {
    block_free(h_);
    h_ = nullptr;
  }
  void push_back(const T& v) {
    size_t n = size();
    if (h_ == nullptr || n == h_->capacity) reserve_exactly(n < 4 ? 4 : 2 * n);
    h_->items()[n] = v;
    h_->size = uint32_t(n + 1);
  }
  void resize(size_t n) {
    if (n == 0) return clear();
    size_t old = size();
    if (h_ == nullptr || n > h_->capacity) reserve_exactly(n);
    for (size_t i = old; i < n; ++i) h_->items()[i] = T();
    h_->size = uint32_t(n);
  }
  template <class It>
  void assign(It first, It last) {
    size_t n = size_t(last - first);
    if (n == 0) return clear();
    if (h_ == nullptr || n > h_->capacity) {
      clear();
      reserve_exactly(n);
    }
    T* d = h_->items();
    for (size_t i = 0; i < n; ++i) d[i] = first[i];
    h_->size = uint32_t(n);
  }
  void assign(size_t n, const T& v) {
    resize(n);
    for (size_t i = 0; i < n; ++i) h_->items()[i] = v;
  }

 private:
  struct Header {
    uint32_t size;
    uint32_t capacity;
    T* items() { return reinterpret_cast<T*>(reinterpret_cast<char*>(this) + ITEMS); }
  };
  static constexpr size_t ITEMS = (sizeof(Header) + alignof(T) - 1) / alignof(T) * alignof(T);
  void reserve_exactly(size_t cap) {
    void* mem = block_realloc(h_, ITEMS + cap * sizeof(T));
    if (mem == nullptr) throw std::bad_alloc();
    bool fresh = h_ == nullptr;
    h_ = static_cast<Header*>(mem);
    if (fresh) h_->size = 0;
    h_->capacity = uint32_t(cap);
  }
  Header* h_ = nullptr;
};

class Process final : public WordAllocator, public RunQueueItem {
 public:
  // `regs` null: the process owns a register file (host calls, tests). Scheduled processes
  // pass the scheduler's, and are lent one at every schedule-in (set_registers).
  Process(Runtime& vm, uint64_t serial, RegisterFile* regs = nullptr);
  ~Process() override;
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;

  // The VM this process belongs to, as the layers below vm/ see it (process/runtime.h).
  Runtime& vm() { return vm_; }
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
  // erlang:error/2,3: the args that replace the arity in the top frame (NON_VALUE: none).
  Term exc_pc_args() const { return cold_ ? cold_->exc_pc_args : NON_VALUE; }
  void set_exc_pc_args(Term args) { cold().exc_pc_args = args; }

  // --- collection (process/gc.cpp) ------------------------------------------------------------------
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
  // off-heap list and vheap_bytes the virtual binary heap. The first `header_words` words hold
  // no terms (collections size their new heap by what can survive). Constant time but for the
  // chain.
  void adopt_fragment(Term* block, size_t words, Term* off_heap_chain, size_t vheap_bytes,
                      size_t header_words = 0);
  // The block of a received message (process/mailbox.h), whose header holds no terms.
  void adopt_message(Message* m) {
    adopt_fragment(m->block(), m->block_words(), m->off_heap, m->vheap_bytes, sizeof(Message) / sizeof(Term));
  }
  // Sets min_heap_size (rounded up to the heap size sequence) and grows the young heap to it now;
  // `live` X registers are roots.
  void set_min_heap_size(size_t words, unsigned live = 0);
  // ERTS's heap size sequence: the smallest size >= words, or `offset` sizes above it.
  static size_t next_heap_size(size_t words, unsigned offset = 0);
  // For tests and debugging: whether p lies in the old heap; and a walk of young heap, old
  // heap, stack, x0..x(live-1), extra roots and off-heap lists checking that every pointer
  // into this process's memory is in use and that the old heap points into the young
  // generation only through remembered slots. False with *problem set at the first fault.
  bool in_old_heap(const void* p) const { return cold_ && p >= cold_->old_start && p < cold_->old_top; }
  bool verify_heap(unsigned live, const char** problem);

  size_t heap_words() const { return size_t(heap_end - heap_start); }  // young block
  size_t heap_used() const { return size_t(htop - heap_start); }
  size_t stack_words() const { return size_t(heap_end - stop); }
  size_t fragment_words() const { return fragment_words_; }
  size_t old_heap_words() const { return cold_ ? size_t(cold_->old_end - cold_->old_start) : 0; }
  size_t old_heap_used() const { return cold_ ? size_t(cold_->old_top - cold_->old_start) : 0; }
  // process_info items, in words as BEAM reports them: heap_size is the young block (stack
  // included), total_heap_size adds the old heap and the fragments.
  size_t heap_size() const { return heap_words(); }
  size_t total_heap_size() const { return heap_words() + old_heap_words() + fragment_words_; }
  size_t stack_size() const { return stack_words(); }
  // process_info(memory): every block this process owns, in the bytes the allocator gives it
  // (its size class, not just the bytes asked for): this object, the young and old heaps, the
  // side blocks (Cold, Relations, the dictionary's table, saved registers, the fragment list),
  // and the fragments themselves (counted as asked for). Messages still in the queue are not.
  size_t memory_bytes() const;
  uint64_t collections() const { return cold_ ? cold_->collections : 0; }  // minor and major
  uint64_t minor_gcs() const { return cold_ ? cold_->minor_since_full : 0; }  // since the last full sweep
  uint64_t gc_words_reclaimed() const { return cold_ ? cold_->words_reclaimed : 0; }  // ever

  // Settings (process_flag/spawn_opt). Sizes in words. Kept in the side block when they differ
  // from the defaults.
  size_t min_heap_size() const { return cold_ ? cold_->min_heap_size : MIN_HEAP_WORDS; }
  uint64_t fullsweep_after() const { return cold_ ? cold_->fullsweep_after : DEFAULT_FULLSWEEP_AFTER; }
  void set_fullsweep_after(uint64_t n) {
    if (cold_ || n != DEFAULT_FULLSWEEP_AFTER) cold().fullsweep_after = n;
  }
  // max_heap_size: 0 for no limit; kill and error_logger as in its map form.
  size_t max_heap_size() const { return cold_ ? cold_->max_heap_size : 0; }
  bool max_heap_kill() const { return cold_ ? cold_->max_heap_kill : true; }
  bool max_heap_error_logger() const { return cold_ ? cold_->max_heap_error_logger : true; }
  void set_max_heap_size(size_t words, bool kill, bool error_logger) {
    if (!cold_ && words == 0 && kill && error_logger) return;
    Cold& c = cold();
    c.max_heap_size = words;
    c.max_heap_kill = kill;
    c.max_heap_error_logger = error_logger;
  }
  static constexpr uint64_t DEFAULT_FULLSWEEP_AFTER = 65535;
  // The sandbox policy the process runs under (loader/sandbox.h), null for none: its reduction
  // budget and heap limit apply to the process (supervision/sandbox_limits.h), and the
  // processes it spawns inherit it.
  const SandboxPolicy* sandbox() const { return cold_ ? cold_->sandbox.get() : nullptr; }
  std::shared_ptr<const SandboxPolicy> sandbox_shared() const { return cold_ ? cold_->sandbox : nullptr; }
  void set_sandbox(std::shared_ptr<const SandboxPolicy> policy) {
    if (cold_ || policy) cold().sandbox = std::move(policy);
  }

  // ---------------------------------------------------------------------------------------------
  // The fields. The first cache lines hold what the interpreter, the allocator and the send and
  // receive paths touch all the time; rarely used state is at the end or in the side blocks.

  // Tucked into RunQueueItem's tail padding (after `priority`).
  // Set by natives that end the slice after they return (erlang:yield/0, hibernate/3) or
  // want a dirty thread.
  NativeRequest native_request = NativeRequest::None;
  ExcKind exc_kind = ExcKind::None;  // the pending exception, valid when not None (below)
  bool exc_bif_frame = false;        // the failing BIF's frame goes on top of the stacktrace
  // --- scheduling (scheduler/scheduler.h owns the protocol) ---------------------------------
  std::atomic<uint32_t> state{0};  // pstate bits; any thread, by CAS

  // --- state the interpreter keeps in locals while running, and saves here at safe points ---
  Term* heap_start = nullptr;
  Term* htop = nullptr;
  Term* stop = nullptr;
  Term* heap_end = nullptr;
  Term* x = nullptr;             // regs->x, for the interpreter's quick reach
  RegisterFile* regs = nullptr;  // the register file in use (valid while running, see above)
  void set_registers(RegisterFile* r) { x = r->x; regs = r; }
  uint64_t reductions = 0;
  const Word* resume_pc = nullptr;  // where the next slice starts
  unsigned catches = 0;  // live catch tags on the stack
  // References that keep this object alive: the process table's one while the process lives,
  // plus one for each sender or timer holding a pointer. The last release deletes the object
  // (unless `host_owned`: then the host's RunResult terms live on, and the host deletes it).
  // Any thread.
  std::atomic<uint32_t> refs{1};

  // A collection is due at the next safe point: fragments (native spills, adopted messages)
  // outgrew their limit, or off-heap binaries referenced only from the young generation grew
  // past theirs. Under VMOptions::gc_stress the fragment limit is 0: always due.
  bool gc_due() const { return fragment_words_ >= fragment_limit_ || bin_vheap_full(); }
  bool bin_vheap_full() const { return bin_vheap > bin_vheap_limit; }

 private:
  size_t fragment_words_ = 0;     // all fragment words, adopted included
  uint32_t fragment_limit_ = 0;   // gc_due at or above this: set by each collection, moved by spills

 public:
  // Set by a collection after which total_heap_size() > max_heap_size; the owner acts on it.
  bool max_heap_exceeded = false;
  bool trap_exit = false;
  bool hibernating = false;       // in erlang:hibernate/3 until the next schedule-in
  bool on_dirty_thread = false;   // the native runs on a dirty thread now: it must not ask again

  // --- off-heap binaries (term/binary.h) ------------------------------------------------------
  // The RefcBin handles on the young heap and fragments, chained through their `next` word
  // (those on the old heap are chained apart, gc.cpp). A collection keeps the handles it copies
  // and releases the blobs of the others; the destructor releases all. bin_vheap counts the
  // bytes those blobs hold (ERTS's virtual binary heap): above bin_vheap_limit a collection is
  // due, even with the heap itself nearly empty.
  Term* off_heap = nullptr;
  size_t bin_vheap = 0;
  size_t bin_vheap_limit = 0;  // set by the constructor and by each collection

  // Pending exception, valid when exc_kind != None.
  Term exc_reason = NON_VALUE;
  Term exc_trace = NON_VALUE;     // a stacktrace term given by erlang:raise/3, else NON_VALUE
  Term exc_pc_extra = NON_VALUE;  // erlang:error/3: an {error_info, _} joining that frame
  const Word* native_pc = nullptr; // the instruction calling a native (for current_function)

  // x0.. live at resume_pc, while the process is not running (empty, and no block, while it
  // waits in a receive).
  TinyVec<Term> saved_x;

  // --- signals, messages, receive -------------------------------------------------------------
  MessageQueue messages;  // drained from the inbox by the running process
  SignalQueue inbox;      // pushed by any thread (process/mailbox.h)
  // Takes in the signals that arrived: messages join the private queue, exit signals are
  // handled (supervision/exit_signals.cpp). False when one killed the process: exit_reason
  // is set and it must not run on.
  bool take_signals();
  // For another thread holding the run lock (process_info): moves arrived messages into the
  // queue but leaves every other signal, and whatever follows it, for the process itself.
  void peek_signals();
  // The receive timeout (supervision/process_signals.cpp): armed by wait_timeout, disarmed when the
  // receive ends. Each arming has a new sequence number, which the timer's callback publishes
  // in fired_seq: a late callback of an old arming cannot end a later receive. Made by the
  // first receive with a timeout (in the side block), then kept.
  struct ReceiveTimer {
    Timer timer;
    uint64_t seq = 0;
    std::atomic<uint64_t> fired_seq{0};
  };
  ReceiveTimer* receive_timer() const { return cold_ ? cold_->receive_timer.get() : nullptr; }
  // The receive timeout armed last has fired.
  bool receive_timer_fired() const {
    ReceiveTimer* rt = receive_timer();
    return rt && rt->fired_seq.load(std::memory_order_seq_cst) == rt->seq;
  }
  ReceiveTimer& make_receive_timer() {
    Cold& c = cold();
    if (!c.receive_timer) c.receive_timer = std::make_unique<ReceiveTimer>();
    return *c.receive_timer;
  }
  TimerWheel* receive_timer_wheel = nullptr;  // where receive_timer is armed, or null
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
  Scheduler* scheduler = nullptr;  // the scheduler running it (valid while RUNNING)

 private:
  Runtime& vm_;

 public:
  // How it ended (vm/process_life.cpp): the reason as exit signals carry it, and for a host
  // call, whether the host may look (guarded by the VM's host mutex).
  Term exit_reason = NON_VALUE;
  // memory_bytes() and bin_vheap as of the end of the last slice, for erlang:memory/0,1
  // (read by other threads, so kept apart from the fields the process changes as it runs).
  std::atomic<size_t> memory_seen{0};
  std::atomic<size_t> binary_seen{0};

 private:
  // Heap fragments: blocks the heap may point into until the next collection copies their live
  // part out and frees them: spills of alloc() (bumped, each at least as large as all earlier
  // spills together) and adopted message blocks. All block_malloc'd.
  struct Fragment {
    Term* block;
    size_t used;  // words in use from block
  };
  TinyVec<Fragment> fragments_;

 public:
  ProcessDict dict;

  // --- links and monitors (supervision/) --------------------------------------------------------
  struct MonitorRef {
    RefKey ref;   // the monitor's reference
    Term other;   // the watching process (monitored_by) or the watched one (monitors)
    Term name;    // the registered name the monitor was made with, or NIL
    uint64_t seq = 0;  // monitored_by: arrival order, in which the 'DOWN's go out
  };
  using MonitorTable = std::unordered_map<RefKey, MonitorRef, RefKeyHash>;
  // Guarded by sig_mutex. Held alone: never together with another process's sig_mutex.
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
  Relations& rel() {  // with sig_mutex held (or before the process is published)
    Relations* r = relations_.load(std::memory_order_relaxed);
    if (r == nullptr) {
      r = new Relations();
      relations_.store(r, std::memory_order_release);
    }
    return *r;
  }
  bool has_relations() const { return relations_.load(std::memory_order_acquire) != nullptr; }

 private:
  // Set once under sig_mutex, then kept to the end; atomic so that memory_bytes() may look
  // without the lock.
  std::atomic<Relations*> relations_{nullptr};

  // The side block of rarely used state (see the top of this file): made by the first
  // collection, non-default setting, receive timeout, erlang:error/2 args or host register
  // file, then kept. Touched under the same rules as the heap (running, or run_lock held).
  struct Cold {
    // The old generation: never points into the young heap or fragments, except through the
    // slots in `remembered` (gc.cpp explains when), which minor collections treat as roots.
    Term* old_start = nullptr;
    Term* old_top = nullptr;
    Term* old_end = nullptr;
    Term* high_water = nullptr;  // young terms below it survived the last collection
    std::vector<Term*> remembered;
    // RefcBin handles in the old heap (off_heap holds those of the young heap and fragments),
    // the bytes their blobs hold, and the limit above which the next collection is a full sweep.
    Term* old_off_heap = nullptr;
    size_t bin_old_vheap = 0;
    size_t bin_old_vheap_limit = 0;
    // The bump region of the last alloc() spill (fragments_.back()) and the words spilled since
    // the last collection.
    Term* spill_top = nullptr;
    Term* spill_end = nullptr;
    size_t spill_words = 0;
    size_t spill_block_words = 0;  // the spill blocks' sizes
    uint64_t minor_since_full = 0;
    uint64_t collections = 0;
    uint64_t words_reclaimed = 0;
    uint64_t stress_calls = 0;
    size_t heap_bytes = 0;  // the young and old heap blocks as the allocator sized them
    size_t min_heap_size = MIN_HEAP_WORDS;
    uint64_t fullsweep_after = DEFAULT_FULLSWEEP_AFTER;
    size_t max_heap_size = 0;
    bool max_heap_kill = true;
    bool max_heap_error_logger = true;
    bool heap_grow = false;  // the last collection left the heap over 75% full: grow at the next
    int halt_status = 0;
    Term exc_pc_args = NON_VALUE;
    std::unique_ptr<ReceiveTimer> receive_timer;
    std::unique_ptr<RegisterFile> own_regs;
    std::shared_ptr<const SandboxPolicy> sandbox;
  };
  Cold& cold() { return cold_ ? *cold_ : make_cold(); }
  Cold& make_cold();
  std::unique_ptr<Cold> cold_;

 public:
  // Signals taken from the inbox by peek_signals, not yet handled (under the run lock).
  SignalList pending_signals;

  // Held by the scheduler for a whole slice, and by another process reading this one
  // (process_info). Nobody holds two run locks at once.
  SmallMutex run_lock;
  // Guards the relations (rel()) and sig_closed. Never held together with another process's.
  SmallMutex sig_mutex;

 private:
  uint32_t serial_;  // the pid's payload (28 bits)

 public:
  // --- identity and flags -----------------------------------------------------------------------
  Term32 group_leader{NIL};     // a pid
  Term32 registered_name{NIL};  // an atom, or NIL (written under the process table's names lock)
  Term32 exc_bif_cause{NON_VALUE};  // an atom for error_info's `cause` key (consumed by bif_frame)
  Term32 initial_call[3];           // module, function, arity (NIL: none)
  int halt_status() const { return cold_ ? cold_->halt_status : 0; }
  SliceEnd end_kind = SliceEnd::Done;
  bool host_owned = false;
  bool host_finished = false;  // guarded by the VM's host mutex
  bool host_watched = false;   // spawned by the host: HostHooks::process_ended hears of its end
  bool host_mailbox = false;   // a host mailbox (embed/): no code; signals wake the host
  bool sig_closed = false;     // exiting: no new links or monitors (under sig_mutex)
  bool message_queue_off_heap = false;  // process_flag(message_queue_data): bookkeeping only

  // Terms held outside heap, stack and registers: the collector updates them in place.
  template <class F>
  void for_each_extra_root(F&& f) {
    dict.for_each_root(f);
    for (Term& t : saved_x) f(t);
    f(exc_reason);
    f(exc_trace);
    f(exc_pc_extra);
    if (cold_) f(cold_->exc_pc_args);
  }

 private:
  struct GcRun;  // one collection's state (gc.cpp)
  void collect_as(bool full, size_t need, unsigned live);
  // The parts of collect_as, in order (gc.cpp).
  struct NewHeapSize {
    size_t words = 0;
    bool grown_for_fragments = false;  // a minor collection grew it for the fragments alone
    bool grow = false;                 // the last collection asked for growth (Cold::heap_grow)
  };
  NewHeapSize new_heap_size(bool full, size_t need);
  void sweep_off_heap(bool full);
  void free_from_space(bool full, size_t young_used, size_t old_used);
  void resize_after_collection(bool full, size_t need, unsigned live, size_t old_size, const NewHeapSize& made);
  void move_young(size_t new_words, unsigned live);
  void after_collection();
  bool stress_skip(size_t need);
  Term* high_water() const { return cold_ ? cold_->high_water : heap_start; }
  size_t fragment_room() const;

  bool gc_stress_ = false;
  // Of fragment_words_, the adopted blocks' header words (saturating: an undercount only makes
  // a collection's size bound larger).
  uint32_t fragment_headers_ = 0;
};

// Term exception class atom for an ExcKind (error, exit, throw).
Term exc_class_atom(ExcKind k);

// A tuple of `items` on p's heap.
inline Term make_tuple_n(Process* p, std::initializer_list<Term> items) {
  Term* t = p->alloc(items.size() + 1);
  t[0] = make_tuple_header(items.size());
  Uint i = 1;
  for (Term v : items) t[i++] = v;
  return make_boxed(t);
}

// A new local reference (erlang:make_ref/0), on p's heap (process/runtime.cpp).
Term new_reference(Process& p);

}  // namespace beamrun
