// test_two_vms.cpp - two VMs in one host process share nothing (but the OS environment, under
// its one lock): both run tests/unit/erlang/two_vms.erl at once, each on its own scheduler
// threads, spawning, sending, loading modules, collecting and calling os:putenv/getenv, and
// each checks its own results. Meant to be run under ThreadSanitizer too (docs/architecture.md).
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "process/process.h"
#include "vm/vm.h"

namespace beamrun {
namespace {

// One VM's tally: the calls whose result checked out.
struct Outcome {
  int calls_ok = 0;
  std::string failure;  // the first thing that went wrong
};

// The Sum that two_vms:run(_, Workers) returns in {ok, Sum, Laps} (two_vms:worker/3 says why).
int64_t expected_sum(int workers) {
  int64_t sum = 0;
  for (int64_t i = 1; i <= workers; ++i) {
    int64_t m = 100 + i % 50;
    sum += m * (m + 1) / 2 + 7 * i + 10;
  }
  return sum;
}

void run_vm(const char* tag, int rounds, int calls, int workers, Outcome* out) {
  for (int round = 0; round < rounds; ++round) {
    VMOptions opts;
    opts.code_path = {BEAMRUN_TEST_BEAM_DIR};
    opts.schedulers = 2;
    opts.dirty_io_schedulers = 1;
    VM vm(opts);
    Term module = vm.atoms().intern("two_vms");
    Term function = vm.atoms().intern("run");
    for (int c = 0; c < calls; ++c) {
      Process p(vm, vm.next_serial());
      RunResult r = vm.call(module, function, {vm.atoms().intern(tag), make_small(workers)}, p);
      bool ok = r.kind == RunResult::Kind::Returned && is_tuple(r.value) && tuple_arity(r.value) == 3 &&
                tuple_element(r.value, 1) == atom::ok && is_small(tuple_element(r.value, 2)) &&
                small_value(tuple_element(r.value, 2)) == expected_sum(workers) &&
                tuple_element(r.value, 3) == make_small(20);
      // Each worker collected twice, in this VM (statistics are the VM's own).
      ok = ok && vm.gc_count() >= uint64_t(2 * workers * (c + 1));
      if (ok) {
        ++out->calls_ok;
      } else if (out->failure.empty()) {
        out->failure = std::string(tag) + ": round " + std::to_string(round) + ", call " + std::to_string(c) +
                       (r.kind == RunResult::Kind::Returned ? " returned something else" : " raised or halted");
      }
    }
  }
}

TEST(TwoVMs, RunConcurrentlyAndShareNothing) {
  constexpr int ROUNDS = 2, CALLS = 2, WORKERS = 400;
  Outcome a, b;
  std::thread ta(run_vm, "a", ROUNDS, CALLS, WORKERS, &a);
  std::thread tb(run_vm, "b", ROUNDS, CALLS, WORKERS, &b);
  ta.join();
  tb.join();
  EXPECT_EQ(a.calls_ok, ROUNDS * CALLS) << a.failure;
  EXPECT_EQ(b.calls_ok, ROUNDS * CALLS) << b.failure;
}

}  // namespace
}  // namespace beamrun
