// test_processes.cpp - the process machinery seen from the host: tombstones, two VMs side by
// side, host calls that spawn.
#include <gtest/gtest.h>

#include <thread>

#include "vm/printer.h"
#include "vm/process.h"
#include "vm/vm.h"

namespace beamrun {
namespace {

VMOptions test_options() {
  VMOptions opts;
  opts.code_path = {BEAMRUN_TEST_BEAM_DIR};
  opts.schedulers = 2;
  return opts;
}

TEST(Processes, TombstoneKeepsTheExitReasonOfADeadProcess) {
  VM vm(test_options());
  Process p(vm, vm.next_serial());
  Term reason = vm.atoms().intern("finished");
  RunResult r = vm.call(vm.atoms().intern("sup_tombstone"), vm.atoms().intern("dead_pid"), {reason}, p);
  ASSERT_EQ(r.kind, RunResult::Kind::Returned);
  ASSERT_TRUE(is_local_pid(r.value));
  Process host(vm, vm.next_serial());
  Term got = NON_VALUE;
  ASSERT_TRUE(vm.exit_reason(r.value, host, &got));
  EXPECT_EQ(got, reason);
  EXPECT_FALSE(vm.exit_reason(make_local_pid(12345, 3), host, &got));  // never existed
}

TEST(Processes, TombstoneCopiesCompoundReasons) {
  VM vm(test_options());
  Process p(vm, vm.next_serial());
  Term* t = p.alloc(3);
  t[0] = make_tuple_header(2);
  t[1] = vm.atoms().intern("shutdown");
  t[2] = make_small(42);
  RunResult r = vm.call(vm.atoms().intern("sup_tombstone"), vm.atoms().intern("dead_pid"), {make_boxed(t)}, p);
  ASSERT_EQ(r.kind, RunResult::Kind::Returned);
  Process host(vm, vm.next_serial());
  Term got = NON_VALUE;
  ASSERT_TRUE(vm.exit_reason(r.value, host, &got));
  EXPECT_EQ(format_p(got, vm.atoms()), "{shutdown,42}");
}

// Two VMs in one host process, each on its own threads, share nothing: both run spawning
// programs at once and each sees only its own processes.
TEST(Processes, TwoVMsRunSideBySide) {
  auto run = [](int* count) {
    VM vm(test_options());
    for (int i = 0; i < 20; ++i) {
      Process p(vm, vm.next_serial());
      RunResult r = vm.call(vm.atoms().intern("sup_tombstone"), vm.atoms().intern("dead_pid"),
                            {vm.atoms().intern("normal")}, p);
      if (r.kind == RunResult::Kind::Returned && is_local_pid(r.value)) ++*count;
    }
  };
  int a = 0, b = 0;
  std::thread ta(run, &a), tb(run, &b);
  ta.join();
  tb.join();
  EXPECT_EQ(a, 20);
  EXPECT_EQ(b, 20);
}

}  // namespace
}  // namespace beamrun
