// test_scheduler_parts.cpp - the signal queue, run queue and timer wheel on their own.
// Run these under ThreadSanitizer too (-DBEAMRUN_TSAN=ON).
#include <gtest/gtest.h>

#include <memory>
#include <thread>
#include <vector>

#include "base/run_queue.h"
#include "base/signal_queue.h"
#include "base/timer_wheel.h"

using namespace beamrun;

namespace {
struct Msg : SignalNode {
  int producer = 0;
  int seq = 0;
};
struct Item : RunQueueItem {
  int id = 0;
};
}  // namespace

TEST(SignalQueue, SingleThreadFifo) {
  SignalQueue q;
  EXPECT_FALSE(q.maybe_nonempty());
  EXPECT_EQ(q.pop(), nullptr);
  std::vector<Msg> m(10);
  for (int i = 0; i < 10; ++i) {
    m[i].seq = i;
    q.push(&m[i]);
  }
  EXPECT_TRUE(q.maybe_nonempty());
  for (int i = 0; i < 10; ++i) {
    auto* got = static_cast<Msg*>(q.pop());
    ASSERT_NE(got, nullptr);
    EXPECT_EQ(got->seq, i);
  }
  EXPECT_EQ(q.pop(), nullptr);
  EXPECT_FALSE(q.maybe_nonempty());
}

TEST(SignalQueue, ManyProducersKeepEachSendersOrder) {
  constexpr int PRODUCERS = 4, PER = 50000;
  SignalQueue q;
  std::vector<std::unique_ptr<Msg[]>> msgs;
  for (int p = 0; p < PRODUCERS; ++p) msgs.emplace_back(new Msg[PER]);
  std::vector<std::thread> threads;
  for (int p = 0; p < PRODUCERS; ++p)
    threads.emplace_back([&, p] {
      for (int i = 0; i < PER; ++i) {
        msgs[p][i].producer = p;
        msgs[p][i].seq = i;
        q.push(&msgs[p][i]);
      }
    });
  std::vector<int> next(PRODUCERS, 0);
  int received = 0;
  while (received < PRODUCERS * PER) {
    auto* m = static_cast<Msg*>(q.pop());
    if (!m) continue;
    ASSERT_EQ(m->seq, next[m->producer]) << "producer " << m->producer;
    ++next[m->producer];
    ++received;
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(q.pop(), nullptr);
}

TEST(RunQueue, PrioritiesAndLowInterleaving) {
  RunQueue rq;
  std::vector<Item> items(30);
  for (int i = 0; i < 20; ++i) { items[i].id = i; items[i].priority = RunPriority::Normal; rq.push(&items[i]); }
  for (int i = 20; i < 25; ++i) { items[i].id = i; items[i].priority = RunPriority::Low; rq.push(&items[i]); }
  items[25].id = 25; items[25].priority = RunPriority::High; rq.push(&items[25]);
  items[26].id = 26; items[26].priority = RunPriority::Max; rq.push(&items[26]);
  EXPECT_EQ(rq.size(), 27u);
  EXPECT_EQ(static_cast<Item*>(rq.pop())->id, 26);
  EXPECT_EQ(static_cast<Item*>(rq.pop())->id, 25);
  // Eight normal turns, then one low, and so on.
  std::vector<int> order;
  while (RunQueueItem* it = rq.pop()) order.push_back(static_cast<Item*>(it)->id);
  ASSERT_EQ(order.size(), 25u);
  for (int i = 0; i < 8; ++i) EXPECT_EQ(order[i], i);
  EXPECT_EQ(order[8], 20);
  EXPECT_EQ(order[9], 8);
  EXPECT_EQ(rq.size(), 0u);
}

TEST(RunQueue, StealHalfKeepsOrder) {
  RunQueue victim, thief;
  std::vector<Item> items(10);
  for (int i = 0; i < 10; ++i) { items[i].id = i; victim.push(&items[i]); }
  EXPECT_EQ(victim.steal_half_into(thief), 5u);
  EXPECT_EQ(victim.size(), 5u);
  EXPECT_EQ(thief.size(), 5u);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(static_cast<Item*>(thief.pop())->id, i);
  for (int i = 5; i < 10; ++i) EXPECT_EQ(static_cast<Item*>(victim.pop())->id, i);
}

TEST(RunQueue, ConcurrentPushPopSteal) {
  RunQueue a, b;
  constexpr int N = 20000;
  std::vector<Item> items(N);
  std::atomic<int> popped{0};
  std::thread producer([&] { for (int i = 0; i < N; ++i) { items[i].id = i; a.push(&items[i]); } });
  std::thread thief([&] { while (popped.load() < N) { a.steal_half_into(b); if (b.pop()) popped++; } });
  while (popped.load() < N) if (a.pop()) popped++;
  producer.join();
  thief.join();
  EXPECT_EQ(popped.load(), N);
  EXPECT_EQ(a.size() + b.size(), 0u);
}

namespace {
struct Fired {
  std::vector<int> ids;
};
struct TestTimer : Timer {
  int id = 0;
  Fired* log = nullptr;
};
void record(Timer* t, uint64_t) {
  auto* tt = static_cast<TestTimer*>(t);
  tt->log->ids.push_back(tt->id);
}
}  // namespace

TEST(TimerWheel, FiresInDeadlineOrderAndCancels) {
  TimerWheel w(1000);
  Fired log;
  std::vector<TestTimer> t(5);
  uint64_t deadlines[] = {1005, 1001, 1003, 1003 + TimerWheel::WHEEL_SLOTS, 1002};
  for (int i = 0; i < 5; ++i) {
    t[i].id = i;
    t[i].log = &log;
    t[i].fire = record;
    w.add(&t[i], deadlines[i]);
  }
  EXPECT_EQ(w.next_deadline(), 1001u);
  EXPECT_TRUE(w.cancel(&t[4]));
  EXPECT_FALSE(w.cancel(&t[4]));
  EXPECT_EQ(w.advance(1004), 2u);  // 1001, 1003 (the next lap's 1003 stays)
  EXPECT_EQ(log.ids, (std::vector<int>{1, 2}));
  EXPECT_EQ(w.advance(1010), 1u);
  EXPECT_EQ(w.next_deadline(), 1003 + TimerWheel::WHEEL_SLOTS);
  EXPECT_EQ(w.advance(1003 + 3 * TimerWheel::WHEEL_SLOTS), 1u);  // a long pause
  EXPECT_EQ(log.ids, (std::vector<int>{1, 2, 0, 3}));
  EXPECT_EQ(w.size(), 0u);
  EXPECT_EQ(w.next_deadline(), UINT64_MAX);
}

TEST(TimerWheel, PastDeadlinesFireAtTheNextAdvance) {
  TimerWheel w(500);
  Fired log;
  TestTimer t;
  t.id = 7;
  t.log = &log;
  t.fire = record;
  w.add(&t, 100);
  EXPECT_EQ(w.advance(501), 1u);
  EXPECT_EQ(log.ids, std::vector<int>{7});
}

#include "base/dirty_pool.h"

namespace {
struct CountJob : DirtyJob {
  std::atomic<int>* done = nullptr;
};
void count_run(DirtyJob* j) { static_cast<CountJob*>(j)->done->fetch_add(1); }
}  // namespace

TEST(DirtyPool, RunsEveryJobOnItsThreads) {
  std::atomic<int> done{0};
  std::vector<CountJob> jobs(1000);
  {
    for (int i = 0; i < 1000; ++i) { jobs[i].done = &done; jobs[i].run = count_run; }
    DirtyPool pool("dirty_cpu", 3);
    EXPECT_EQ(pool.threads(), 3u);
    std::thread other([&] { for (int i = 500; i < 1000; ++i) pool.submit(&jobs[i]); });
    for (int i = 0; i < 500; ++i) pool.submit(&jobs[i]);
    other.join();
  }  // the destructor drains the queue and joins
  EXPECT_EQ(done.load(), 1000);
}
