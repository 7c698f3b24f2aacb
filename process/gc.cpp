// gc.cpp - process heaps: allocation, fragments, and a generational copying collector.
//
// A process's terms live in its young heap (the block shared with the stack, process.h), its
// old heap, and heap fragments (alloc() spills, adopted message blocks). Terms anywhere else
// (module literals, persistent terms, messages not yet received) are never copied: a range
// test on young, old and fragments decides, with fragments found by binary search.
//
// Minor collection (Cheney): everything reachable from the roots that lies in the young heap
// or a fragment is copied. Young terms below the high-water mark survived the last collection
// and go to the old heap (promotion); the rest go to a fresh young block, and the mark is set
// at its top. The old heap is not traced: it points into the young generation only through
// the remembered slots (see trace()), because terms do not change once built.
//
// Full sweep: young heap, old heap and fragments are all copied into a fresh young block and
// the old heap is freed. Done after `fullsweep_after` minor collections, when the old heap
// has no room for the terms to promote, or when its binaries passed their limit.
//
// Sizes follow ERTS's heap size sequence. The new young block is sized before copying from
// an upper bound of what can survive (so nothing is copied twice); a block much larger than
// its live data is then shrunk as ERTS does, by a move (memcpy and pointer offsets, no trace).
//
// Off-heap binaries: off_heap lists the RefcBin handles of the young generation, old_off_heap_
// those of the old heap. A minor collection walks only the young list: copied handles join the
// list of the generation they were copied to, the others release their blob. Old handles are
// released by full sweeps, which the old virtual binary heap's limit brings forward.
#include "base/block_alloc.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <new>

#include "process/process.h"
#include "process/runtime.h"
#include "term/binary.h"
#include "term/export.h"

namespace beamrun {

namespace {

Term* new_block(size_t words) {
  void* p = block_malloc(words * sizeof(Term));
  if (p == nullptr) throw std::bad_alloc();
  return static_cast<Term*>(p);
}

// ERTS's heap sizes: 12, 38, then Fibonacci plus one (233, 376, 610, 987, ...) for 23 sizes,
// then 20% steps up to 2^53 bytes.
struct HeapSizes {
  std::array<size_t, 160> v{};
  size_t n = 0;
  constexpr HeapSizes() {
    v[0] = 12;
    v[1] = 38;
    for (n = 2; n < 23; ++n) v[n] = v[n - 1] + v[n - 2] + 1;
    constexpr size_t limit = (size_t(1) << 53) / sizeof(Term);
    for (; n < v.size(); ++n) {
      size_t next = v[n - 1] + v[n - 1] / 5;
      if (next > limit) break;
      v[n] = next;
    }
  }
};
constexpr HeapSizes HEAP_SIZES;

// ERTS's virtual binary heap sizing: grow by the golden ratio while over 75% full, halve when
// under 25%, never under the minimum.
size_t next_vheap_limit(size_t vheap, size_t limit) {
  if (vheap / 3 > limit / 4) {
    while (vheap / 3 > limit / 4) {
      size_t grown = limit + limit * 618 / 1000;
      if (grown <= limit) break;
      limit = grown;
    }
  } else if (vheap < limit / 4) {
    limit /= 2;
  }
  return std::max(limit, BIN_VHEAP_MIN_BYTES);
}

// The bytes the allocator reserves for a request of `bytes` (its size class), for
// process_info(memory).
size_t alloc_size(size_t bytes) {
#ifdef BEAMRUN_TSAN
  return bytes;
#else
  return mi_good_size(bytes);
#endif
}

inline bool is_pointer(Term t) { return is_list(t) || is_boxed(t); }
inline const Term* pointee(Term t) { return reinterpret_cast<const Term*>(t & ~TAG_PRIMARY_MASK); }
inline bool within(const void* p, const void* lo, size_t bytes) {
  return uintptr_t(p) - uintptr_t(lo) < bytes;
}

}  // namespace

size_t Process::next_heap_size(size_t words, unsigned offset) {
  const size_t* first = HEAP_SIZES.v.data();
  const size_t* last = first + HEAP_SIZES.n;
  const size_t* at = std::lower_bound(first, last, words);
  if (at == last) return words;  // beyond 2^53 bytes: the allocation fails anyway
  at += offset;
  return at < last ? *at : last[-1];
}

// ---- process life ---------------------------------------------------------------------------

Process::Process(Runtime& vm, uint64_t serial, RegisterFile* regs) : vm_(vm), serial_(uint32_t(serial)) {
  if (regs == nullptr) {
    Cold& c = cold();
    c.own_regs = std::make_unique<RegisterFile>();
    regs = c.own_regs.get();
    std::fill(regs->x, regs->x + MAX_X_REGS, NIL);
  }
  set_registers(regs);
  heap_start = new_block(MIN_HEAP_WORDS);
  heap_end = heap_start + MIN_HEAP_WORDS;
  htop = heap_start;
  stop = heap_end;
  if (cold_) {
    cold_->high_water = heap_start;
    cold_->heap_bytes = alloc_size(MIN_HEAP_WORDS * sizeof(Term));
  }
  bin_vheap_limit = BIN_VHEAP_MIN_BYTES;
  gc_stress_ = vm.gc_stress();
  after_collection();
}

// Made with the process's current heap as its young generation and nothing collected yet.
Process::Cold& Process::make_cold() {
  cold_ = std::make_unique<Cold>();
  cold_->high_water = heap_start;
  cold_->heap_bytes = heap_start ? alloc_size(heap_words() * sizeof(Term)) : 0;
  cold_->bin_old_vheap_limit = BIN_VHEAP_MIN_BYTES;
  return *cold_;
}

namespace {
void release_chain(Term* h) {
  while (h != nullptr) {
    Term* next = refc_next(h);
    blob_release(refc_blob(h));
    h = next;
  }
}
}  // namespace

Process::~Process() {
  release_chain(off_heap);
  for (const Fragment& f : fragments_) block_free(f.block);
  block_free(heap_start);
  if (cold_) {
    release_chain(cold_->old_off_heap);
    block_free(cold_->old_start);
  }
  delete relations_.load(std::memory_order_acquire);
}

size_t Process::memory_bytes() const {
  // The fixed blocks as the allocator sizes them (computed once); the variable ones as asked.
  static const size_t object = alloc_size(sizeof(Process));
  static const size_t first_heap = alloc_size(MIN_HEAP_WORDS * sizeof(Term));
  static const size_t cold_block = alloc_size(sizeof(Cold));
  size_t bytes = object + fragment_words_ * sizeof(Term) + fragments_.bytes() + dict.bytes() + saved_x.bytes();
  if (cold_) {
    bytes += (cold_->spill_block_words - cold_->spill_words) * sizeof(Term);  // spills' unused tails
    bytes += cold_block + cold_->heap_bytes + cold_->remembered.capacity() * sizeof(Term*);
    if (cold_->receive_timer) bytes += sizeof(ReceiveTimer);
    if (cold_->own_regs) bytes += sizeof(RegisterFile);
  } else {
    bytes += first_heap;  // without the side block, the heap is still the first one
  }
  if (dirty) bytes += sizeof(DirtyCall);
  if (has_relations()) bytes += sizeof(Relations);  // its hash tables' nodes are not counted
  return bytes;
}

// ---- allocation -------------------------------------------------------------------------------

Term* Process::alloc_words(size_t n) {
  if (size_t(stop - htop) >= n + STACK_RESERVE) {
    Term* p = htop;
    htop += n;
    return p;
  }
  Cold& c = cold();
  if (size_t(c.spill_end - c.spill_top) < n) {
    // Each spill block at least doubles the spilled total, so there are few of them. Its whole
    // size counts as its range: nothing points into the unused tail.
    size_t size = std::max({n, size_t(1024), c.spill_words});
    Term* block = new_block(size);
    fragments_.push_back(Fragment{block, size});
    c.spill_top = block;
    c.spill_end = block + size;
    c.spill_block_words += size;
  }
  Term* p = c.spill_top;
  c.spill_top += n;
  c.spill_words += n;
  fragment_words_ += n;
  // Spills have a budget of their own, as large as the heap (a native building a big result
  // should not bring a collection per block): within it they move the limit up with them, so
  // that only adopted messages count against the free room; past it a collection is due.
  if (!gc_stress_) {
    if (c.spill_words < std::max(FRAGMENT_SPILL_WORDS, heap_words()))
      fragment_limit_ = uint32_t(std::min(size_t(fragment_limit_) + n, size_t(UINT32_MAX)));
    else
      fragment_limit_ = 0;
  }
  return p;
}

void Process::adopt_fragment(Term* block, size_t words, Term* off_heap_chain, size_t vheap_bytes,
                             size_t header_words) {
  assert(header_words <= words);
  fragments_.push_back(Fragment{block, words});
  fragment_words_ += words;
  fragment_headers_ = uint32_t(std::min(size_t(fragment_headers_) + header_words, size_t(UINT32_MAX)));
  if (off_heap_chain != nullptr) {
    Term* last = off_heap_chain;
    while (refc_next(last) != nullptr) last = refc_next(last);
    last[4] = reinterpret_cast<Word>(off_heap);
    off_heap = off_heap_chain;
  }
  bin_vheap += vheap_bytes;
}

// ---- the collector ----------------------------------------------------------------------------

// One collection: the from-space ranges and the to-space tops. Full sweeps copy everything to
// the young block; minor collections send mature young terms to the old heap.
struct Process::GcRun {
  const Term* young_lo;
  size_t young_bytes;   // [young_lo, htop)
  const Term* mature_hi;  // minor: young terms below it are promoted
  const Term* old_lo;   // full: the old heap is from-space too
  size_t old_bytes;
  const Fragment* frags;  // sorted by address
  size_t nfrags;
  const Term* frag_lo;  // bounds of all fragments: most pointers are rejected by these
  const Term* frag_hi;
  Term* ytop;
  Term* otop;

  bool in_fragment(const Term* p) const {
    if (p < frag_lo || p >= frag_hi) return false;
    size_t lo = 0, hi = nfrags;  // find the last fragment starting at or below p
    while (hi - lo > 1) {
      size_t mid = (lo + hi) / 2;
      if (frags[mid].block <= p) lo = mid; else hi = mid;
    }
    return p >= frags[lo].block && p < frags[lo].block + frags[lo].used;
  }

  // Where the object at p goes: 0 nowhere (not ours), 1 the young block, 2 the old heap.
  template <bool Full>
  int dest(const Term* p) const {
    if (within(p, young_lo, young_bytes)) return (!Full && p < mature_hi) ? 2 : 1;
    if (Full && within(p, old_lo, old_bytes)) return 1;
    return in_fragment(p) ? 1 : 0;
  }

  // The term's value after the collection, copying its object on the first visit. A moved
  // cons holds NON_VALUE and the forward in its cdr; a moved boxed object holds the forward in
  // its header word.
  template <bool Full>
  Term evacuate(Term t) {
    if (is_list(t)) {
      Term* c = list_ptr(t);
      int d = dest<Full>(c);
      if (d == 0) return t;
      if (c[0] == NON_VALUE) return c[1];
      Term*& top = d == 2 ? otop : ytop;
      Term* n = top;
      top += 2;
      n[0] = c[0];
      n[1] = c[1];
      c[0] = NON_VALUE;
      c[1] = make_list(n);
      return c[1];
    }
    if (is_boxed(t)) {
      Term* b = boxed_ptr(t);
      int d = dest<Full>(b);
      if (d == 0) return t;
      Term hdr = b[0];
      if (is_boxed(hdr)) return hdr;
      size_t n = header_arity(hdr) + 1;
      Term*& top = d == 2 ? otop : ytop;
      Term* nb = top;
      top += n;
      std::memcpy(nb, b, n * sizeof(Term));
      b[0] = make_boxed(nb);
      return b[0];
    }
    return t;
  }

  template <bool Full>
  void trace(Term* x, unsigned live, Term* block, Term* new_stop, Term* block_end, Term* old_scan,
             std::vector<Term*>& remembered, Process& p);

  // Scans the object or cons word at s (in to-space); returns where the next one starts.
  template <bool Full>
  Term* scan(Term* s) {
    Term w = *s;
    if (is_header(w)) return s + 1 + raw_prefix_words(s);
    if (is_pointer(w)) *s = evacuate<Full>(w);
    return s + 1;
  }
};

// Copies everything live into `block` (and, minor, onto the old heap); the stack has been
// copied to new_stop already.
//
// The remembered slots: set_tuple_element writes into a tuple that setelement has just made,
// and a collection may fall between the two (after the BIF), leaving a mature tuple that points
// at a younger term. Promoting the tuple would then make an old-to-young pointer. Such slots,
// found while scanning what this collection promoted, are remembered and serve as roots of the
// next minor collection (which promotes their targets: they are mature by then).
template <bool Full>
void Process::GcRun::trace(Term* x, unsigned live, Term* block, Term* new_stop, Term* block_end,
                           Term* old_scan, std::vector<Term*>& remembered, Process& p) {
  GcRun& g = *this;
  for (unsigned i = 0; i < live; ++i) x[i] = g.evacuate<Full>(x[i]);
  for (Term* s = new_stop; s < block_end; ++s)
    if (is_pointer(*s)) *s = g.evacuate<Full>(*s);  // return addresses and catches stay
  p.for_each_extra_root([&g](Term& t) { t = g.evacuate<Full>(t); });

  const size_t block_bytes = size_t(block_end - block) * sizeof(Term);
  auto points_young = [&](Term v) { return is_pointer(v) && within(pointee(v), block, block_bytes); };
  if (!Full) {
    std::vector<Term*> slots;
    slots.swap(remembered);
    for (Term* slot : slots) {
      *slot = g.evacuate<false>(*slot);
      if (points_young(*slot)) remembered.push_back(slot);
    }
  } else {
    remembered.clear();
  }

  // Cheney: [ys, ytop) and [os, otop) are copied but not yet scanned.
  Term* ys = block;
  Term* os = old_scan;
  while (ys < g.ytop || (!Full && os < g.otop)) {
    while (ys < g.ytop) ys = g.scan<Full>(ys);
    if constexpr (!Full) {
      while (os < g.otop) {
        Term* at = os;
        os = g.scan<false>(os);
        if (points_young(*at)) remembered.push_back(at);  // a header never passes
      }
    }
  }
}

// Under gc_stress every allocation point calls collect. Collections not needed for room scan
// the whole stack, so with a deep stack only every (stack / STRESS_STACK_WORDS)-th one is
// done: deep recursion stays linear in time and shallow code is still collected at every point.
constexpr size_t STRESS_STACK_WORDS = 4096;

bool Process::stress_skip(size_t need) {
  if (size_t(stop - htop) < need + STACK_RESERVE) return false;
  if (fragment_words_ >= fragment_room() || bin_vheap_full()) return false;
  size_t k = stack_words() / STRESS_STACK_WORDS;
  return k > 1 && ++cold().stress_calls % k != 0;
}

void Process::collect(size_t need, unsigned live) {
  if (gc_stress_ && stress_skip(need)) return;
  Cold& c = cold();
  bool full = c.minor_since_full >= c.fullsweep_after || c.bin_old_vheap > c.bin_old_vheap_limit;
  size_t mature = size_t(c.high_water - heap_start);
  if (!full && mature > 0) {
    if (c.old_start == nullptr) {
      // Somewhat larger than needed now, as ERTS: fewer full sweeps.
      size_t size = next_heap_size(heap_used() + fragment_words_, 1);
      c.old_start = c.old_top = new_block(size);
      c.old_end = c.old_start + size;
    } else if (size_t(c.old_end - c.old_top) < mature) {
      full = true;
    }
  }
  collect_as(full, need, live);
}

void Process::collect_major(size_t need, unsigned live) { collect_as(true, need, live); }

// The size of the block a collection copies into: whatever can survive into it, the stack and
// `need`, so the copy is done once. Of the fragments only the terms can survive, not the
// headers of the adopted message blocks.
Process::NewHeapSize Process::new_heap_size(bool full, size_t need) {
  Cold& c = cold();
  const size_t young_used = heap_used(), old_size = heap_words();
  size_t fragment_terms = fragment_words_ - fragment_headers_;
  size_t bound = (full ? young_used + old_heap_used() : size_t(htop - c.high_water)) + fragment_terms +
                 stack_words() + need + STACK_RESERVE;
  NewHeapSize s;
  s.words = std::max(c.min_heap_size, next_heap_size(bound));
  if (!full) s.words = std::max(s.words, old_size);
  // A minor collection that grows the heap only because the fragments' terms might all survive.
  s.grown_for_fragments = !full && s.words > old_size && next_heap_size(bound - fragment_terms) <= old_size;
  s.grow = c.heap_grow;
  if (s.grow) {
    if (s.words <= old_size) s.words = next_heap_size(old_size, 1);
    c.heap_grow = false;
  }
  return s;
}

void Process::collect_as(bool full, size_t need, unsigned live) {
  Cold& c = cold();
  if (live > MAX_X_REGS) live = MAX_X_REGS;
  const size_t stack_n = stack_words();
  const size_t young_used = heap_used();
  const size_t old_used = old_heap_used();
  const size_t before = young_used + fragment_words_ + (full ? old_used : 0);
  const size_t old_size = heap_words();

  const NewHeapSize size = new_heap_size(full, need);
  Term* block = new_block(size.words);
  Term* block_end = block + size.words;
  Term* new_stop = block_end - stack_n;
  std::memcpy(new_stop, stop, stack_n * sizeof(Term));

  std::sort(fragments_.begin(), fragments_.end(),
            [](const Fragment& a, const Fragment& b) { return a.block < b.block; });
  GcRun g;
  g.young_lo = heap_start;
  g.young_bytes = young_used * sizeof(Term);
  g.mature_hi = c.high_water;
  g.old_lo = full ? c.old_start : nullptr;
  g.old_bytes = full ? old_used * sizeof(Term) : 0;
  g.frags = fragments_.data();
  g.nfrags = fragments_.size();
  g.frag_lo = fragments_.empty() ? nullptr : fragments_.front().block;
  g.frag_hi = fragments_.empty() ? nullptr : fragments_.back().block + fragments_.back().used;
  g.ytop = block;
  g.otop = c.old_top;
  Term* const old_top_before = c.old_top;
  if (full)
    g.trace<true>(x, live, block, new_stop, block_end, nullptr, c.remembered, *this);
  else
    g.trace<false>(x, live, block, new_stop, block_end, c.old_top, c.remembered, *this);

  sweep_off_heap(full);
  free_from_space(full, young_used, old_used);
  heap_start = block;
  htop = g.ytop;
  heap_end = block_end;
  stop = new_stop;
  c.high_water = htop;
  size_t promoted = 0;
  if (full) {
    c.old_start = c.old_top = c.old_end = nullptr;
    c.minor_since_full = 0;
  } else {
    promoted = size_t(g.otop - old_top_before);
    c.old_top = g.otop;
    ++c.minor_since_full;
  }
  ++c.collections;
  c.words_reclaimed += before - (heap_used() + promoted);
  vm_.count_gc(before - (heap_used() + promoted));
  resize_after_collection(full, need, live, old_size, size);
  c.heap_bytes = alloc_size(heap_words() * sizeof(Term)) + (c.old_start ? alloc_size(old_heap_words() * sizeof(Term)) : 0);
  after_collection();
}

// The off-heap binaries after the copy: a copied handle's old header forwards to its copy,
// which goes on the young list (or the old one, when a minor collection promoted it); the blob
// of a handle that was not copied loses its reference.
void Process::sweep_off_heap(bool full) {
  Cold& c = cold();
  Term* young_list = nullptr;
  size_t young_vheap = 0;
  auto sweep = [&](Term* h) {
    while (h != nullptr) {
      Term* next = refc_next(h);
      if (is_boxed(h[0])) {
        Term* n = boxed_ptr(h[0]);
        size_t bytes = refc_blob(n)->capacity;
        if (!full && within(n, c.old_start, old_heap_words() * sizeof(Term))) {
          n[4] = reinterpret_cast<Word>(c.old_off_heap);
          c.old_off_heap = n;
          c.bin_old_vheap += bytes;
        } else {
          n[4] = reinterpret_cast<Word>(young_list);
          young_list = n;
          young_vheap += bytes;
        }
      } else {
        blob_release(refc_blob(h));
      }
      h = next;
    }
  };
  sweep(off_heap);
  if (full) {
    sweep(c.old_off_heap);
    c.old_off_heap = nullptr;
    c.bin_old_vheap = 0;
    c.bin_old_vheap_limit = next_vheap_limit(young_vheap, c.bin_old_vheap_limit);
  }
  off_heap = young_list;
  bin_vheap = young_vheap;
  bin_vheap_limit = next_vheap_limit(young_vheap, bin_vheap_limit);
}

// Frees from-space: the young block, the fragments and, after a full sweep, the old heap. Under
// gc_stress the old words are poisoned first, so a pointer the collector failed to update reads
// garbage rather than stale terms.
void Process::free_from_space(bool full, size_t young_used, size_t old_used) {
  Cold& c = cold();
  if (gc_stress_) {
    std::memset(heap_start, 0xDB, young_used * sizeof(Term));
    for (const Fragment& f : fragments_) std::memset(f.block, 0xDB, f.used * sizeof(Term));
    if (full && c.old_start != nullptr) std::memset(c.old_start, 0xDB, old_used * sizeof(Term));
  }
  for (const Fragment& f : fragments_) block_free(f.block);
  fragments_.clear();
  c.spill_top = c.spill_end = nullptr;
  c.spill_words = c.spill_block_words = 0;
  fragment_words_ = 0;
  fragment_headers_ = 0;
  block_free(heap_start);
  if (full) block_free(c.old_start);
}

// Resizes the young heap as ERTS does after each kind of collection.
void Process::resize_after_collection(bool full, size_t need, unsigned live, size_t old_size, const NewHeapSize& made) {
  Cold& c = cold();
  const size_t size = heap_words();
  const size_t need_after = heap_used() + stack_words() + need + STACK_RESERVE;
  if (!full) {
    // Promotion often leaves a large young heap nearly empty: shrink it, but not far below an
    // eighth of the old heap.
    if (size > 3000 && 4 * need_after < size && (size > 8000 || size > old_heap_words())) {
      size_t wanted = 3 * need_after;
      if (wanted * 9 < old_heap_words()) wanted = std::max(wanted, old_heap_words() / 8);
      wanted = std::max(c.min_heap_size, next_heap_size(wanted));
      if (wanted < size) move_young(wanted, live);
    } else if (made.grown_for_fragments && !made.grow && 4 * need_after <= 3 * old_size) {
      // The block was sized for every fragment term surviving; far fewer did, and the old
      // size still has a quarter free: stay there rather than grow on the fragments' account.
      move_young(old_size, live);
    }
  } else if (3 * size < 4 * need_after) {
    c.heap_grow = true;  // over 75% full: the next collection grows it
  } else if (4 * need_after < size && size > c.min_heap_size) {
    size_t wanted = std::max(c.min_heap_size, next_heap_size(2 * need_after));
    if (wanted < size) move_young(wanted, live);
  }
}

// The fragment words at which a collection becomes due: the young heap's free room, at least
// FRAGMENT_GC_MIN_WORDS.
size_t Process::fragment_room() const {
  return std::max(FRAGMENT_GC_MIN_WORDS, size_t(stop - htop));
}

void Process::after_collection() {
  fragment_limit_ = gc_stress_ ? 0 : uint32_t(std::min(fragment_room(), size_t(UINT32_MAX)));
  if (cold_ && cold_->max_heap_size != 0 && total_heap_size() > cold_->max_heap_size) max_heap_exceeded = true;
  // A sandbox's heap limit goes the same way; max_heap_exceeded() tells the two apart.
  if (cold_ && cold_->sandbox && cold_->sandbox->max_heap_words != 0 &&
      total_heap_size() > cold_->sandbox->max_heap_words)
    max_heap_exceeded = true;
}

// Moves the young heap and stack into a block of new_words words, offsetting every pointer into
// the heap: the heap itself, stack, live X registers, extra roots, remembered slots and the
// young off-heap list. Only without fragments (which could point here): the old heap does not.
void Process::move_young(size_t new_words, unsigned live) {
  Cold& c = cold();
  const size_t used = heap_used(), stack_n = stack_words();
  Term* nb = new_block(new_words);
  std::memcpy(nb, heap_start, used * sizeof(Term));
  Term* nstop = nb + new_words - stack_n;
  std::memcpy(nstop, stop, stack_n * sizeof(Term));
  const Term* lo = heap_start;
  const size_t bytes = used * sizeof(Term);
  const Word delta = Word(reinterpret_cast<uintptr_t>(nb) - reinterpret_cast<uintptr_t>(heap_start));
  auto fix = [&](Term& t) {
    if (is_pointer(t) && within(pointee(t), lo, bytes)) t += delta;
  };
  for (Term* s = nb; s < nb + used;) {
    if (is_header(*s)) {
      s += 1 + raw_prefix_words(s);
      continue;
    }
    fix(*s++);
  }
  for (Term* s = nstop; s < nb + new_words; ++s) fix(*s);
  for (unsigned i = 0; i < std::min(live, MAX_X_REGS); ++i) fix(x[i]);
  for_each_extra_root(fix);
  for (Term* slot : c.remembered) fix(*slot);
  auto fix_raw = [&](Term* h) { return within(h, lo, bytes) ? reinterpret_cast<Term*>(reinterpret_cast<uintptr_t>(h) + delta) : h; };
  off_heap = fix_raw(off_heap);
  for (Term* h = off_heap; h != nullptr; h = refc_next(h)) h[4] = reinterpret_cast<Word>(fix_raw(refc_next(h)));
  c.high_water = nb + (c.high_water - heap_start);
  block_free(heap_start);
  heap_start = nb;
  htop = nb + used;
  heap_end = nb + new_words;
  stop = nstop;
  c.heap_bytes = alloc_size(new_words * sizeof(Term)) + (c.old_start ? alloc_size(old_heap_words() * sizeof(Term)) : 0);
}

void Process::set_min_heap_size(size_t words, unsigned live) {
  size_t size = next_heap_size(std::max(words, MIN_HEAP_WORDS));
  if (!cold_ && size == MIN_HEAP_WORDS) return;  // the default, and the heap is still the first
  Cold& c = cold();
  c.min_heap_size = size;
  if (heap_words() >= size) return;
  if (fragments_.empty())
    move_young(size, live);
  else
    collect_major(0, live);  // fragments may point into the heap: move by tracing
  after_collection();
}

// ---- checking -----------------------------------------------------------------------------------

bool Process::verify_heap(unsigned live, const char** problem) {
  const char* bad = nullptr;
  auto fail = [&](const char* why) {
    if (bad == nullptr) bad = why;
  };
  std::vector<Fragment> frags(fragments_.begin(), fragments_.end());
  static const std::vector<Term*> none;
  const std::vector<Term*>& remembered = cold_ ? cold_->remembered : none;
  Term* const old_start = cold_ ? cold_->old_start : nullptr;
  Term* const old_top = cold_ ? cold_->old_top : nullptr;
  Term* const old_end = cold_ ? cold_->old_end : nullptr;
  Term* const old_off_heap = cold_ ? cold_->old_off_heap : nullptr;
  std::sort(frags.begin(), frags.end(), [](const Fragment& a, const Fragment& b) { return a.block < b.block; });
  auto in_frag = [&](const Term* q) {
    for (const Fragment& f : frags)
      if (q >= f.block && q < f.block + f.used) return true;
    return false;
  };
  // 0 outside, 1 young or fragment, 2 old; faults for the unused parts.
  auto where = [&](Term t) {
    const Term* q = pointee(t);
    if (q >= heap_start && q < heap_end) {
      if (q >= htop) fail("pointer past the young heap's top");
      return 1;
    }
    if (old_start != nullptr && q >= old_start && q < old_end) {
      if (q >= old_top) fail("pointer past the old heap's top");
      return 2;
    }
    return in_frag(q) ? 1 : 0;
  };
  auto walk = [&](Term* from, Term* to, bool old) {
    for (Term* s = from; s < to;) {
      Term w = *s;
      if (is_header(w)) {
        s += 1 + raw_prefix_words(s);
        if (s > to) fail("an object runs past its heap's top");
        continue;
      }
      if (is_pointer(w) && where(w) == 1 && old &&
          std::find(remembered.begin(), remembered.end(), s) == remembered.end())
        fail("an old term points into the young generation");
      ++s;
    }
  };
  walk(heap_start, htop, false);
  walk(old_start, old_top, true);
  for (Term* s = stop; s < heap_end; ++s)
    if (is_pointer(*s)) where(*s);
  for (unsigned i = 0; i < std::min(live, MAX_X_REGS); ++i)
    if (is_pointer(x[i])) where(x[i]);
  for_each_extra_root([&](Term& t) {
    if (is_pointer(t)) where(t);
  });
  for (Term* h = off_heap; h != nullptr; h = refc_next(h)) {
    if (header_subtag(h[0]) != Subtag::RefcBin || !is_header(h[0])) fail("young off-heap list: not a handle");
    if (!(h >= heap_start && h < htop) && !in_frag(h)) fail("young off-heap list: handle outside the young generation");
  }
  for (Term* h = old_off_heap; h != nullptr; h = refc_next(h)) {
    if (header_subtag(h[0]) != Subtag::RefcBin || !is_header(h[0])) fail("old off-heap list: not a handle");
    if (!in_old_heap(h)) fail("old off-heap list: handle outside the old heap");
  }
  if (high_water() < heap_start || high_water() > htop) fail("high-water mark outside the heap");
  if (problem != nullptr) *problem = bad;
  return bad == nullptr;
}

// ---- exceptions -------------------------------------------------------------------------------

Term Process::bif_error(Term reason) {
  raise(ExcKind::Error, reason);
  exc_bif_frame = true;
  return NON_VALUE;
}

Term Process::raise(ExcKind kind, Term reason) { return raise_with_trace(kind, reason, NON_VALUE); }

Term Process::raise_with_trace(ExcKind kind, Term reason, Term trace) {
  exc_kind = kind;
  exc_reason = reason;
  exc_trace = trace;
  exc_bif_frame = false;
  exc_pc_extra = NON_VALUE;
  if (cold_) cold_->exc_pc_args = NON_VALUE;
  return NON_VALUE;
}

Term Process::halt(int status) {
  exc_kind = ExcKind::Halt;
  cold().halt_status = status;
  exc_reason = NON_VALUE;
  exc_bif_frame = false;
  exc_pc_extra = NON_VALUE;
  if (cold_) cold_->exc_pc_args = NON_VALUE;
  return NON_VALUE;
}

Term exc_class_atom(ExcKind k) {
  switch (k) {
    case ExcKind::Exit: return atom::exit;
    case ExcKind::Throw: return atom::throw_;
    default: return atom::error;
  }
}

}  // namespace beamrun
