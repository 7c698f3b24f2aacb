// vm_api.cpp - beamrun::Vm: making a VM, loading code, spawning and calling processes, their
// outcomes, sending, and shutting down (include/beamrun/beamrun.h says what each call does).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <thread>

#include "embed/embed.h"
#include "embed/term_bridge.h"
#include "scheduler/scheduler.h"
#include "supervision/exit_signals.h"
#include "supervision/message_timers.h"
#include "supervision/process_signals.h"
#include "text/printer.h"
#include "text/term_parser.h"

namespace beamrun {

namespace fs = std::filesystem;

namespace {

VMOptions vm_options(const Config& c) {
  VMOptions o;
  o.code_path = c.code_path;
  o.use_otp_path = c.use_otp_path;
  o.otp_root = c.otp_root;
  o.out = c.stdout_file ? c.stdout_file : stdout;
  o.err = c.stderr_file ? c.stderr_file : stderr;
  o.out_fn = c.stdout_fn;
  o.err_fn = c.stderr_fn;
  o.schedulers = c.schedulers;
  o.dirty_cpu_schedulers = c.dirty_cpu_schedulers;
  o.dirty_io_schedulers = c.dirty_io_schedulers;
  o.max_processes = c.max_processes;
  o.max_atoms = c.max_atoms;
  o.gc_stress = c.gc_stress;
  return o;
}

bool valid_atom_text(std::string_view s) { return !s.empty() && s.size() <= 255; }

Outcome halted_outcome(int status) {
  Outcome o;
  o.kind = Outcome::Kind::Halted;
  o.halt_status = status;
  return o;
}

Outcome raised(std::string_view cls, Value reason) {
  Outcome o;
  o.kind = Outcome::Kind::Raised;
  o.class_ = Value::atom(cls);
  o.reason = std::move(reason);
  return o;
}

}  // namespace

// ---- Pid, Outcome, Call -------------------------------------------------------------------------

std::string Pid::to_string() const {
  if (!is_local_pid(Term(id_))) return "<invalid pid>";
  return "<0." + std::to_string(local_pid_number(Term(id_))) + "." + std::to_string(local_pid_serial(Term(id_))) + ">";
}

std::string Outcome::describe() const {
  auto text = [](const Value& v) {
    if (v.is_atom()) return v.text();
    return std::string("{...}");
  };
  switch (kind) {
    case Kind::Returned: return "returned";
    case Kind::Raised: return text(class_) + ": " + (reason.is_atom() ? reason.text() : std::string("(see reason)"));
    case Kind::Exited: return "exit: " + (reason.is_atom() ? reason.text() : std::string("(see reason)"));
    case Kind::Halted: return "halted with status " + std::to_string(halt_status);
  }
  return "";
}

Pid Call::pid() const { return s_ ? s_->pid : Pid(); }

Outcome Call::wait() const {
  if (!s_) return raised("error", Value::atom("badarg"));
  // A short spin first: a quick call's answer comes back in microseconds, and a blocked
  // thread costs a futex wake-up and a context switch on the way back.
  for (int i = 0; i < 2000 && !s_->ready.load(std::memory_order_acquire); ++i) std::this_thread::yield();
  std::unique_lock<std::mutex> lk(s_->mutex);
  s_->cv.wait(lk, [&] { return s_->done; });
  return s_->outcome;
}

std::optional<Outcome> Call::wait_for(std::chrono::milliseconds timeout) const {
  if (!s_) return raised("error", Value::atom("badarg"));
  std::unique_lock<std::mutex> lk(s_->mutex);
  if (!s_->cv.wait_for(lk, timeout, [&] { return s_->done; })) return std::nullopt;
  return s_->outcome;
}

// ---- making and ending a VM ---------------------------------------------------------------------

Vm::Impl::Impl(const Config& c) : config(c), vm(std::make_unique<VM>(vm_options(c))) {
  std::fill(scratch_regs.x, scratch_regs.x + MAX_X_REGS, NIL);
  vm->set_host_hooks(this);
}

Vm::Impl::~Impl() {
  {
    std::lock_guard<std::mutex> g(pump_mutex);
    pump_stop = true;
  }
  pump_cv.notify_all();
  if (pump.joinable()) pump.join();
}

Vm::Vm(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) { impl_->self = this; }

Vm::~Vm() {
  if (!impl_->final_stats) shutdown(std::chrono::seconds(1));
}

Result<std::unique_ptr<Vm>> Vm::create(const Config& config) {
  if (!config.otp_root.empty() && config.use_otp_path) {
    std::error_code ec;
    if (!fs::is_directory(fs::path(config.otp_root) / "lib", ec))
      return Error{"OTP root " + config.otp_root + " has no lib/ directory"};
  }
  if (config.max_processes > (size_t(1) << 21)) return Error{"max_processes above 2^21 (2097152)"};
  for (const std::string& entry : config.code_path) {
    std::error_code ec;
    if (!fs::exists(entry, ec)) return Error{"code path entry " + entry + " does not exist"};
  }
  auto impl = std::make_unique<Impl>(config);
  Impl* raw = impl.get();
  std::unique_ptr<Vm> vm(new Vm(std::move(impl)));
  raw->system = raw->make_mailbox();
  if (!raw->system) return Error{"cannot make the host's process (process limit too small?)"};
  raw->pump = std::thread([raw] { raw->pump_loop(); });
  return vm;
}

std::unique_ptr<Process> Vm::Impl::scratch() {
  Term pid = system ? system->proc->pid() : make_pid(0);
  auto p = std::make_unique<Process>(*vm, pid_serial(pid), &scratch_regs);
  return p;
}

// ---- code ------------------------------------------------------------------------------------------

Result<std::string> Vm::load_file(const std::string& path) {
  if (impl_->closed) return Error{"the VM is shut down"};
  std::string error;
  Module* m = impl_->vm->load_file(path, &error);
  if (!m) return Error{error};
  return std::string(impl_->vm->atoms().name(m->name));
}

Result<std::vector<std::string>> Vm::load_dir(const std::string& dir) {
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& ent : fs::directory_iterator(dir, ec))
    if (ent.path().extension() == ".beam") files.push_back(ent.path());
  if (ec) return Error{dir + ": " + ec.message()};
  std::sort(files.begin(), files.end());
  std::vector<std::string> names;
  for (const auto& f : files) {
    auto r = load_file(f.string());
    if (!r) return r.error();
    names.push_back(*r);
  }
  return names;
}

Result<std::string> Vm::load_bytes(std::span<const uint8_t> beam) {
  if (impl_->closed) return Error{"the VM is shut down"};
  std::string error;
  std::vector<uint8_t> bytes(beam.begin(), beam.end());
  Module* m = impl_->vm->load_bytes(bytes, "<bytes>", "", &error);
  if (!m) return Error{error};
  return std::string(impl_->vm->atoms().name(m->name));
}

Policy Policy::untrusted() {
  SandboxPolicy::Names n = SandboxPolicy::untrusted_names();
  Policy p;
  p.deny_modules = n.deny_modules;
  p.deny_functions = n.deny_functions;
  p.allow_modules = n.allow_modules;
  return p;
}

std::shared_ptr<const SandboxPolicy> Vm::Impl::sandbox_policy(const Policy& p, std::string* error) {
  SandboxPolicy::Names names{p.deny_modules, p.deny_functions, p.allow_modules};
  auto sp = SandboxPolicy::from_names(names, vm->atoms(), error);
  if (!sp) return nullptr;
  sp->max_reductions = p.max_reductions;
  sp->max_heap_words = p.max_heap_words;
  return std::make_shared<const SandboxPolicy>(std::move(*sp));
}

Result<std::string> Vm::load_bytes(std::span<const uint8_t> beam, const Policy& policy) {
  if (impl_->closed) return Error{"the VM is shut down"};
  std::string error;
  auto sp = impl_->sandbox_policy(policy, &error);
  if (!sp) return Error{"policy: " + error};
  std::vector<uint8_t> bytes(beam.begin(), beam.end());
  Module* m = impl_->vm->load_bytes(bytes, "<bytes>", "", &error, sp);
  if (!m) return Error{error};
  return std::string(impl_->vm->atoms().name(m->name));
}

Result<std::string> Vm::load_file(const std::string& path, const Policy& policy) {
  if (impl_->closed) return Error{"the VM is shut down"};
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{path + ": cannot open file"};
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string error;
  auto sp = impl_->sandbox_policy(policy, &error);
  if (!sp) return Error{"policy: " + error};
  Module* m = impl_->vm->load_bytes(bytes, path, fs::path(path).stem().string(), &error, sp);
  if (!m) return Error{error};
  return std::string(impl_->vm->atoms().name(m->name));
}

Result<std::string> Vm::reload(std::span<const uint8_t>) {
  return Error{"hot code loading is not available yet"};
}

Result<bool> Vm::purge(std::string_view) { return Error{"hot code loading is not available yet"}; }

bool Vm::is_loaded(std::string_view module) {
  if (!valid_atom_text(module)) return false;
  Term name = impl_->vm->atoms().find(module);
  return name != NON_VALUE && impl_->vm->find_module(name) != nullptr;
}

// ---- processes --------------------------------------------------------------------------------------

Result<Pid> Vm::Impl::spawn(std::string_view module, std::string_view function, std::vector<Value> args,
                            const SpawnOptions& options, std::shared_ptr<Call::State>* call) {
  if (halted) return Error{"the VM has halted"};
  if (closed) return Error{"the VM is shut down"};
  if (!valid_atom_text(module) || !valid_atom_text(function)) return Error{"bad module or function name"};
  if (args.size() > 255) return Error{"more than 255 arguments"};
  AtomTable& atoms = vm->atoms();
  Term m = atoms.intern(module), f = atoms.intern(function);
  std::string error;
  Export* exp = vm->exports().get(m, f, uint32_t(args.size()));
  // A module of natives only (registered by the host) has no code to load.
  if (m != atom::erlang && exp->bif.load() == nullptr && vm->ensure_loaded(m, &error) == nullptr) return Error{error};
  Term gl = vm->standard_group_leader();
  auto scratch_proc = scratch();
  Process& s = *scratch_proc;
  s.group_leader = gl == NON_VALUE ? NIL : gl;

  std::vector<Term> argv(args.size());
  for (size_t i = 0; i < args.size(); ++i) {
    argv[i] = value_to_term(args[i], s, &error);
    if (argv[i] == NON_VALUE) return Error{"argument " + std::to_string(i + 1) + ": " + error};
  }
  const Word* entry = vm->entry_code(exp);
  SpawnSettings so;
  so.priority = options.priority == Priority::Low    ? RunPriority::Low
                : options.priority == Priority::High ? RunPriority::High
                : options.priority == Priority::Max  ? RunPriority::Max
                                                     : RunPriority::Normal;
  so.max_heap_size = options.max_heap_words;
  so.trap_exit = options.trap_exit;
  so.host_watched = true;
  if (options.policy) {
    so.policy = sandbox_policy(*options.policy, &error);
    if (!so.policy) return Error{"policy: " + error};
  }
  so.initial_call[0] = m;
  so.initial_call[1] = f;
  so.initial_call[2] = make_small(Sint(args.size()));

  // Linking or monitoring from a mailbox: the mailbox process is the parent, under its run
  // lock, so the relation exists before the child runs.
  Mailbox::State* parent_box = options.link_to ? options.link_to->s_.get()
                               : options.monitor_from ? options.monitor_from->s_.get()
                                                      : nullptr;
  if ((options.link_to && !options.link_to->valid()) || (options.monitor_from && !options.monitor_from->valid()))
    return Error{"spawn: the mailbox is not open"};
  if (options.link_to && options.monitor_from && options.link_to->s_ != options.monitor_from->s_)
    return Error{"spawn: link_to and monitor_from must be the same mailbox"};
  Term pid;
  Term mref = NON_VALUE;
  if (parent_box) {
    std::lock_guard<std::mutex> g(parent_box->mutex);
    if (parent_box->closed || !parent_box->proc) return Error{"spawn: the mailbox is closed"};
    std::lock_guard<SmallMutex> run(parent_box->proc->run_lock);
    so.link = options.link_to != nullptr;
    so.monitor = options.monitor_from != nullptr;
    pid = vm->spawn(parent_box->proc, entry, argv.data(), unsigned(argv.size()), so, &mref);
    if (pid != NON_VALUE && so.monitor && options.monitor_ref) *options.monitor_ref = term_to_value(mref, *parent_box->proc);
  } else {
    pid = vm->spawn(&s, entry, argv.data(), unsigned(argv.size()), so);
  }
  if (pid == NON_VALUE) return Error{"system_limit: the process limit is reached"};
  std::lock_guard<std::mutex> g(watched_mutex);
  Watched& w = watched[pid];  // made here, or by the hook if the process has ended already
  if (call) {
    auto st = std::make_shared<Call::State>();
    st->pid = Pid::from_id(pid);
    if (w.outcome) {
      st->finish(std::move(*w.outcome));
      watched.erase(pid);
    } else {
      w.call = st;
    }
    *call = st;
  }
  return Pid::from_id(pid);
}

Result<Pid> Vm::spawn(std::string_view module, std::string_view function, std::vector<Value> args,
                      const SpawnOptions& options) {
  return impl_->spawn(module, function, std::move(args), options, nullptr);
}

Call Vm::call(std::string_view module, std::string_view function, std::vector<Value> args,
              const SpawnOptions& options) {
  std::shared_ptr<Call::State> st;
  auto r = impl_->spawn(module, function, std::move(args), options, &st);
  if (!r) {
    st = std::make_shared<Call::State>();
    const std::string& msg = r.error().message;
    Value reason = msg.rfind("system_limit", 0) == 0 ? Value::atom("system_limit")
                   : msg.find("not found") != std::string::npos || msg.find("cannot open") != std::string::npos
                       ? Value::atom("undef")
                       : Value::tuple({Value::atom("badarg"), Value::binary(msg)});
    st->finish(impl_->halted ? halted_outcome(impl_->halt_status) : raised("error", reason));
  }
  return Call(st);
}

Outcome Vm::Impl::outcome_of(Process& p) {
  Outcome o;
  Value reason = term_to_value(p.exit_reason == NON_VALUE ? atom::normal : p.exit_reason, p);
  switch (p.end_kind) {
    case SliceEnd::Done:
      o.kind = Outcome::Kind::Returned;
      o.value = term_to_value(p.saved_x.empty() ? NIL : p.saved_x[0], p);
      o.reason = reason;
      break;
    case SliceEnd::Raised:
      o.kind = Outcome::Kind::Raised;
      o.class_ = Value::atom(vm->atoms().name(exc_class_atom(p.exc_kind)));
      o.reason = term_to_value(p.exc_reason, p);
      o.stacktrace = term_to_value(p.exc_trace == NON_VALUE ? NIL : p.exc_trace, p);
      break;
    case SliceEnd::Halt:
      o.kind = Outcome::Kind::Halted;
      o.halt_status = p.halt_status();
      o.reason = reason;
      break;
    default:
      o.kind = Outcome::Kind::Exited;
      o.reason = reason;
      break;
  }
  return o;
}

void Vm::Impl::process_ended(Process& p) {
  Outcome o = outcome_of(p);
  deliver_outcome(p.pid(), std::move(o));
}

void Vm::Impl::deliver_outcome(uint64_t pid, Outcome o) {
  std::shared_ptr<Call::State> call;
  {
    std::lock_guard<std::mutex> g(watched_mutex);
    Watched& w = watched[pid];
    if (w.call) {
      call = std::move(w.call);
      watched.erase(pid);
    } else {
      w.outcome = std::move(o);
    }
  }
  watched_cv.notify_all();
  if (call) call->finish(std::move(o));
}

void Vm::Impl::vm_halted(int status) {
  halt_status = status;
  halted = true;
  // Every call still waiting ends as Halted; the service thread stops the schedulers (this
  // runs on one of them).
  std::vector<std::shared_ptr<Call::State>> calls;
  {
    std::lock_guard<std::mutex> g(watched_mutex);
    for (auto it = watched.begin(); it != watched.end();) {
      if (it->second.call) {
        calls.push_back(std::move(it->second.call));
        it = watched.erase(it);
      } else {
        if (!it->second.outcome) it->second.outcome = halted_outcome(status);
        ++it;
      }
    }
  }
  watched_cv.notify_all();
  for (auto& c : calls) c->finish(halted_outcome(status));
  {
    std::lock_guard<std::mutex> g(pump_mutex);
    halt_seen = true;
  }
  pump_cv.notify_all();
}

std::optional<Outcome> Vm::outcome(Pid p) {
  {
    std::lock_guard<std::mutex> g(impl_->watched_mutex);
    auto it = impl_->watched.find(p.id());
    if (it != impl_->watched.end()) {
      if (!it->second.outcome || it->second.call) return std::nullopt;
      Outcome o = std::move(*it->second.outcome);
      impl_->watched.erase(it);
      return o;
    }
  }
  if (!is_local_pid(Term(p.id())) || impl_->final_stats) return std::nullopt;
  // Not spawned by the host, or taken already: what the VM remembers of its end.
  auto s = impl_->scratch();
  Term reason;
  if (!impl_->vm->exit_reason(Term(p.id()), *s, &reason)) return std::nullopt;
  Outcome o;
  o.kind = Outcome::Kind::Exited;
  o.reason = term_to_value(reason, *s);
  return o;
}

std::optional<Outcome> Vm::wait(Pid p, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  {
    std::unique_lock<std::mutex> lk(impl_->watched_mutex);
    auto it = impl_->watched.find(p.id());
    if (it != impl_->watched.end() && !it->second.call) {
      bool ended = impl_->watched_cv.wait_until(lk, deadline, [&] {
        auto i = impl_->watched.find(p.id());
        return i == impl_->watched.end() || i->second.outcome.has_value();
      });
      if (!ended) return std::nullopt;
      auto i = impl_->watched.find(p.id());
      if (i == impl_->watched.end()) return std::nullopt;  // another thread took it
      Outcome o = std::move(*i->second.outcome);
      impl_->watched.erase(i);
      return o;
    }
  }
  // A process the host did not spawn: wait for it to leave the table.
  while (alive(p)) {
    if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return outcome(p);
}

Result<void> Vm::send(Pid to, const Value& message) {
  if (impl_->closed) return Error{"the VM is shut down"};
  if (!is_local_pid(Term(to.id()))) return Error{"send: not a pid of this VM"};
  auto s = impl_->scratch();
  std::string error;
  Term t = value_to_term(message, *s, &error);
  if (t == NON_VALUE) return Error{"send: " + error};
  Process* q = impl_->vm->processes().acquire(Term(to.id()));
  if (q == nullptr) return {};  // a dead pid: dropped, as in Erlang
  Message* m = make_message(t);
  if (m) deliver(q, m, nullptr);
  impl_->vm->release(q);
  if (!m) return Error{"send: out of memory"};
  return {};
}

Result<void> Vm::send(std::string_view registered_name, const Value& message) {
  auto pid = whereis(registered_name);
  if (!pid) return Error{"send: no process is registered as " + std::string(registered_name)};
  return send(*pid, message);
}

void Vm::exit(Pid p, const Value& reason) {
  if (impl_->closed || !is_local_pid(Term(p.id()))) return;
  auto s = impl_->scratch();
  std::string error;
  Term r = value_to_term(reason, *s, &error);
  if (r == NON_VALUE) return;
  send_exit_signal(s.get(), Term(p.id()), r, false, r == impl_->vm->atoms().intern("kill"));
}

bool Vm::alive(Pid p) {
  if (!is_local_pid(Term(p.id()))) return false;
  Process* q = impl_->vm->processes().acquire(Term(p.id()));
  if (!q) return false;
  bool live = !(q->state.load(std::memory_order_acquire) & pstate::EXITING);
  impl_->vm->release(q);
  return live;
}

std::optional<Pid> Vm::whereis(std::string_view name) {
  if (!valid_atom_text(name)) return std::nullopt;
  Term a = impl_->vm->atoms().find(name);
  if (a == NON_VALUE) return std::nullopt;
  Term pid = impl_->vm->processes().whereis(a);
  if (!is_local_pid(pid)) return std::nullopt;
  return Pid::from_id(pid);
}

// ---- terms ------------------------------------------------------------------------------------------

std::string Vm::format(const Value& v, Format how) {
  auto s = impl_->scratch();
  std::string error;
  Term t = value_to_term(v, *s, &error);
  if (t == NON_VALUE) return "<" + error + ">";
  switch (how) {
    case Format::Plain: return format_w(t, impl_->vm->atoms());
    case Format::Display: return display_term(t, impl_->vm->atoms());
    default: return format_p(t, impl_->vm->atoms());
  }
}

Result<Value> Vm::parse(std::string_view text) {
  auto s = impl_->scratch();
  std::string error;
  Term t = parse_term(text, *s, impl_->vm->atoms(), &error);
  if (t == NON_VALUE) return Error{error};
  return term_to_value(t, *s);
}

// ---- shutdown ---------------------------------------------------------------------------------------

std::optional<int> Vm::halted() {
  if (!impl_->halted) return std::nullopt;
  return impl_->halt_status.load();
}

ShutdownStats Vm::shutdown(std::chrono::milliseconds timeout) {
  std::lock_guard<std::mutex> g(impl_->life_mutex);
  if (!impl_->final_stats) impl_->final_stats = impl_->do_shutdown(timeout);
  return *impl_->final_stats;
}

ShutdownStats Vm::Impl::do_shutdown(std::chrono::milliseconds timeout) {
  ShutdownStats st;
  closed = true;
  ProcessTable& table = vm->processes();
  // Close the host mailboxes first (their links fire with shutdown), then ask every process
  // to end, as a supervisor does: exit(P, shutdown).
  Term shutdown_atom = vm->atoms().intern("shutdown");
  for (auto& b : open_mailboxes()) {
    if (b == system) continue;
    {
      std::lock_guard<std::mutex> g(b->mutex);
      if (!b->closed) ++st.mailboxes_open;
    }
    b->close(shutdown_atom);
  }
  auto deadline = std::chrono::steady_clock::now() + timeout;
  auto others = [&] { return table.count() - (system && !system->closed ? 1 : 0); };
  // Sends `reason` (kill: untrappable) to every process but the host's own, then waits until
  // they are gone or `until` passes.
  auto signal_all_and_wait = [&](Term reason, bool kill, std::chrono::steady_clock::time_point until) {
    auto s = scratch();
    for (Term pid : table.pids())
      if (pid != s->pid()) send_exit_signal(s.get(), pid, reason, false, kill);
    while (others() > 0 && std::chrono::steady_clock::now() < until)
      std::this_thread::sleep_for(std::chrono::microseconds(200));
  };
  if (!halted) signal_all_and_wait(shutdown_atom, false, deadline);
  st.processes_alive = others();
  if (st.processes_alive > 0 && !halted)
    signal_all_and_wait(atom::kill, true, std::chrono::steady_clock::now() + std::chrono::milliseconds(200));
  st.timers_pending = vm->message_timers().size();
  if (system) system->close(atom::normal);
  // The service thread goes before the VM it serves.
  {
    std::lock_guard<std::mutex> g(pump_mutex);
    pump_stop = true;
  }
  pump_cv.notify_all();
  if (pump.joinable()) pump.join();
  vm->stop();
  // Detach the mailboxes the host still holds: their process objects were the VM's.
  for (auto& b : open_mailboxes()) {
    {
      std::lock_guard<std::mutex> g(b->mutex);
      b->closed = true;
      b->finished = true;
      if (b->proc) vm->release(b->proc);
      b->proc = nullptr;
      b->vm = nullptr;
    }
    b->cv.notify_all();
  }
  {
    std::lock_guard<std::mutex> g(mailboxes_mutex);
    mailboxes.clear();
  }
  system.reset();
  st.binaries_referenced = size_t(std::max<int64_t>(0, vm->live_blobs()));
  st.processes_spawned = vm->processes_spawned();
  st.processes_exited = vm->processes_exited();
  st.halted = halted;
  // Calls still waiting (their process was killed above, or the VM halted) have their
  // outcome by now; any left end as Exited with reason shutdown.
  std::vector<std::shared_ptr<Call::State>> calls;
  {
    std::lock_guard<std::mutex> g(watched_mutex);
    for (auto& [pid, w] : watched)
      if (w.call) calls.push_back(std::move(w.call));
  }
  for (auto& c : calls) {
    Outcome o = halted ? halted_outcome(halt_status) : Outcome{};
    if (!halted) o.kind = Outcome::Kind::Exited;
    o.reason = Value::atom("shutdown");
    c->finish(std::move(o));
  }
  return st;
}

}  // namespace beamrun
