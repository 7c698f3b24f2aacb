// atom_text.h - which atoms can be written without quotes: Erlang's reserved words and the
// Latin-1 letters of an unquoted atom. Shared by the printers and the term-literal parser.
#pragma once
#include <cstdint>
#include <string_view>

namespace beamrun {

inline bool is_reserved_word(std::string_view w) {
  static constexpr std::string_view words[] = {
      "after", "and",  "andalso", "band", "begin", "bnot",   "bor",     "bsl", "bsr",
      "bxor",  "case", "catch",   "cond", "div",   "end",    "fun",     "if",  "let",
      "not",   "of",   "or",      "orelse", "receive", "rem", "try",   "when", "xor"};
  for (std::string_view r : words)
    if (r == w) return true;
  return false;
}

// A Latin-1 lower-case letter: what an unquoted atom starts with.
inline bool atom_start_char(uint32_t c) { return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7); }

// A letter, digit or underscore: what may follow. ('@' may too, in source and in ~p, but
// erlang:display quotes atoms that contain it.)
inline bool atom_name_char(uint32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         (c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7);
}

}  // namespace beamrun
