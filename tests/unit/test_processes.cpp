// test_processes.cpp - the process machinery seen from the host: tombstones, two VMs side by
// side, host calls that spawn.
#include <gtest/gtest.h>

#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "process/process.h"
#include "tests/unit/test_util.h"
#include "text/printer.h"
#include "vm/vm.h"

namespace beamrun {
namespace {

using test::tuple2;

VMOptions test_options() {
  VMOptions opts;
  opts.code_path = {BEAMRUN_TEST_BEAM_DIR};
  opts.schedulers = 2;
  return opts;
}

// A process waiting in receive is this object and its first heap block: the object must stay
// within one 384-byte size class of the allocator (docs/performance.md, "Start-up and memory").
static_assert(sizeof(Process) <= 384, "Process outgrew its size class: move cold fields to Process::Cold");

TEST(Processes, FreshProcessMemoryIsItsObjectAndItsHeap) {
  VM vm;
  auto regs = std::make_unique<RegisterFile>();
  Process p(vm, vm.next_serial(), regs.get());
  size_t bytes = p.memory_bytes();
  EXPECT_GE(bytes, sizeof(Process) + 233 * sizeof(Term));
  EXPECT_LE(bytes, 2500u);  // BEAM (OTP 25) reports 2,640 for a fresh process
  // Settings at their defaults, a dictionary emptied again and saved registers cleared leave
  // nothing behind.
  p.set_fullsweep_after(Process::DEFAULT_FULLSWEEP_AFTER);
  p.set_max_heap_size(0, true, true);
  p.set_min_heap_size(233);
  p.dict.put(tuple2(p, vm.atoms().intern("k"), make_small(1)), vm.atoms());
  EXPECT_GT(p.memory_bytes(), bytes);
  p.dict.clear();
  p.saved_x.assign(3, NIL);
  p.saved_x.clear();
  EXPECT_EQ(p.memory_bytes(), bytes);
  EXPECT_EQ(p.min_heap_size(), 233u);
  EXPECT_EQ(p.fullsweep_after(), Process::DEFAULT_FULLSWEEP_AFTER);
}

TEST(Processes, SmallMutexExcludes) {
  SmallMutex m;
  uint64_t counter = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 100000; ++i) {
        std::lock_guard<SmallMutex> g(m);
        ++counter;
      }
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(counter, 400000u);
  EXPECT_TRUE(m.try_lock());
  EXPECT_FALSE(m.try_lock());
  m.unlock();
}

TEST(Processes, SignalListIsFifo) {
  SignalNode n[5];
  SignalList l;
  EXPECT_TRUE(l.empty());
  for (auto& x : n) l.push_back(&x);
  EXPECT_EQ(l.pop_front(), &n[0]);
  EXPECT_EQ(l.pop_front(), &n[1]);
  l.push_back(&n[0]);
  EXPECT_EQ(l.pop_front(), &n[2]);
  EXPECT_EQ(l.pop_front(), &n[3]);
  EXPECT_EQ(l.pop_front(), &n[4]);
  EXPECT_EQ(l.pop_front(), &n[0]);
  EXPECT_TRUE(l.empty());
  EXPECT_EQ(l.pop_front(), nullptr);
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
