// utf8.h - UTF-8: the encoder and the one decoder, shared by the printers, the parsers, the
// loader and the BIFs. Each caller picks the strictness it needs (decode_utf8).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace beamrun {

// Writes code point cp (at most 0x1FFFFF) as UTF-8 into buf[0..4); returns how many bytes.
inline size_t encode_utf8(uint8_t* buf, uint32_t cp) {
  if (cp < 0x80) {
    buf[0] = uint8_t(cp);
    return 1;
  }
  if (cp < 0x800) {
    buf[0] = uint8_t(0xC0 | (cp >> 6));
    buf[1] = uint8_t(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    buf[0] = uint8_t(0xE0 | (cp >> 12));
    buf[1] = uint8_t(0x80 | ((cp >> 6) & 0x3F));
    buf[2] = uint8_t(0x80 | (cp & 0x3F));
    return 3;
  }
  buf[0] = uint8_t(0xF0 | (cp >> 18));
  buf[1] = uint8_t(0x80 | ((cp >> 12) & 0x3F));
  buf[2] = uint8_t(0x80 | ((cp >> 6) & 0x3F));
  buf[3] = uint8_t(0x80 | (cp & 0x3F));
  return 4;
}

inline void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += char(cp);
    return;
  }
  uint8_t buf[4];
  out.append(reinterpret_cast<const char*>(buf), encode_utf8(buf, cp));
}

// How much decode_utf8 checks beyond the shape of a sequence (a lead byte 0xC0-0xF7 and as
// many continuation bytes 0x80-0xBF as it announces).
enum class Utf8Check : uint8_t {
  Strict,  // also no overlong forms, no surrogates (U+D800-U+DFFF), nothing above U+10FFFF
  Shape,   // the shape only: whatever value the bits spell (printing names as they are)
};

// decode_utf8's result when s[0..n) ends inside a sequence whose bytes so far have its shape
// (unicode:characters_to_list's `incomplete`).
constexpr size_t UTF8_TRUNCATED = ~size_t(0);

// Decodes the character at the start of s[0..n) (n > 0): returns its length in bytes (1 to 4)
// with the code point in *cp; 0 when the bytes there are not one (a stray continuation byte, a
// byte 0xF8-0xFF, a lead byte whose sequence is cut by a byte that is no continuation, or a
// value `check` refuses); UTF8_TRUNCATED when the text ends inside the sequence.
inline size_t decode_utf8(const uint8_t* s, size_t n, uint32_t* cp, Utf8Check check = Utf8Check::Strict) {
  uint8_t c = s[0];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  size_t len;
  uint32_t v;
  if (c < 0xC0) return 0;
  if (c < 0xE0) { len = 2; v = c & 0x1F; }
  else if (c < 0xF0) { len = 3; v = c & 0x0F; }
  else if (c < 0xF8) { len = 4; v = c & 0x07; }
  else return 0;
  for (size_t k = 1; k < len; ++k) {
    if (k == n) return UTF8_TRUNCATED;
    if ((s[k] & 0xC0) != 0x80) return 0;
    v = (v << 6) | (s[k] & 0x3F);
  }
  if (check == Utf8Check::Strict) {
    static constexpr uint32_t min_for_len[] = {0, 0, 0x80, 0x800, 0x10000};
    if (v < min_for_len[len] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
  }
  *cp = v;
  return len;
}

// The number of characters of s[0..n), or SIZE_MAX when it is not strictly valid UTF-8.
inline size_t utf8_length(const uint8_t* s, size_t n) {
  size_t chars = 0;
  for (size_t i = 0; i < n; ++chars) {
    uint32_t cp;
    size_t len = decode_utf8(s + i, n - i, &cp);
    if (len == 0 || len == UTF8_TRUNCATED) return SIZE_MAX;
    i += len;
  }
  return chars;
}

}  // namespace beamrun
