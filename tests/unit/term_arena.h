// term_arena.h - building terms outside any process, for the unit tests and the
// micro-benchmarks (bench/micro): an arena of words, and a 2-tuple on any word allocator.
// No GoogleTest here, so the benchmarks can include it.
#pragma once
#include <cstring>
#include <memory>
#include <vector>

#include "term/term.h"

namespace beamrun::test {

// Words that live as long as the arena. Fresh words are filled with a poison pattern, so a
// constructor that leaves a word unset is caught rather than reading a lucky zero.
class Arena final : public WordAllocator {
 public:
  Term* alloc_words(size_t n) override {
    size_t words = n ? n : 1;
    blocks_.emplace_back(new Term[words]);
    std::memset(blocks_.back().get(), 0xAB, words * sizeof(Term));
    return blocks_.back().get();
  }

 private:
  std::vector<std::unique_ptr<Term[]>> blocks_;
};

// {A, B}, built with `a`'s words (an Arena, or a Process's heap).
inline Term tuple2(WordAllocator& a, Term x, Term y) {
  Term* t = a.alloc_words(3);
  t[0] = make_tuple_header(2);
  t[1] = x;
  t[2] = y;
  return make_boxed(t);
}

}  // namespace beamrun::test
