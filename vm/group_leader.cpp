// group_leader.cpp - the servers every program expects: ERTS's `user` (every process's group
// leader, so io:format and friends write through it) and `standard_error`, both processes
// running beamrun_io:start(Fd) (vm/preloaded/beamrun_io.erl), and kernel's `code_server`,
// running beamrun_code:start() (vm/preloaded/beamrun_code.erl). Started once per VM on first
// need.
#include "process/process.h"
#include "vm/vm.h"

namespace beamrun {

namespace {

// Spawns Module:start(Fd), or Module:start() for fd < 0, and registers it as `name`; its pid,
// or NON_VALUE.
Term start_server(VM& vm, Term module, int fd, const char* name) {
  Term arg_cell[2] = {make_small(fd), NIL};  // [Fd], copied onto the new process's heap
  Term args[3] = {module, vm.atoms().intern("start"), fd < 0 ? NIL : make_list(arg_cell)};
  SpawnSettings opts;
  opts.initial_call[0] = module;
  opts.initial_call[1] = args[1];
  opts.initial_call[2] = make_small(fd < 0 ? 0 : 1);
  Term pid = vm.spawn(nullptr, vm.apply3_code(), args, 3, opts);
  if (pid == NON_VALUE) return NON_VALUE;
  if (Process* q = vm.processes().acquire(pid)) {
    vm.processes().register_name(vm.atoms().intern(name), q);
    vm.release(q);
  }
  return pid;
}

}  // namespace

Term VM::standard_group_leader() {
  std::lock_guard<std::mutex> g(group_leader_mutex_);
  if (group_leader_ != NON_VALUE) return group_leader_;
  // Loaded here, once, so the two servers do not race to load it.
  Term module = atoms_.intern("beamrun_io");
  std::string error;
  if (ensure_loaded(module, &error) == nullptr) return NON_VALUE;
  Term user = start_server(*this, module, 1, "user");
  if (user == NON_VALUE) return NON_VALUE;
  start_server(*this, module, 2, "standard_error");
  Term code = atoms_.intern("beamrun_code");
  if (ensure_loaded(code, &error) != nullptr) start_server(*this, code, -1, "code_server");
  group_leader_ = user;
  return user;
}

}  // namespace beamrun
