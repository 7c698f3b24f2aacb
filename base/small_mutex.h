// small_mutex.h - a 4-byte blocking mutex for per-process locks.
//
// std::mutex is 40 bytes, and every process has two locks (process/process.h). This one is a single
// 32-bit word on a Linux futex: 0 free, 1 held, 2 held with (possibly) a thread asleep on it.
// Taking a free lock is one compare-exchange, releasing an uncontended one one exchange; a
// thread that finds the lock held spins briefly and then sleeps in the kernel until the holder
// releases it, so a lock held for a long time (a run lock across a dirty native call) costs the
// waiters no CPU. Not recursive, not fair. Lockable, so std::lock_guard and std::unique_lock
// work with it.
//
// Thread safety: that is its purpose. Acquiring synchronises with the previous release
// (acquire/release orderings on the word), which is also what ThreadSanitizer sees.
#pragma once
#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>

namespace beamrun {

class SmallMutex {
 public:
  SmallMutex() = default;
  SmallMutex(const SmallMutex&) = delete;
  SmallMutex& operator=(const SmallMutex&) = delete;

  void lock() {
    uint32_t c = FREE;
    if (word_.compare_exchange_strong(c, HELD, std::memory_order_acquire, std::memory_order_relaxed)) return;
    lock_contended();
  }
  bool try_lock() {
    uint32_t c = FREE;
    return word_.compare_exchange_strong(c, HELD, std::memory_order_acquire, std::memory_order_relaxed);
  }
  void unlock() {
    if (word_.exchange(FREE, std::memory_order_release) == CONTENDED) futex(FUTEX_WAKE_PRIVATE, 1);
  }

 private:
  static constexpr uint32_t FREE = 0, HELD = 1, CONTENDED = 2;

  [[gnu::noinline]] void lock_contended() {
    // A short spin first: most holders (a link, a process_info) let go within microseconds.
    for (int i = 0; i < 100; ++i) {
      uint32_t c = word_.load(std::memory_order_relaxed);
      if (c == FREE &&
          word_.compare_exchange_weak(c, HELD, std::memory_order_acquire, std::memory_order_relaxed))
        return;
      if (c == CONTENDED) break;
#if defined(__x86_64__) || defined(__i386__)
      __builtin_ia32_pause();
#endif
    }
    // Mark the lock contended before sleeping, so that its holder's unlock wakes a sleeper; a
    // thread that takes it this way keeps it marked (it cannot know whether others sleep).
    while (word_.exchange(CONTENDED, std::memory_order_acquire) != FREE) futex(FUTEX_WAIT_PRIVATE, CONTENDED);
  }
  void futex(int op, uint32_t val) {
    syscall(SYS_futex, reinterpret_cast<uint32_t*>(&word_), op, val, nullptr, nullptr, 0);
  }

  std::atomic<uint32_t> word_{FREE};
};
static_assert(sizeof(SmallMutex) == 4);
static_assert(std::atomic<uint32_t>::is_always_lock_free);

}  // namespace beamrun
