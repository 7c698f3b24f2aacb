// hello.cpp - the smallest host of beamrun's embedding API (include/beamrun/beamrun.h): make a
// VM, call lists:reverse([1,2,3]) from OTP's stdlib, print the result as Erlang prints it, shut
// the VM down. Exit status 0 only when the call returned and nothing was left behind.
#include <beamrun/beamrun.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <utility>

int main() {
  beamrun::Config config;
  config.schedulers = 1;
  auto created = beamrun::Vm::create(config);
  if (!created) {
    std::fprintf(stderr, "hello: %s\n", created.error().message.c_str());
    return 1;
  }
  std::unique_ptr<beamrun::Vm> vm = std::move(*created);

  beamrun::Value list = beamrun::Value::list(
      {beamrun::Value::integer(1), beamrun::Value::integer(2), beamrun::Value::integer(3)});
  beamrun::Outcome o = vm->call("lists", "reverse", {list}).wait();
  if (!o.returned()) {
    std::fprintf(stderr, "hello: lists:reverse raised %s\n", o.describe().c_str());
    return 1;
  }
  std::printf("%s\n", vm->format(o.value).c_str());

  beamrun::ShutdownStats stats = vm->shutdown(std::chrono::seconds(1));
  bool clean = stats.processes_alive == 0 && stats.timers_pending == 0 &&
               stats.binaries_referenced == 0 && stats.mailboxes_open == 0;
  if (!clean) {
    std::fprintf(stderr, "hello: left behind: %zu processes, %zu timers, %zu binaries, %zu mailboxes\n",
                 stats.processes_alive, stats.timers_pending, stats.binaries_referenced,
                 stats.mailboxes_open);
    return 1;
  }
  return 0;
}
