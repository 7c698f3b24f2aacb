// copy.cpp - a work-stack copy: each step copies one object's words and queues its term slots.
#include "vm/copy.h"

#include <cstring>
#include <utility>
#include <vector>

#include "vm/binary.h"

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

}  // namespace beamrun
