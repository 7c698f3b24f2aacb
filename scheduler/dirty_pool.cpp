// dirty_pool.cpp - worker threads that take jobs until they meet the stop job.
#include "scheduler/dirty_pool.h"

#include <chrono>

namespace beamrun {

DirtyPool::DirtyPool(std::string name, unsigned threads)
    : name_(std::move(name)), busy_ns_(new std::atomic<uint64_t>[threads]) {
  for (unsigned i = 0; i < threads; ++i) busy_ns_[i].store(0, std::memory_order_relaxed);
  for (unsigned i = 0; i < threads; ++i) threads_.emplace_back([this, i] { loop(i); });
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

void DirtyPool::loop(unsigned index) {
  for (;;) {
    DirtyJob* job = nullptr;
    queue_.wait_dequeue(job);
    if (job == nullptr) return;
    auto t0 = std::chrono::steady_clock::now();
    job->run(job);
    busy_ns_[index].fetch_add(
        uint64_t(std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - t0).count()),
        std::memory_order_relaxed);
    jobs_run_.fetch_add(1, std::memory_order_relaxed);
    if (pending_.fetch_sub(1, std::memory_order_acq_rel) == 1) pending_.notify_all();
  }
}

}  // namespace beamrun
