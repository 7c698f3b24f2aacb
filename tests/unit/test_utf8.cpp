// test_utf8.cpp - the one UTF-8 decoder (term/utf8.h) and its strictness levels.
#include <gtest/gtest.h>

#include <string>

#include "term/utf8.h"

namespace beamrun {
namespace {

// decode_utf8 over the bytes of `s`: the length it returns, and the code point when it is one.
size_t decode(const std::string& s, uint32_t* cp, Utf8Check check = Utf8Check::Strict) {
  *cp = 0xFFFFFFFF;
  return decode_utf8(reinterpret_cast<const uint8_t*>(s.data()), s.size(), cp, check);
}

TEST(Utf8, DecodesWhatTheEncoderWrites) {
  for (uint32_t cp : {0x0u, 0x41u, 0x7Fu, 0x80u, 0xE9u, 0x7FFu, 0x800u, 0xFFFDu, 0xFFFFu, 0x10000u, 0x10FFFFu}) {
    std::string s;
    append_utf8(s, cp);
    uint32_t got;
    EXPECT_EQ(decode(s, &got), s.size()) << cp;
    EXPECT_EQ(got, cp);
  }
}

TEST(Utf8, StrictRefusesOverlongsSurrogatesAndTooLarge) {
  uint32_t cp;
  for (const char* bad : {"\xC0\x80", "\xC1\xBF", "\xE0\x80\x80", "\xF0\x80\x80\x80", "\xED\xA0\x80",
                          "\xF4\x90\x80\x80", "\xF7\xBF\xBF\xBF"}) {
    EXPECT_EQ(decode(bad, &cp), 0u) << bad;
    EXPECT_GT(decode(bad, &cp, Utf8Check::Shape), 1u) << bad;  // the shape is right
  }
  EXPECT_EQ(decode("\xED\xA0\x80", &cp, Utf8Check::Shape), 3u);
  EXPECT_EQ(cp, 0xD800u);
}

TEST(Utf8, MalformedAndTruncated) {
  uint32_t cp;
  for (const char* bad : {"\x80", "\xBF", "\xF8\x80\x80\x80", "\xFF", "\xC3" "A", "\xE2\x82" "A"}) {
    EXPECT_EQ(decode(bad, &cp), 0u) << bad;
    EXPECT_EQ(decode(bad, &cp, Utf8Check::Shape), 0u) << bad;
  }
  // Cut short with the right shape so far: truncated, whatever the whole would have been.
  for (const char* cut : {"\xC3", "\xE2\x82", "\xF0\x9F\x98", "\xE0\x80", "\xF5\x80"})
    EXPECT_EQ(decode(cut, &cp), UTF8_TRUNCATED) << cut;
}

TEST(Utf8, LengthCountsCharactersOfStrictText) {
  std::string s = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";
  EXPECT_EQ(utf8_length(reinterpret_cast<const uint8_t*>(s.data()), s.size()), 4u);
  std::string bad = "a\xED\xA0\x80";
  EXPECT_EQ(utf8_length(reinterpret_cast<const uint8_t*>(bad.data()), bad.size()), SIZE_MAX);
  EXPECT_EQ(utf8_length(nullptr, 0), 0u);
}

}  // namespace
}  // namespace beamrun
