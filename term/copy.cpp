// copy.cpp - a work-stack copy: each step copies one object's words and queues its term slots.
#include "term/copy.h"

#include <algorithm>
#include <cstring>
#include <utility>
#include <vector>

#include "term/binary.h"

namespace beamrun {

Term copy_term_standalone(Term t, WordAllocator& a) {
  Term result = NON_VALUE;
  std::vector<std::pair<Term, Term*>> work{{t, &result}};
  std::vector<uint8_t> bits;
  while (!work.empty()) {
    auto [src, slot] = work.back();
    work.pop_back();
    // A list is copied cell by cell along its tail without queueing the tail.
    while (is_list(src)) {
      Term* cell = a.alloc_words(2);
      *slot = make_list(cell);
      work.push_back({car(src), &cell[0]});
      slot = &cell[1];
      src = cdr(src);
    }
    if (!is_boxed(src)) {
      *slot = src;
      continue;
    }
    Term orig;
    Uint offset, size;
    if (bits_of(src, &orig, &offset, &size)) {
      bits.assign((size + 7) / 8, 0);
      if (size) copy_bits(bits.data(), 0, orig_bytes(orig), offset, size);
      *slot = make_bitstring(a, bits.data(), size);
      continue;
    }
    const Term* obj = boxed_ptr(src);
    Uint n = header_arity(obj[0]) + 1;
    Term* dst = a.alloc_words(n);
    std::memcpy(dst, obj, n * sizeof(Term));
    *slot = make_boxed(dst);
    for (Uint i = 1 + raw_prefix_words(obj); i < n; ++i) work.push_back({obj[i], &dst[i]});
  }
  return result;
}

namespace {

// A writable (append) blob about to be shared stops being writable, and gives back its spare
// room while the sender still holds the only reference (as ERTS does): the receiver sees a
// binary of its own size. `h` is the sender's handle, updated if the blob moves.
void seal_writable(Term* h) {
  BinaryBlob* b = refc_blob(h);
  if (!(b->flags & BinaryBlob::WRITABLE)) return;
  b->flags &= ~BinaryBlob::WRITABLE;
  if (b->refc.load(std::memory_order_acquire) != 1) return;
  size_t keep = std::max<size_t>(refc_size(h), (b->used_bits + 7) / 8);
  if (keep >= b->capacity) return;
  if (BinaryBlob* nb = blob_realloc(b, keep)) {
    h[2] = reinterpret_cast<Word>(nb);
    h[3] = reinterpret_cast<Word>(nb->data());
  }
}

}  // namespace

size_t term_size_shared(Term t, size_t limit) {
  size_t words = 0;
  std::vector<Term> work{t};
  while (!work.empty()) {
    Term src = work.back();
    work.pop_back();
    while (is_list(src)) {
      if ((words += 2) > limit) return words;
      Term h = car(src);
      if (!is_immed(h)) work.push_back(h);
      src = cdr(src);
    }
    if (!is_boxed(src)) continue;
    const Term* obj = boxed_ptr(src);
    Uint n = header_arity(obj[0]) + 1;
    if ((words += n) > limit) return words;
    if (header_subtag(obj[0]) == Subtag::RefcBin) continue;
    for (Uint i = 1 + raw_prefix_words(obj); i < n; ++i)
      if (!is_immed(obj[i])) work.push_back(obj[i]);
  }
  return words;
}

Term copy_term_shared(Term t, Term** hp, Term** off_heap, size_t* vheap_bytes) {
  Term result = NON_VALUE;
  Term* to = *hp;
  std::vector<std::pair<Term, Term*>> work{{t, &result}};
  while (!work.empty()) {
    auto [src, slot] = work.back();
    work.pop_back();
    while (is_list(src)) {
      Term* cell = to;
      to += 2;
      *slot = make_list(cell);
      Term h = car(src);
      if (is_immed(h)) cell[0] = h;
      else work.push_back({h, &cell[0]});
      slot = &cell[1];
      src = cdr(src);
    }
    if (!is_boxed(src)) {
      *slot = src;
      continue;
    }
    Term* obj = boxed_ptr(src);
    Uint n = header_arity(obj[0]) + 1;
    if (header_subtag(obj[0]) == Subtag::RefcBin) seal_writable(obj);
    Term* dst = to;
    to += n;
    std::memcpy(dst, obj, n * sizeof(Term));
    *slot = make_boxed(dst);
    if (header_subtag(obj[0]) == Subtag::RefcBin) {
      BinaryBlob* blob = refc_blob(dst);
      blob->refc.fetch_add(1, std::memory_order_relaxed);
      dst[4] = reinterpret_cast<Word>(*off_heap);
      *off_heap = dst;
      *vheap_bytes += blob->capacity;
      continue;
    }
    for (Uint i = 1 + raw_prefix_words(obj); i < n; ++i)
      if (!is_immed(obj[i])) work.push_back({obj[i], &dst[i]});
  }
  *hp = to;
  return result;
}

}  // namespace beamrun
