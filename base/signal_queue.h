// signal_queue.h - the intrusive lock-free queue of signals arriving at one process.
//
// Many producers (any thread sending a message, a link or exit signal), one consumer (the
// thread running the receiving process). A push is one atomic exchange on `head_` followed by
// linking the previous node to the new one, so pushes are totally ordered by their exchanges:
// two signals from one sender, pushed one after the other, arrive in that order even when the
// sender migrated between threads in between (its migration is itself synchronised).
//
//   producers ──push──► head_ ─► [n3] ◄─next─ [n2] ◄─next─ [n1] ◄─next─ stub/tail_ ◄── consumer pops
//
// A push that has exchanged `head_` but not yet linked its predecessor leaves the queue looking
// empty to the consumer for a moment. The wake-up protocol covers that window: `maybe_nonempty`
// reports such a queue as non-empty, and every producer, after pushing, checks whether the
// receiver sleeps and wakes it (see Process state transitions).
//
// Thread safety: push() from any thread; pop() and maybe_nonempty() only from the consumer.
#pragma once
#include <atomic>

namespace beamrun {

struct SignalNode {
  std::atomic<SignalNode*> next{nullptr};
};

class SignalQueue {
 public:
  SignalQueue() : head_(&stub_), tail_(&stub_) {}
  SignalQueue(const SignalQueue&) = delete;
  SignalQueue& operator=(const SignalQueue&) = delete;

  void push(SignalNode* n) {
    n->next.store(nullptr, std::memory_order_relaxed);
    SignalNode* prev = head_.exchange(n, std::memory_order_acq_rel);
    prev->next.store(n, std::memory_order_release);
  }

  // The oldest signal, or null when none is (completely) there yet.
  SignalNode* pop() {
    SignalNode* tail = tail_;
    SignalNode* next = tail->next.load(std::memory_order_acquire);
    if (tail == &stub_) {
      if (next == nullptr) return nullptr;
      tail_ = next;
      tail = next;
      next = next->next.load(std::memory_order_acquire);
    }
    if (next != nullptr) {
      tail_ = next;
      return tail;
    }
    // `tail` is the last linked node. If a push is half done, wait for it to link.
    if (tail != head_.load(std::memory_order_acquire)) return nullptr;
    push(&stub_);
    next = tail->next.load(std::memory_order_acquire);
    if (next != nullptr) {
      tail_ = next;
      return tail;
    }
    return nullptr;
  }

  // True if a signal is queued or being queued. Sequentially consistent, so that a consumer
  // that announced it is going to sleep and then finds this false cannot miss a producer that
  // pushed before reading the consumer's announcement.
  bool maybe_nonempty() const {
    SignalNode* tail = tail_;
    if (tail != &stub_) return true;
    if (tail->next.load(std::memory_order_seq_cst) != nullptr) return true;
    return head_.load(std::memory_order_seq_cst) != &stub_;
  }

 private:
  std::atomic<SignalNode*> head_;  // producers: the newest node
  SignalNode* tail_;               // consumer: the oldest node not yet popped
  SignalNode stub_;                // keeps the list non-empty
};

// A FIFO of signals already taken out of a SignalQueue, linked through their own `next` field
// (free once popped): one pointer, to the newest node, whose `next` leads round to the oldest.
// Thread safety: none; its owner guards it (Process::pending_signals: the run lock).
class SignalList {
 public:
  bool empty() const { return tail_ == nullptr; }
  void push_back(SignalNode* n) {
    if (tail_ == nullptr) {
      n->next.store(n, std::memory_order_relaxed);
    } else {
      n->next.store(tail_->next.load(std::memory_order_relaxed), std::memory_order_relaxed);
      tail_->next.store(n, std::memory_order_relaxed);
    }
    tail_ = n;
  }
  // The oldest node, unlinked; null when empty.
  SignalNode* pop_front() {
    if (tail_ == nullptr) return nullptr;
    SignalNode* head = tail_->next.load(std::memory_order_relaxed);
    if (head == tail_) tail_ = nullptr;
    else tail_->next.store(head->next.load(std::memory_order_relaxed), std::memory_order_relaxed);
    head->next.store(nullptr, std::memory_order_relaxed);
    return head;
  }

 private:
  SignalNode* tail_ = nullptr;
};

}  // namespace beamrun
