// dirty_pool.cpp - worker threads that take jobs until they meet the stop job.
#include "base/dirty_pool.h"

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
    if (pending_.fetch_sub(1, std::memory_order_acq_rel) == 1) pending_.notify_all();
  }
}

}  // namespace beamrun

#ifdef BEAMRUN_TSAN
// ThreadSanitizer build only. moodycamel::ConcurrentQueue hands elements between threads with
// relaxed atomics ordered by std::atomic_thread_fence, which TSan does not model: it reports
// the slot written by enqueue and read by dequeue as a race. The queue's author calls these
// false positives (cameron314/concurrentqueue issues #49, #62, #254). Only the queue's own
// producer code is matched, so a race in beamrun's code around the queue is still reported.
// TSan asks every binary for this function; defining it here puts it wherever the pools are.
extern "C" const char* __tsan_default_suppressions() {
  return "race:moodycamel::ConcurrentQueue*::ImplicitProducer::enqueue\n"
         "race:moodycamel::ConcurrentQueue*::ImplicitProducer::dequeue\n";
}
#endif
