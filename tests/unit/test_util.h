// test_util.h - helpers shared by the unit tests: a term arena, and reading the data files
// that scripts in data/ record from erl.
#pragma once
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "vm/term.h"

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

// tests/unit/data/NAME
inline std::string data_path(const char* name) {
  std::string here = __FILE__;
  return here.substr(0, here.find_last_of('/')) + "/data/" + name;
}

// Bytes written as hex digits, two per byte.
inline std::string unhex(const std::string& h) {
  std::string out;
  for (size_t i = 0; i + 1 < h.size(); i += 2) out += char(std::stoi(h.substr(i, 2), nullptr, 16));
  return out;
}
inline std::vector<uint8_t> unhex_bytes(const std::string& h) {
  std::string s = unhex(h);
  return std::vector<uint8_t>(s.begin(), s.end());
}

// One tab-separated line, empty fields kept.
inline std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> fields;
  size_t start = 0;
  for (;;) {
    size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) return fields;
    start = tab + 1;
  }
}

inline std::vector<std::vector<std::string>> read_tsv(const char* name) {
  std::ifstream in(data_path(name), std::ios::binary);
  EXPECT_TRUE(in.good()) << "missing " << data_path(name);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) rows.push_back(split_tabs(line));
  return rows;
}

}  // namespace beamrun::test
