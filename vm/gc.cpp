// gc.cpp - the process heap: allocation, fragments, and a copying (Cheney) collection.
//
// A collection copies everything reachable from the roots (live X registers, the stack) out
// of the old block and the fragments into a new block, then frees them. Terms outside the
// process's own memory (module literals) are left where they are. The new block's size keeps
// about as much free space as live data, so collection cost stays proportional to allocation.
//
// Off-heap binaries: after the copy, the process's list of RefcBin handles is rebuilt from the
// handles that were copied (their old header now forwards to the copy); the blobs of the rest
// are released, so a process that drops a big binary frees it at its next collection.
#include <mimalloc.h>

#include <algorithm>
#include <cstring>
#include <new>

#include "vm/binary.h"
#include "vm/export.h"
#include "vm/process.h"
#include "vm/vm.h"

namespace beamrun {

namespace {

Term* new_block(size_t words) {
  void* p = mi_malloc(words * sizeof(Term));
  if (p == nullptr) throw std::bad_alloc();
  return static_cast<Term*>(p);
}

}  // namespace

Process::Process(VM& vm, uint64_t serial, RegisterFile* regs) : vm_(vm), serial_(serial) {
  if (regs == nullptr) {
    own_regs_ = std::make_unique<RegisterFile>();
    regs = own_regs_.get();
    std::fill(regs->x, regs->x + MAX_X_REGS, NIL);
  }
  set_registers(regs);
  heap_start = new_block(MIN_HEAP_WORDS);
  heap_end = heap_start + MIN_HEAP_WORDS;
  htop = heap_start;
  stop = heap_end;
  bin_vheap_limit = BIN_VHEAP_MIN_BYTES;
}

Process::~Process() {
  for (const Adopted& f : adopted_) mi_free(f.block);
  for (Term* h = off_heap; h != nullptr;) {
    Term* next = refc_next(h);
    blob_release(refc_blob(h));
    h = next;
  }
  mi_free(heap_start);
}

void Process::adopt_fragment(Term* block, size_t words, Term* off_heap_chain, size_t vheap_bytes) {
  adopted_.push_back(Adopted{block, words});
  fragment_words_ += words;
  if (off_heap_chain != nullptr) {
    Term* last = off_heap_chain;
    while (refc_next(last) != nullptr) last = refc_next(last);
    last[4] = reinterpret_cast<Word>(off_heap);
    off_heap = off_heap_chain;
  }
  bin_vheap += vheap_bytes;
}

Term* Process::alloc_words(size_t n) {
  if (size_t(stop - htop) >= n + STACK_RESERVE) {
    Term* p = htop;
    htop += n;
    return p;
  }
  if (fragments_.empty() || fragments_.back().size - fragments_.back().used < n) {
    size_t size = std::max({n, size_t(1024), fragment_words_});
    fragments_.push_back(Fragment{std::unique_ptr<Term[]>(new Term[size]), size, 0});
  }
  Fragment& f = fragments_.back();
  Term* p = f.words.get() + f.used;
  f.used += n;
  fragment_words_ += n;
  return p;
}

bool Process::in_young(const Term* p) const {
  if (p >= heap_start && p < htop) return true;
  for (const Adopted& f : adopted_)
    if (p >= f.block && p < f.block + f.words) return true;
  for (const Fragment& f : fragments_)
    if (p >= f.words.get() && p < f.words.get() + f.used) return true;
  return false;
}

// Copies the live data into `block` (heap from its start, stack at its end) and installs it.
void Process::copy_into(Term* block, size_t block_words, unsigned live) {
  size_t stack_n = stack_words();
  Term* to = block;
  Term* new_stop = block + block_words - stack_n;
  std::memcpy(new_stop, stop, stack_n * sizeof(Term));

  // Moves one term's target into to-space (if it is ours) and returns its new value.
  auto evacuate = [&](Term t) -> Term {
    if (is_list(t)) {
      Term* c = list_ptr(t);
      if (!in_young(c)) return t;
      if (c[0] == NON_VALUE) return c[1];  // already moved: cdr holds the forward
      Term* n = to;
      to += 2;
      n[0] = c[0];
      n[1] = c[1];
      c[0] = NON_VALUE;
      c[1] = make_list(n);
      return make_list(n);
    }
    if (is_boxed(t)) {
      Term* b = boxed_ptr(t);
      if (!in_young(b)) return t;
      Term hdr = b[0];
      if (is_boxed(hdr)) return hdr;  // already moved: the header holds the forward
      size_t n = header_arity(hdr) + 1;
      Term* nb = to;
      to += n;
      std::memcpy(nb, b, n * sizeof(Term));
      b[0] = make_boxed(nb);
      return make_boxed(nb);
    }
    return t;
  };

  for (unsigned i = 0; i < live; ++i) x[i] = evacuate(x[i]);
  for_each_extra_root([&](Term& t) { t = evacuate(t); });
  for (Term* s = new_stop; s < block + block_words; ++s) {
    Term w = *s;
    if (is_list(w) || is_boxed(w)) *s = evacuate(w);  // return addresses and catches stay
  }
  // Cheney scan: everything between scan and `to` has been copied but not yet scanned.
  for (Term* scan = block; scan < to;) {
    Term w = *scan;
    if (is_header(w)) {
      scan += 1 + raw_prefix_words(scan);
      continue;
    }
    *scan = evacuate(w);
    ++scan;
  }

  // Keep the handles that were copied (their old header forwards to the copy), release the rest.
  Term* kept = nullptr;
  size_t vheap = 0;
  for (Term* h = off_heap; h != nullptr;) {
    Term* next = refc_next(h);
    if (is_boxed(h[0])) {
      Term* n = boxed_ptr(h[0]);
      n[4] = reinterpret_cast<Word>(kept);
      kept = n;
      vheap += refc_blob(n)->capacity;
    } else {
      blob_release(refc_blob(h));
    }
    h = next;
  }
  off_heap = kept;
  bin_vheap = vheap;
  bin_vheap_limit = std::max(BIN_VHEAP_MIN_BYTES, 2 * vheap);

  for (const Adopted& f : adopted_) mi_free(f.block);
  adopted_.clear();
  mi_free(heap_start);
  fragments_.clear();
  fragment_words_ = 0;
  heap_start = block;
  htop = to;
  heap_end = block + block_words;
  stop = new_stop;
  ++collections_;
}

void Process::collect(size_t need, unsigned live) {
  if (live > MAX_X_REGS) live = MAX_X_REGS;
  size_t stack_n = stack_words();
  // First copy: a block that surely holds everything.
  size_t bound = heap_used() + fragment_words_ + stack_n + need + STACK_RESERVE;
  size_t size = std::max(MIN_HEAP_WORDS, bound);
  copy_into(new_block(size), size, live);
  // Then fit the block to the live data: about as much free space as live data.
  size_t live_words = heap_used() + stack_n + need + STACK_RESERVE;
  size_t want = std::max(MIN_HEAP_WORDS, 2 * live_words);
  if (want > size || size > 4 * want) copy_into(new_block(want), want, live);
}

Term Process::bif_error(Term reason) {
  exc_kind = ExcKind::Error;
  exc_reason = reason;
  exc_trace = NON_VALUE;
  exc_bif_frame = true;
  exc_pc_args = exc_pc_extra = NON_VALUE;
  return NON_VALUE;
}

Term Process::raise(ExcKind kind, Term reason) {
  exc_kind = kind;
  exc_reason = reason;
  exc_trace = NON_VALUE;
  exc_bif_frame = false;
  exc_pc_args = exc_pc_extra = NON_VALUE;
  return NON_VALUE;
}

Term Process::raise_with_trace(ExcKind kind, Term reason, Term trace) {
  exc_kind = kind;
  exc_reason = reason;
  exc_trace = trace;
  exc_bif_frame = false;
  exc_pc_args = exc_pc_extra = NON_VALUE;
  return NON_VALUE;
}

Term Process::halt(int status) {
  exc_kind = ExcKind::Halt;
  halt_status = status;
  exc_reason = NON_VALUE;
  exc_bif_frame = false;
  exc_pc_args = exc_pc_extra = NON_VALUE;
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
