// beamrun.h - beamrun's embedding API: the one header a host program includes.
//
// beamrun runs .beam files (what erlc, elixirc and the Gleam compiler write) with the semantics
// of Erlang/OTP's VM. This header is all a host needs to run them inside its own program: make a
// VM, load code, register native functions, spawn processes, talk to them through host
// mailboxes, read how they ended, and shut the VM down with a report of what was left.
//
// The shape of it, in the spirit of Lua's lua.h and Wren's wren.h:
//
//   beamrun::Config config;                       // how many threads, where code lives
//   auto vm = beamrun::Vm::create(config);        // a Result: a Vm, or why not
//   vm->load_file("hello.beam");                  // or load_dir, load_bytes
//   beamrun::Outcome o = vm->call("hello", "greet", {beamrun::Value::binary("world")}).wait();
//   if (o.returned()) std::puts(vm->format(o.value).c_str());
//   beamrun::ShutdownStats stats = vm->shutdown(std::chrono::seconds(1));
//
// Rules that hold for every call:
//   - Nothing here exposes the VM's insides: no process pointers, no term words, no locks. The
//     handles (Vm, Pid, Mailbox, Call) and values (Value, Outcome) are all there is.
//   - Terms cross the boundary as Values: immutable trees the host owns, copied into a
//     process's heap when sent or passed, and copied out when received. Nothing a host holds
//     can dangle when a process collects garbage or dies.
//   - Errors are values. A call that can fail returns a Result (or an Outcome) that says why;
//     no exception is thrown across this header, and a bad argument from the host never
//     crashes the VM.
//   - There is no global state. Any number of VMs may live in one host process, on any threads;
//     they share nothing, and every call on a Vm is safe from any host thread.
//   - A VM's processes run on its own scheduler threads. Host threads only ask (send, spawn,
//     receive, wait); they never run Erlang code themselves.
#pragma once
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

// BEAMRUN_API marks what libbeamrun.so exports (the library is built with hidden visibility).
#ifndef BEAMRUN_API
#define BEAMRUN_API __attribute__((visibility("default")))
#endif

namespace beamrun {

class Vm;
class Value;

// ---- Results -------------------------------------------------------------------------------------

// What went wrong, as one line a host can print ("hello.beam: no such file").
struct Error {
  std::string message;
};

// A value of type T, or an Error. Test with ok() (or in a boolean context), then use value()
// or *r, or error().message. Result<void> carries only the outcome.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error e) : v_(std::move(e)) {}
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(v_); }
  const T& value() const { return std::get<0>(v_); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error e) : e_(std::move(e)) {}
  bool ok() const { return !e_; }
  explicit operator bool() const { return ok(); }
  const Error& error() const { return *e_; }

 private:
  std::optional<Error> e_;
};

// ---- Pids ----------------------------------------------------------------------------------------

// A process (or host mailbox) of one VM, as <0.N.S> prints it. A Pid is a plain value: copying
// it is free, and it stays valid (naming a dead process) after the process is gone. A Pid means
// something only to the VM that made it.
class BEAMRUN_API Pid {
 public:
  Pid() = default;
  bool valid() const { return id_ != 0; }
  // <0.N.S>, as Erlang prints it.
  std::string to_string() const;
  friend bool operator==(Pid a, Pid b) { return a.id_ == b.id_; }
  friend bool operator<(Pid a, Pid b) { return a.id_ < b.id_; }
  uint64_t id() const { return id_; }  // an opaque number, for hashing
  static Pid from_id(uint64_t id) { Pid p; p.id_ = id; return p; }

 private:
  uint64_t id_ = 0;
};

// ---- Values --------------------------------------------------------------------------------------

// An Erlang term owned by the host: an immutable tree, cheap to copy (copies share the tree).
// Build them with the static functions, look inside with the accessors. A Value belongs to no
// VM, except that the pids and references inside it mean something only to the VM they came
// from. Terms with no tree form here (funs, ports, bitstrings whose size is not whole bytes)
// come out as Kind::Opaque: the host cannot look inside, but can send them back unchanged.
class BEAMRUN_API Value {
 public:
  enum class Kind : uint8_t {
    Integer,  // any size: as_int64 for those that fit, integer_text for all
    Float,
    Atom,
    Binary,   // bytes (an Erlang binary; Gleam's and Elixir's strings are UTF-8 binaries)
    List,     // proper or improper: items(), and tail() for an improper one's last tail
    Tuple,
    Map,
    Pid,
    Ref,      // a reference (make_ref(), a monitor's): opaque, compared by value
    Opaque,   // any other term, kept in the external term format
  };

  // The empty list [] (Kind::List with no items).
  Value();

  // --- building ---
  static Value integer(int64_t n);
  // An integer of any size from its decimal digits ("-123456789012345678901234567890");
  // nullopt when the text is not a base-10 integer.
  static std::optional<Value> integer_from_text(std::string_view decimal);
  static Value float_(double d);
  static Value atom(std::string_view name);      // UTF-8 text, at most 255 characters
  static Value boolean(bool b);                  // the atoms true / false
  static Value binary(std::string_view bytes);   // any bytes
  static Value charlist(std::string_view utf8);  // an Erlang string: a list of code points
  static Value list(std::vector<Value> items, std::optional<Value> tail = std::nullopt);
  static Value tuple(std::vector<Value> items);
  static Value map(std::vector<std::pair<Value, Value>> entries);  // a later duplicate key wins
  static Value pid(Pid p);
  // Convenience: {ok, V} and {error, V}.
  static Value ok(Value v);
  static Value error(Value v);

  // --- looking inside ---
  Kind kind() const;
  bool is_integer() const { return kind() == Kind::Integer; }
  bool is_atom() const { return kind() == Kind::Atom; }
  bool is_atom(std::string_view name) const;  // this exact atom
  bool is_binary() const { return kind() == Kind::Binary; }
  bool is_list() const { return kind() == Kind::List; }
  bool is_tuple() const { return kind() == Kind::Tuple; }
  bool is_map() const { return kind() == Kind::Map; }
  bool is_pid() const { return kind() == Kind::Pid; }
  // A tuple of this size whose first element is the atom `tag` ({ok, _} is is_tagged("ok", 2)).
  bool is_tagged(std::string_view tag, size_t size) const;

  // Integer: its value when it fits 64 bits.
  std::optional<int64_t> as_int64() const;
  // Integer: its decimal text, any size.
  std::string integer_text() const;
  // Float: its value; an Integer is converted.
  std::optional<double> as_double() const;
  // Atom: its name. Binary: its bytes. Empty for other kinds.
  const std::string& text() const;
  // A charlist (a proper list of code points) as UTF-8; nullopt when it is not one.
  std::optional<std::string> as_charlist() const;
  // List: its items. Tuple: its elements. Empty for other kinds.
  const std::vector<Value>& items() const;
  size_t size() const { return items().size(); }         // tuple size, list length, map size
  const Value& operator[](size_t i) const { return items()[i]; }  // tuple element / list item
  // List: the tail after the last item ([] for a proper list).
  const Value& tail() const;
  bool is_proper_list() const;
  // Map: its entries in Erlang's term order of the keys; find() looks one up.
  const std::vector<std::pair<Value, Value>>& entries() const;
  const Value* find(const Value& key) const;
  // Pid: the pid.
  Pid as_pid() const;

  // Exact equality, as Erlang's =:= (1 and 1.0 differ).
  friend BEAMRUN_API bool operator==(const Value& a, const Value& b);

  // --- JSON-like conversion ---
  // A nested host value: null (the atom null), bool, int64, double, string (a UTF-8 binary),
  // arrays (lists) and objects (maps with binary keys).
  struct Json;
  static Value from_json(const Json& j);
  // The JSON-like form, or nullopt when the term holds something JSON cannot say (tuples,
  // pids, maps with non-binary keys, integers beyond 64 bits...).
  std::optional<Json> to_json() const;

  struct Node;  // the tree (private to the implementation)

 private:
  explicit Value(std::shared_ptr<const Node> n) : n_(std::move(n)) {}
  std::shared_ptr<const Node> n_;
  friend struct ValueAccess;
};

struct Value::Json {
  std::variant<std::monostate, bool, int64_t, double, std::string, std::vector<Json>,
               std::vector<std::pair<std::string, Json>>>
      v;
};

// ---- Configuration -------------------------------------------------------------------------------

// Where a VM's Erlang output goes: io:format to standard output and erlang:display/1 go to
// `stdout_*`, output to standard_error to `stderr_*`. A callback, when set, takes each write
// (on a VM thread: it must not call back into the Vm); else the bytes go to the FILE*.
using OutputFn = std::function<void(std::string_view bytes)>;

struct Config {
  // Threads: normal schedulers (0: one per hardware thread), and the dirty CPU and dirty IO
  // pools that long native calls run on (dirty CPU 0: as many as normal schedulers).
  unsigned schedulers = 0;
  unsigned dirty_cpu_schedulers = 0;
  unsigned dirty_io_schedulers = 10;

  // Code: directories (or single .beam files) searched first, in order, when code calls a
  // module that is not loaded; then, with use_otp_path, the ebin directories of the OTP
  // installation at otp_root ("" : the one beamrun was built against), so OTP's stdlib
  // (lists, maps, io, gen_server...) loads on first call. Without OTP, only what the host
  // loads and beamrun's own preloaded modules exist.
  std::vector<std::string> code_path;
  bool use_otp_path = true;
  std::string otp_root;

  // Output (see OutputFn).
  FILE* stdout_file = stdout;
  FILE* stderr_file = stderr;
  OutputFn stdout_fn;
  OutputFn stderr_fn;

  // Limits. max_processes: live processes at once (0: 2^21, ERTS's default), rounded up to a
  // power of two; spawning past it fails with system_limit. max_atoms: atoms the VM may hold
  // (0: 1,048,576, ERTS's default); making one more fails with system_limit.
  size_t max_processes = 0;
  size_t max_atoms = 0;

  // The host's own data, reachable from every native call (NativeCall::host_data): per VM, so
  // natives need no globals.
  void* host_data = nullptr;

  // Test mode: collect garbage at every allocation point.
  bool gc_stress = false;
};

// ---- Outcomes ------------------------------------------------------------------------------------

// How a process or a call ended.
struct BEAMRUN_API Outcome {
  enum class Kind : uint8_t {
    Returned,  // the function returned `value`
    Raised,    // an exception escaped: class_ (error, exit or throw), reason, stacktrace
    Exited,    // an exit signal ended it: reason (killed for exit(Pid, kill))
    Halted,    // some process called erlang:halt(Status): the VM runs nothing more
  };
  Kind kind = Kind::Returned;
  Value value;       // Returned: the result
  Value class_;      // Raised: the atom error, exit or throw
  Value reason;      // Raised, Exited: the reason; for every kind, the exit reason links saw
  Value stacktrace;  // Raised: [{Module, Function, ArityOrArgs, Location}, ...]
  int halt_status = 0;

  bool returned() const { return kind == Kind::Returned; }
  // One line, as an uncaught exception is reported ("error: badarg", "exit: killed").
  std::string describe() const;
};

// The pending outcome of Vm::call: wait for it once or many times; copies share it.
class BEAMRUN_API Call {
 public:
  Call() = default;
  Pid pid() const;  // the process running the call
  // Blocks until the call ends.
  Outcome wait() const;
  // As wait, giving up after `timeout` (nullopt: still running).
  std::optional<Outcome> wait_for(std::chrono::milliseconds timeout) const;
  bool valid() const { return s_ != nullptr; }

  struct State;  // private to the implementation

 private:
  explicit Call(std::shared_ptr<State> s) : s_(std::move(s)) {}
  std::shared_ptr<State> s_;
  friend class Vm;
};

// ---- Native functions ----------------------------------------------------------------------------

// Where a native runs: on the calling scheduler thread (Normal: it must be quick, well under a
// millisecond), or on a dirty pool thread (DirtyCpu for long computations, DirtyIo for
// blocking I/O), so no scheduler is held up. The calling process waits either way.
enum class NativeKind : uint8_t { Normal, DirtyCpu, DirtyIo };

// What a native function gets besides its arguments. Valid only during the call.
class BEAMRUN_API NativeCall {
 public:
  // The calling process.
  Pid self() const;
  // Config::host_data of the VM.
  void* host_data() const;
  // The Vm, for send() and spawn() from inside a native (never call() or shutdown(): that
  // would wait on the thread the wait needs).
  Vm& vm() const;

  // To raise instead of returning a value: `return call.error(...)`. The exception is raised
  // in the calling process exactly as erlang:error/1, exit/1 or throw/1 would.
  Value error(Value reason);
  Value badarg() { return error(Value::atom("badarg")); }
  Value exit(Value reason);
  Value throw_(Value reason);

  struct State;  // private to the implementation
  explicit NativeCall(State& s) : s_(s) {}

 private:
  State& s_;
};

// A native function: the arguments (as many as its arity) in, a result out. To fail, return
// call.error(...) (or badarg, exit, throw_). A C++ exception that escapes becomes an Erlang
// error {native_exception, <<"what()">>} in the caller, never a crash.
using NativeFn = std::function<Value(NativeCall& call, std::span<const Value> args)>;

// ---- Host mailboxes ------------------------------------------------------------------------------

// A pseudo-process the host owns: it has a pid, so Erlang code can send to it, link to it and
// monitor it, and the host reads what arrives. Nothing runs in it: messages wait until the host
// receives them. Exit signals behave as for a process: with trap_exit they arrive as
// {'EXIT', From, Reason} messages; without, a non-normal one (or kill) closes the mailbox, and
// its links and monitors fire. Dropping the Mailbox closes it with reason normal.
//
// A Mailbox belongs to one Vm and must not outlive it. Its calls are safe from any thread, but
// receives are meant for one reader at a time.
class BEAMRUN_API Mailbox {
 public:
  Mailbox() = default;
  Mailbox(Mailbox&&) noexcept;
  Mailbox& operator=(Mailbox&&) noexcept;
  ~Mailbox();

  Pid pid() const;
  bool valid() const { return s_ != nullptr; }

  // Waits up to `timeout` for the first message (nullopt: none came, or the mailbox closed).
  std::optional<Value> receive(std::chrono::milliseconds timeout);
  // Selective receive: the first message `match` accepts, leaving the others queued in order.
  std::optional<Value> receive_if(const std::function<bool(const Value&)>& match,
                                  std::chrono::milliseconds timeout);
  // Messages waiting now.
  size_t pending();

  // Erlang's process_flag(trap_exit, On) for the mailbox.
  void trap_exit(bool on);
  // link/1 and unlink/1. Linking to a dead process: with trap_exit an {'EXIT', Pid, noproc}
  // message arrives, without it the mailbox closes, as in Erlang.
  void link(Pid p);
  void unlink(Pid p);
  // monitor(process, P): the monitor's reference; {'DOWN', Ref, process, P, Reason} arrives
  // when P dies (at once, with noproc, if it is dead already).
  Value monitor(Pid p);
  void demonitor(const Value& ref);

  // Whether an exit signal closed the mailbox, and why.
  bool closed();
  std::optional<Value> close_reason();

  struct State;  // private to the implementation

 private:
  explicit Mailbox(std::shared_ptr<State> s) : s_(std::move(s)) {}
  std::shared_ptr<State> s_;
  friend class Vm;
};

// ---- Sandboxes -----------------------------------------------------------------------------------

// A capability policy for code the host does not trust (plugins, game scripts, user-submitted
// code). Code loaded under a policy may call only what the policy allows: a call outside it
// raises error:{not_allowed, {M, F, A}} in the caller and never reaches the function. Static
// calls are checked when the module loads; apply, funs and spawn of an MFA when they run.
// Processes spawned with SpawnOptions::policy carry its reduction budget and heap limit, and so
// do the processes they spawn.
struct BEAMRUN_API Policy {
  // Denied: every function of these modules ("os", "file", "code"...), and these functions
  // ("erlang:halt/1", "erlang:open_port/2"; "erlang:halt" for every arity; odd names quoted as
  // Erlang quotes them: "erlang:'!'/2").
  std::vector<std::string> deny_modules;
  std::vector<std::string> deny_functions;
  // When non-empty, only these modules may be called, besides the module itself and erlang
  // (whose operators and guard functions every module calls); the deny lists still apply.
  std::vector<std::string> allow_modules;
  // Per-process limits: reductions in the process's whole life (0: none; checked at the end of
  // each time slice, so a process may overrun it by up to one slice, 4000 reductions), heap
  // words (0: none). A process past either is killed with reason {sandbox_limit, reductions}
  // or {sandbox_limit, heap}. Each process spawned under the policy has its own budget.
  uint64_t max_reductions = 0;
  size_t max_heap_words = 0;

  // A policy denying what a plugin must not touch: os, file, prim_file, code, erl_prim_loader,
  // init, ports, NIF loading, halt, code loading and system flags in erlang (loader/sandbox.cpp
  // gives the reason for each). What trusted library code does for the plugin (proc_lib,
  // timer:apply_after, erl_eval...) is only as safe as the names denied: an allow-list is the
  // robust way. Sends and exit signals are not calls: a policy does not govern them.
  static Policy untrusted();
};

// ---- Spawning ------------------------------------------------------------------------------------

enum class Priority : uint8_t { Low, Normal, High, Max };

struct SpawnOptions {
  // Link the new process to this mailbox before it runs (its death reaches the mailbox as an
  // exit signal).
  Mailbox* link_to = nullptr;
  // Monitor it from this mailbox before it runs; the reference goes to *monitor_ref.
  Mailbox* monitor_from = nullptr;
  Value* monitor_ref = nullptr;
  // process_flag(trap_exit, true) before its first instruction.
  bool trap_exit = false;
  Priority priority = Priority::Normal;
  // Heap limit in words (0: none): past it the process is killed, as max_heap_size.
  size_t max_heap_words = 0;
  // Run under a sandbox policy (limits apply to the process and what it spawns).
  const Policy* policy = nullptr;
};

// ---- Shutdown ------------------------------------------------------------------------------------

// What a VM left behind when it stopped, and what it did in its life. A test can assert that
// processes_alive, timers_pending and binaries_referenced are 0.
struct ShutdownStats {
  size_t processes_alive = 0;      // still alive when the timeout ran out (then killed)
  size_t timers_pending = 0;       // send_after / start_timer timers still armed
  size_t binaries_referenced = 0;  // off-heap binaries still referenced after everything stopped
  size_t mailboxes_open = 0;       // host mailboxes not closed
  uint64_t processes_spawned = 0;  // in the VM's life (host mailboxes not counted)
  uint64_t processes_exited = 0;
  bool halted = false;             // some process called erlang:halt
};

// ---- The VM --------------------------------------------------------------------------------------

class BEAMRUN_API Vm {
 public:
  // A VM from a config, its schedulers ready (they start on the first spawn). Fails when the
  // config is unusable (an OTP root without lib/, zero-sized limits).
  static Result<std::unique_ptr<Vm>> create(const Config& config = {});
  // Shuts down (with a one-second timeout) unless shutdown() was called.
  ~Vm();
  Vm(const Vm&) = delete;
  Vm& operator=(const Vm&) = delete;

  // --- code ---
  // Loads one .beam file; the module's name. An error when the file is missing or malformed,
  // or a module of that name is loaded (use reload to replace one).
  Result<std::string> load_file(const std::string& path);
  // Loads every .beam file in a directory; the names loaded. Stops at the first failure.
  Result<std::vector<std::string>> load_dir(const std::string& dir);
  // Loads a module from the bytes of a .beam file, under the name inside them.
  Result<std::string> load_bytes(std::span<const uint8_t> beam);
  // The same, under a sandbox policy.
  Result<std::string> load_bytes(std::span<const uint8_t> beam, const Policy& policy);
  Result<std::string> load_file(const std::string& path, const Policy& policy);
  // Hot code loading: the bytes become the module's current version; processes running the
  // old version keep it until their next call into the module by name. Fails when an old
  // version is still there (purge it first), as code:load_binary does.
  Result<std::string> reload(std::span<const uint8_t> beam);
  // Drops a module's old version, killing the processes still running it (code:purge/1);
  // true when some were.
  Result<bool> purge(std::string_view module);
  bool is_loaded(std::string_view module);

  // --- natives ---
  // Makes module:function/arity a native function. Works before or after code calling it is
  // loaded (calls find it at run time). An error when that function is already a native (a
  // BIF, or registered before) or the name is not valid.
  Result<void> register_native(std::string_view module, std::string_view function, unsigned arity,
                               NativeFn fn, NativeKind kind = NativeKind::Normal);

  // --- processes ---
  // Starts a process running module:function(args...). The module is loaded from the code path
  // if needed; an error when it cannot be, or the process limit is reached. The process's
  // outcome is kept until outcome() or wait() takes it.
  Result<Pid> spawn(std::string_view module, std::string_view function, std::vector<Value> args,
                    const SpawnOptions& options = {});
  // spawn, then the outcome, as a Call to wait on. Errors before the start (no such module,
  // process limit) come back as a Raised outcome (error:undef, error:system_limit).
  Call call(std::string_view module, std::string_view function, std::vector<Value> args,
            const SpawnOptions& options = {});
  // How a host-spawned process ended: nullopt while it runs. Taking it forgets it (a second
  // take gets nullopt); for a pid the host did not spawn, the exit reason while the VM still
  // remembers it.
  std::optional<Outcome> outcome(Pid p);
  // Waits for a host-spawned process to end and takes its outcome (nullopt on timeout).
  std::optional<Outcome> wait(Pid p, std::chrono::milliseconds timeout);

  // Sends a message, as `Pid ! Msg` (to a dead pid: dropped, as in Erlang). An error only
  // when the message cannot be a term of this VM (a pid of another VM) or the VM is shut down.
  Result<void> send(Pid to, const Value& message);
  // Sends to a registered name; an error when no process has that name (Erlang: badarg).
  Result<void> send(std::string_view registered_name, const Value& message);
  // exit(Pid, Reason) from the host; kill(p) is exit(p, kill).
  void exit(Pid p, const Value& reason);
  void kill(Pid p) { exit(p, Value::atom("kill")); }
  bool alive(Pid p);
  // whereis(Name): the registered process, if any.
  std::optional<Pid> whereis(std::string_view name);

  // --- host mailboxes ---
  Mailbox open_mailbox();

  // --- terms ---
  // A Value as Erlang writes it: Pretty is io_lib:format("~p", [V]) (strings shown as strings,
  // lines broken at 80 columns), Plain is "~w" (one line, lists as lists), Display is what
  // erlang:display/1 prints (without its newline).
  enum class Format : uint8_t { Pretty, Plain, Display };
  std::string format(const Value& v, Format how = Format::Pretty);
  // Parses an Erlang term literal ("{ok, [1,2,3]}", "<<\"bin\">>", "#{a => 1}").
  Result<Value> parse(std::string_view text);

  // --- shutdown ---
  // Sends exit(P, shutdown) to every process and closes every host mailbox, waits up to
  // `timeout` for them to end, kills what is left, stops the threads, and reports. After it
  // the Vm refuses work (spawn and call fail, sends are dropped). A second call returns the
  // same stats.
  ShutdownStats shutdown(std::chrono::milliseconds timeout);
  // Whether some process called erlang:halt, and its status.
  std::optional<int> halted();

  struct Impl;  // private to the implementation

 private:
  explicit Vm(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
  friend class NativeCall;
  friend class Mailbox;
};

}  // namespace beamrun
