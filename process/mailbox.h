// mailbox.h - what arrives at a process: signals in its lock-free inbox, messages in its
// private queue, and the receive scan over that queue.
//
// A sender copies the message into a block of its own (Message, below) and pushes it onto the
// receiver's inbox (base/signal_queue.h). The receiver moves signals from the inbox to its private
// queue when it runs a receive, so the private queue is touched by one thread only:
//
//   inbox (MPSC, any thread) ──drain──► first ─► [m1] ─► [m2] ─► [m3] ─► null
//                                                          ▲ *save          ▲ last
//
// `save` points at the link that leads to the message the receive looks at next (loop_rec), so
// a scan resumes where it stopped and removal needs no back pointers. A message's words stay
// in its block until remove_message hands the block to the process heap as a fragment
// (Process::adopt_fragment); the next collection copies what is live out of it.
//
// Receive markers (OTP 24's recv_marker_* instructions): a marker remembers the link that
// ended the queue when a fresh reference was made, so a receive matching on that reference
// starts its scan there and skips every older message.
//
// Thread safety: the inbox is the only part other threads touch (push). Everything else here
// belongs to the thread running the process.
#pragma once
#include <array>
#include <cstddef>
#include <memory>
#include <cstdint>

#include "base/signal_queue.h"
#include "term/export.h"
#include "term/term.h"

namespace beamrun {

// Messages and the signals of supervision/exit_signals.h (exit, link, monitor). All travel
// in one FIFO per receiver, so signals from one sender keep their order whatever their kind.
enum class SignalKind : uint8_t { Message, Exit, Link, Unlink, Monitor, Demonitor };

struct Signal : SignalNode {
  SignalKind kind = SignalKind::Message;
};

// One message. The block is one mimalloc allocation: this header (7 words), then `words` words
// of heap objects that `term` points into (an immediate message has none), then, for a message
// sent to an alias, the alias's reference words. Every received message is adopted by the heap
// as a fragment until the next collection, so the header is kept small.
struct Message : Signal {
  bool down = false;         // a 'DOWN': taking it in ends the receiver's monitor
  bool via_alias = false;    // sent to alias(): delivered only if the alias is still active
  Message* qnext = nullptr;  // private queue link
  Term term = NON_VALUE;
  Term* off_heap = nullptr;  // RefcBin handles in the block, chained like Process::off_heap
  size_t vheap_bytes = 0;    // bytes of the blobs those handles hold
  size_t words = 0;          // heap words after the header
  Term* data() { return reinterpret_cast<Term*>(this + 1); }
  // The alias it was sent to (valid when via_alias), after the heap words.
  const RefKey& alias() { return *reinterpret_cast<const RefKey*>(data() + words); }
  // The block as the heap sees it once adopted: header included, so it is freed as one.
  Term* block() { return reinterpret_cast<Term*>(this); }
  size_t block_words() const {
    return sizeof(Message) / sizeof(Term) + words + (via_alias ? sizeof(RefKey) / sizeof(Term) : 0);
  }
};
static_assert(sizeof(Message) == 7 * sizeof(Term), "the header's size is part of every message's cost");
static_assert(sizeof(RefKey) % sizeof(Term) == 0);

// Copies `t` into a fresh message block; RefcBin handles inside share their blobs (one more
// reference each) instead of copying the bytes. With `alias`, the message is one sent to that
// alias (via_alias set, the reference kept in the block). Null when memory runs out.
Message* make_message(Term t, const RefKey* alias = nullptr);
// Frees a message that was never adopted by a heap (releasing its blob references).
void free_message(Message* m);

// The private message queue and the receive scan state.
class MessageQueue {
 public:
  static constexpr unsigned MAX_MARKERS = 2;  // as ERTS: a receive nested in another's setup

  bool empty() const { return first_ == nullptr; }
  size_t size() const { return size_; }
  Message* first() const { return first_; }

  void append(Message* m) {
    m->qnext = nullptr;
    *last_ = m;
    last_ = &m->qnext;
    ++size_;
  }
  // The message the scan looks at, or null when it reached the end.
  Message* current() const { return *save_; }
  void advance() { save_ = &(*save_)->qnext; }
  void reset_scan() { save_ = &first_; }
  // Unlinks the current message and restarts the scan from the first message.
  Message* remove_current() {
    Message* m = *save_;
    *save_ = m->qnext;
    if (last_ == &m->qnext) last_ = save_;
    if (markers_)
      for (Marker& k : *markers_)
        if (k.in_use && k.link == &m->qnext) k.link = save_;
    --size_;
    save_ = &first_;
    return m;
  }

  // recv_marker_reserve: a marker at the current end of the queue. Returns its number (1-based)
  // or 0 when every marker is taken (then receives scan from the start, which is correct, only
  // slower).
  unsigned reserve_marker() {
    for (unsigned i = 0; i < MAX_MARKERS; ++i) {
      if (!markers_) markers_ = std::make_unique<std::array<Marker, MAX_MARKERS>>();
      Marker& k = (*markers_)[i];
      if (!k.in_use) {
        k = Marker{true, false, {}, last_};
        return i + 1;
      }
    }
    return 0;
  }
  // Markers are bound to a reference's value (its words), not its address: the collector
  // moves the reference but a copy of its words stays the same.
  void bind_marker(unsigned n, Term ref) {
    if (!markers_ || n < 1 || n > MAX_MARKERS || !(*markers_)[n - 1].in_use || !is_local_ref(ref)) return;
    Marker& k = (*markers_)[n - 1];
    k.bound = true;
    for (unsigned i = 0; i < 3; ++i) k.ref[i] = boxed_ptr(ref)[1 + i];
  }
  // recv_marker_use: start the scan at the marker bound to `ref`, if any.
  void use_marker(Term ref) {
    if (Marker* k = find(ref)) save_ = k->link;
  }
  void clear_marker(Term ref) {
    if (Marker* k = find(ref)) *k = Marker{};
  }

  // Unlinks and returns every message `pred` accepts (demonitor's flush), scan reset.
  template <class Pred>
  Message* remove_if(Pred&& pred) {
    Message* removed = nullptr;
    Message** link = &first_;
    while (Message* m = *link) {
      if (!pred(m)) {
        link = &m->qnext;
        continue;
      }
      *link = m->qnext;
      if (last_ == &m->qnext) last_ = link;
      if (markers_)
        for (Marker& k : *markers_)
          if (k.in_use && k.link == &m->qnext) k.link = link;
      --size_;
      m->qnext = removed;
      removed = m;
    }
    save_ = &first_;
    return removed;
  }

  // Takes every message out (for process exit); the caller frees them.
  Message* take_all() {
    Message* m = first_;
    first_ = nullptr;
    last_ = &first_;
    save_ = &first_;
    size_ = 0;
    markers_.reset();
    return m;
  }

 private:
  struct Marker {
    bool in_use = false;
    bool bound = false;
    Term ref[3] = {};          // the bound reference's words
    Message** link = nullptr;  // the link that ended the queue at reserve time
  };
  static bool is_local_ref(Term t) { return is_ref(t) && header_arity(boxed_ptr(t)[0]) == 3; }
  Marker* find(Term ref) {
    if (!is_local_ref(ref)) return nullptr;
    const Term* w = boxed_ptr(ref) + 1;
    if (!markers_) return nullptr;
    for (Marker& k : *markers_)
      if (k.in_use && k.bound && k.ref[0] == w[0] && k.ref[1] == w[1] && k.ref[2] == w[2]) return &k;
    return nullptr;
  }
  Message* first_ = nullptr;
  Message** last_ = &first_;
  Message** save_ = &first_;
  size_t size_ = 0;
  // Made by the first recv_marker_reserve (most processes never make a reference and wait).
  std::unique_ptr<std::array<Marker, MAX_MARKERS>> markers_;
};

}  // namespace beamrun
