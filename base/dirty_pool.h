// dirty_pool.h - a pool of threads for long native calls (dirty CPU or dirty IO work), so that
// they never block a normal scheduler. A process with such a call is parked here: it is in no
// run queue meanwhile, and its `done` callback puts it back on a normal scheduler afterwards.
//
// Jobs from different producers need no order between them, so the queue is moodycamel's
// BlockingConcurrentQueue (per-producer FIFO, lock-free, blocking wait without spinning).
//
// Thread safety: submit() from any thread; the pool's threads only run jobs. The destructor
// (called once nothing submits any more) waits until every submitted job has run, then stops
// the threads: stop markers cannot simply be queued behind the jobs, since the queue orders
// items of one producer only and a marker could overtake another thread's job.
#pragma once
#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <concurrentqueue/blockingconcurrentqueue.h>

namespace beamrun {

struct DirtyJob {
  void (*run)(DirtyJob*) = nullptr;  // does the work; may finish by rescheduling its process
  void* context = nullptr;           // for `run` (the process)
};

class DirtyPool {
 public:
  DirtyPool(std::string name, unsigned threads);
  ~DirtyPool();
  DirtyPool(const DirtyPool&) = delete;
  DirtyPool& operator=(const DirtyPool&) = delete;

  void submit(DirtyJob* job);
  unsigned threads() const { return unsigned(threads_.size()); }
  const std::string& name() const { return name_; }
  // Nanoseconds thread i has spent running jobs (statistics(scheduler_wall_time)).
  uint64_t busy_ns(unsigned i) const { return busy_ns_[i].load(std::memory_order_relaxed); }

 private:
  void loop(unsigned index);

  std::string name_;
  moodycamel::BlockingConcurrentQueue<DirtyJob*> queue_;
  std::vector<std::thread> threads_;
  std::atomic<uint64_t> pending_{0};  // submitted and not yet finished
  std::unique_ptr<std::atomic<uint64_t>[]> busy_ns_;  // per thread
};

}  // namespace beamrun
