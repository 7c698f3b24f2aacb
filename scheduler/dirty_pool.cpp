// dirty_pool.cpp - worker threads that take jobs until they meet the stop job.
#include "scheduler/dirty_pool.h"

namespace beamrun {

DirtyPool::DirtyPool(std::string name, unsigned threads) : name_(std::move(name)) {
  for (unsigned i = 0; i < threads; ++i) threads_.emplace_back([this] { loop(); });
}

DirtyPool::~DirtyPool() {
  for (uint64_t n; (n = pending_.load(std::memory_order_acquire)) != 0;) pending_.wait(n);
  // Now the queue is empty: one null job per thread tells it to stop.
  for (size_t i = 0; i < threads_.size(); ++i) queue_.enqueue(nullptr);
  for (auto& t : threads_) t.join();
}

void DirtyPool::submit(DirtyJob* job) {
  pending_.fetch_add(1, std::memory_order_relaxed);
  queue_.enqueue(job);
}

void DirtyPool::loop() {
  for (;;) {
    DirtyJob* job = nullptr;
    queue_.wait_dequeue(job);
    if (job == nullptr) return;
    job->run(job);
    jobs_run_.fetch_add(1, std::memory_order_relaxed);
    if (pending_.fetch_sub(1, std::memory_order_acq_rel) == 1) pending_.notify_all();
  }
}

}  // namespace beamrun
