// vm.h - the VM object, the top of the runtime: it owns the schedulers and the dirty pools,
// loads code through the translator, registers the natives, and runs the host's calls. What
// processes share (atoms, exports, modules, the process table) is its base, Runtime
// (process/runtime.h), which the layers below see. There is no global mutable state: two VMs
// in one host process share nothing.
#pragma once
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/dirty_pool.h"
#include "loader/translate.h"
#include "process/runtime.h"
#include "supervision/message_timers.h"

namespace beamrun {

class Process;
class Schedulers;
enum class SliceEnd : uint8_t;

// How a call from the host into Erlang ended.
struct RunResult {
  enum class Kind { Returned, Raised, Halted } kind = Kind::Returned;
  Term value = NON_VALUE;  // returned value, or the exception reason
  Term exc_class = NON_VALUE;
  Term stacktrace = NIL;
  int halt_status = 0;
};

class VM final : public Runtime {
 public:
  explicit VM(VMOptions options = {});
  ~VM() override;

  // ERTS's preloaded modules that beamrun writes in Erlang, embedded in the binary
  // (vm/preloaded.cpp): false when `name` is not one; else loads it into *out (null and *error
  // on failure).
  bool load_preloaded(Term name, Module** out, std::string* error);

  // Runs M:F(Args) as process `p` (made by the host, with the args on its heap) on the
  // schedulers, and waits until it returns, raises, or some process halts the VM. The result's
  // terms live on p's heap. After a halt the schedulers are stopped: the VM runs nothing more.
  RunResult call(Term module, Term function, const std::vector<Term>& args, Process& p);

  // Loads a module from the bytes of a .beam file; `origin` names them in errors (a path, or
  // "<bytes>"), `expected` is the module name they must hold ("" : any). Null and *error on
  // failure, also when a module of that name is loaded. With a policy the module is sandboxed
  // (loader/sandbox.h): its calls outside the policy raise error:{not_allowed, {M, F, A}}.
  Module* load_bytes(const std::vector<uint8_t>& bytes, const std::string& origin, const std::string& expected,
                     std::string* error, std::shared_ptr<const SandboxPolicy> policy = nullptr);

  // Stops the schedulers and the dirty pools and frees every process (host mailboxes: their
  // table reference). Nothing runs after it; ~VM calls it.
  void stop();

  // Code that tail-calls `e` with the arguments in x0..: the first instruction of a process
  // the host starts at M:F(Args), so its stack trace starts at M:F, as an ERTS process's does.
  // Made once per export, kept for the VM's life.
  const Word* entry_code(Export* e) override;

  // What the translator needs to load code into this VM.
  LoadEnv load_env(std::shared_ptr<const SandboxPolicy> policy = nullptr) {
    return LoadEnv{atoms_, exports_, handlers_, std::move(policy)};
  }

  // Runtime's hooks (vm/vm.cpp, vm/process_life.cpp, vm/group_leader.cpp).
  Module* ensure_loaded(Term name, std::string* error) override;
  Module* load_file(const std::string& path, std::string* error) override;
  std::vector<std::string> code_path() const override;
  std::string find_in_path(Term name) override;
  Term spawn(Process* parent, const Word* entry, const Term* args, unsigned nargs, const SpawnSettings& opts,
             Term* monitor_ref = nullptr) override;
  SliceEnd run_slice(Process& p) override;
  void run_dirty(Process* p) override;
  void process_finished(Process* p, SliceEnd end) override;
  bool exit_reason(Term pid, Process& into, Term* reason) override;
  void release(Process* p) override;
  void request_halt(int status) override;
  Term standard_group_leader() override;
  std::vector<uint64_t> scheduler_busy_ns() override;
  unsigned dirty_cpu_threads() const override;
  unsigned dirty_io_threads() const override;

 private:
  Module* install(std::unique_ptr<Module> m);

  std::unordered_map<std::string, std::string> path_index_;  // module name -> .beam path (modules_mutex_)
  bool path_indexed_ = false;
  const void* const* handlers_;
  Word host_code_[2];  // the bottom of every stack: i_return_to_host (process_life.cpp)
  std::mutex dirty_mutex_;  // guards creating the pools
  std::unique_ptr<DirtyPool> dirty_cpu_, dirty_io_;
  std::mutex host_mutex_;  // guards the host-call fields below and Process::host_finished
  std::condition_variable host_cv_;
  bool halted_ = false;
  int halt_status_ = 0;
  std::unique_ptr<Schedulers> owned_schedulers_;
  // After the schedulers: destroyed before their timer wheels (the threads stop in ~VM).
  MessageTimers owned_message_timers_;
  std::mutex group_leader_mutex_;  // guards group_leader_
  Term group_leader_ = NON_VALUE;
  std::mutex entry_mutex_;  // guards entry_codes_
  std::unordered_map<const Export*, std::unique_ptr<Word[]>> entry_codes_;
  std::recursive_mutex load_mutex_;  // one module load at a time (ensure_loaded)
};

}  // namespace beamrun
