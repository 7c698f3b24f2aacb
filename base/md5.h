// md5.h - MD5 (RFC 1321): module_info(md5) in the loader and erlang:md5/1. Allocation-free.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace beamrun {

class Md5 {
 public:
  void update(const uint8_t* p, size_t n) {
    length_ += n;
    while (n > 0) {
      size_t take = std::min(n, size_t(64) - fill_);
      std::memcpy(buf_ + fill_, p, take);
      fill_ += take;
      p += take;
      n -= take;
      if (fill_ == 64) {
        block(buf_);
        fill_ = 0;
      }
    }
  }

  void finish(uint8_t out[16]) {
    uint64_t bits = length_ * 8;
    static const uint8_t pad[64] = {0x80};
    size_t pad_len = fill_ < 56 ? 56 - fill_ : 120 - fill_;
    update(pad, pad_len);
    uint8_t len_le[8];
    for (int i = 0; i < 8; i++) len_le[i] = uint8_t(bits >> (8 * i));
    update(len_le, 8);
    for (int i = 0; i < 4; i++)
      for (int k = 0; k < 4; k++) out[4 * i + k] = uint8_t(state_[i] >> (8 * k));
  }

 private:
  static uint32_t rotl(uint32_t x, int c) { return (x << c) | (x >> (32 - c)); }

  // K[i] = floor(|sin(i + 1)| * 2^32), exact in IEEE double arithmetic.
  static const uint32_t* constants() {
    static const struct Table {
      uint32_t k[64];
      Table() {
        for (int i = 0; i < 64; i++) k[i] = uint32_t(std::floor(std::fabs(std::sin(double(i + 1))) * 4294967296.0));
      }
    } table;
    return table.k;
  }

  void block(const uint8_t* p) {
    static const int shift[4][4] = {{7, 12, 17, 22}, {5, 9, 14, 20}, {4, 11, 16, 23}, {6, 10, 15, 21}};
    const uint32_t* K = constants();
    uint32_t m[16];
    for (int i = 0; i < 16; i++)
      m[i] = uint32_t(p[4 * i]) | uint32_t(p[4 * i + 1]) << 8 | uint32_t(p[4 * i + 2]) << 16 | uint32_t(p[4 * i + 3]) << 24;
    uint32_t a = state_[0], b = state_[1], c = state_[2], d = state_[3];
    for (int i = 0; i < 64; i++) {
      uint32_t f;
      int g;
      switch (i / 16) {
        case 0: f = (b & c) | (~b & d); g = i; break;
        case 1: f = (d & b) | (~d & c); g = (5 * i + 1) % 16; break;
        case 2: f = b ^ c ^ d; g = (3 * i + 5) % 16; break;
        default: f = c ^ (b | ~d); g = (7 * i) % 16; break;
      }
      uint32_t next = b + rotl(a + f + K[i] + m[g], shift[i / 16][i % 4]);
      a = d;
      d = c;
      c = b;
      b = next;
    }
    state_[0] += a;
    state_[1] += b;
    state_[2] += c;
    state_[3] += d;
  }

  uint32_t state_[4] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
  uint8_t buf_[64] = {};
  size_t fill_ = 0;
  uint64_t length_ = 0;
};

}  // namespace beamrun
