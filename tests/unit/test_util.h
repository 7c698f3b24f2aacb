// test_util.h - helpers shared by the unit tests: the term arena (term_arena.h), and reading
// the data files that scripts in data/ record from erl.
#pragma once
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "term/term.h"
#include "tests/unit/term_arena.h"

namespace beamrun::test {

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
