// group_leader.cpp - the standard I/O servers: ERTS's `user` (every process's group leader,
// so io:format and friends write through it) and `standard_error`. Both are processes running
// beamrun_io:start(Fd) (vm/preloaded/beamrun_io.erl), started once per VM on first need.
#include "vm/process.h"
#include "vm/vm.h"

namespace beamrun {

namespace {

// Spawns beamrun_io:start(Fd) and registers it as `name`; its pid, or NON_VALUE.
Term start_io_server(VM& vm, Term module, int fd, const char* name) {
  Term arg_cell[2] = {make_small(fd), NIL};  // [Fd], copied onto the new process's heap
  Term args[3] = {module, vm.atoms().intern("start"), make_list(arg_cell)};
  SpawnOptions opts;
  opts.initial_call[0] = module;
  opts.initial_call[1] = args[1];
  opts.initial_call[2] = make_small(1);
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
  Term user = start_io_server(*this, module, 1, "user");
  if (user == NON_VALUE) return NON_VALUE;
  start_io_server(*this, module, 2, "standard_error");
  group_leader_ = user;
  return user;
}

}  // namespace beamrun
