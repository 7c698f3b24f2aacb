#include "text/term_parser.h"
#include "term/utf8.h"
#include "text/atom_text.h"

#include <gmp.h>

#include <algorithm>
#include <charconv>
#include <cctype>
#include <cmath>
#include <cstring>
#include <vector>

#include "term/export.h"
#include "term/map.h"
#include "term/term_order.h"

namespace beamrun {

namespace {

constexpr size_t MAX_ATOM_CHARS = 255;

struct ParseError {
  std::string message;
};

bool is_digit(int c) { return c >= '0' && c <= '9'; }

int digit_value(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}


// Bits written most significant first; the binary must end on a byte boundary.
class BitWriter {
 public:
  void put_bit(int b) {
    if (bits_ % 8 == 0) bytes_.push_back(0);
    if (b) bytes_.back() |= uint8_t(0x80 >> (bits_ % 8));
    bits_++;
  }
  // The low `size` bits of a two's complement integer given as little-endian limbs, sign
  // extended past its last limb.
  void put_int(const std::vector<Uint>& twos, bool negative, Uint size, bool little) {
    auto bit = [&](Uint k) -> int {
      Uint w = k / 64;
      if (w >= twos.size()) return negative;
      return int((twos[w] >> (k % 64)) & 1);
    };
    if (little) {  // whole bytes, least significant byte first
      for (Uint byte = 0; byte < size / 8; byte++)
        for (int k = 7; k >= 0; k--) put_bit(bit(byte * 8 + Uint(k)));
    } else {
      for (Uint k = size; k-- > 0;) put_bit(bit(k));
    }
  }
  Uint bits() const { return bits_; }
  const std::vector<uint8_t>& bytes() const { return bytes_; }

 private:
  std::vector<uint8_t> bytes_;
  Uint bits_ = 0;
};

// An integer literal before it becomes a term: magnitude limbs and sign.
struct BigInt {
  std::vector<Uint> limbs;  // little-endian magnitude, no leading zero limbs (empty = 0)
  bool negative = false;
};

class Parser {
 public:
  Parser(std::string_view text, WordAllocator& alloc, AtomTable& atoms)
      : s_(text), alloc_(alloc), atoms_(atoms) {}

  Term parse();

 private:
  // --- containers under construction (the explicit stack) ---
  enum class Kind { List, Tuple, Map };
  struct Frame {
    Kind kind;
    std::vector<Term> items;  // list/tuple elements; map: key, value, key, value...
    bool in_tail = false;     // list: parsing the term after '|'
    Term tail = NIL;
  };

  [[noreturn]] void fail(const std::string& what) {
    throw ParseError{what + " at offset " + std::to_string(pos_)};
  }

  int peek(size_t ahead = 0) const { return pos_ + ahead < s_.size() ? (unsigned char)s_[pos_ + ahead] : -1; }
  bool at_end() const { return pos_ >= s_.size(); }

  void skip_space() {
    while (!at_end()) {
      int c = peek();
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        pos_++;
      } else if (c == '%') {
        while (!at_end() && peek() != '\n') pos_++;
      } else {
        break;
      }
    }
  }

  bool eat(std::string_view tok) {
    skip_space();
    if (s_.substr(pos_, tok.size()) == tok) {
      pos_ += tok.size();
      return true;
    }
    return false;
  }
  void expect(std::string_view tok) {
    if (!eat(tok)) fail("expected '" + std::string(tok) + "'");
  }

  uint32_t read_utf8();
  uint32_t read_escape();
  std::vector<uint32_t> read_quoted(char quote);
  BigInt read_digits(int base, bool allow_underscore);
  Term parse_number(bool negative);
  Term parse_atom_unquoted();
  Term parse_quoted_atom();
  Term parse_string();
  Term parse_binary();
  Term parse_scalar();

  Term make_int(const BigInt& v);
  Term make_list(const std::vector<Term>& items, Term tail);
  Term make_tuple(const Term* items, size_t n);
  Term make_map(std::vector<Term>& kv);
  Term finish(Frame& f);

  std::string_view s_;
  size_t pos_ = 0;
  WordAllocator& alloc_;
  AtomTable& atoms_;
};

// --- characters ---------------------------------------------------------------------------

uint32_t Parser::read_utf8() {
  if (at_end()) fail("unexpected end of input");
  uint32_t cp;
  size_t len = decode_utf8(reinterpret_cast<const uint8_t*>(s_.data()) + pos_, s_.size() - pos_, &cp);
  if (len == 0 || len == UTF8_TRUNCATED) fail("invalid UTF-8");
  pos_ += len;
  return cp;
}

// After a backslash: Erlang's escape sequences.
uint32_t Parser::read_escape() {
  int c = peek();
  if (c < 0) fail("unexpected end of input in escape");
  if (c >= '0' && c <= '7') {
    uint32_t v = 0;
    for (int i = 0; i < 3 && peek() >= '0' && peek() <= '7'; i++) v = v * 8 + uint32_t(s_[pos_++] - '0');
    return v;
  }
  pos_++;
  switch (c) {
    case 'b': return 8;
    case 'd': return 127;
    case 'e': return 27;
    case 'f': return 12;
    case 'n': return 10;
    case 'r': return 13;
    case 's': return 32;
    case 't': return 9;
    case 'v': return 11;
    case '^': {
      if (at_end()) fail("unexpected end of input in escape");
      return read_utf8() & 31;
    }
    case 'x': {
      uint32_t v = 0;
      if (peek() == '{') {
        pos_++;
        int digits = 0;
        while (peek() >= 0 && digit_value(peek()) < 16) {
          v = v * 16 + uint32_t(digit_value(s_[pos_++]));
          if (v > 0x10FFFF) fail("character code too large");
          digits++;
        }
        if (!digits || peek() != '}') fail("bad \\x{...} escape");
        pos_++;
        return v;
      }
      for (int i = 0; i < 2; i++) {
        if (peek() < 0 || digit_value(peek()) >= 16) fail("bad \\x escape");
        v = v * 16 + uint32_t(digit_value(s_[pos_++]));
      }
      return v;
    }
    default:
      pos_--;
      return read_utf8();  // any other character stands for itself: \' \" \\ ...
  }
}

std::vector<uint32_t> Parser::read_quoted(char quote) {
  std::vector<uint32_t> out;
  pos_++;  // opening quote
  for (;;) {
    if (at_end()) fail(std::string("unterminated ") + (quote == '"' ? "string" : "quoted atom"));
    if (peek() == quote) {
      pos_++;
      return out;
    }
    if (peek() == '\\') {
      pos_++;
      out.push_back(read_escape());
    } else {
      out.push_back(read_utf8());
    }
  }
}

// --- literals -----------------------------------------------------------------------------

// Digits of `base`, with single underscores allowed between digits.
BigInt Parser::read_digits(int base, bool allow_underscore) {
  std::vector<unsigned char> digits;
  size_t start = pos_;
  while (!at_end()) {
    int c = peek();
    if (c == '_' && allow_underscore && !digits.empty() && peek(1) >= 0 && digit_value(peek(1)) < base) {
      pos_++;
      continue;
    }
    int d = c >= 0 ? digit_value(c) : 99;
    if (d >= base) break;
    digits.push_back(static_cast<unsigned char>(d));
    pos_++;
  }
  if (digits.empty()) {
    pos_ = start;
    fail("expected digits");
  }
  BigInt v;
  size_t first = 0;
  while (first + 1 < digits.size() && digits[first] == 0) first++;
  size_t n = digits.size() - first;
  if (n == 1 && digits[first] == 0) return v;
  // A bound on the limbs: n digits of base b need at most n*log2(b) bits.
  size_t max_limbs = (n * 6) / 64 + 2;
  v.limbs.assign(max_limbs, 0);
  mp_size_t used = mpn_set_str(reinterpret_cast<mp_limb_t*>(v.limbs.data()), digits.data() + first, n, base);
  v.limbs.resize(size_t(used));
  while (!v.limbs.empty() && v.limbs.back() == 0) v.limbs.pop_back();
  return v;
}

Term Parser::make_int(const BigInt& v) {
  if (v.limbs.empty()) return make_small(0);
  if (v.limbs.size() == 1 && v.limbs[0] <= Uint(MAX_SMALL)) {
    Sint x = Sint(v.limbs[0]);
    return make_small(v.negative ? -x : x);
  }
  if (v.negative && v.limbs.size() == 1 && v.limbs[0] == Uint(MAX_SMALL) + 1) return make_small(MIN_SMALL);
  Term* p = alloc_.alloc_words(1 + v.limbs.size());
  p[0] = make_header(v.limbs.size(), v.negative ? Subtag::NegBig : Subtag::PosBig);
  std::memcpy(p + 1, v.limbs.data(), v.limbs.size() * sizeof(Uint));
  return make_boxed(p);
}

Term Parser::parse_number(bool negative) {
  size_t start = pos_;
  if (peek() == '$') {  // character code
    pos_++;
    if (at_end()) fail("expected a character after '$'");
    uint32_t c;
    if (peek() == '\\') {
      pos_++;
      c = read_escape();
    } else {
      c = read_utf8();
    }
    Sint v = Sint(c);
    return make_small(negative ? -v : v);
  }
  BigInt v = read_digits(10, true);
  if (peek() == '#') {  // Base#Digits
    if (v.limbs.size() != 1 || v.limbs[0] < 2 || v.limbs[0] > 36) fail("bad base (2..36)");
    int base = int(v.limbs[0]);
    pos_++;
    BigInt r = read_digits(base, true);
    r.negative = negative;
    return make_int(r);
  }
  if (peek() == '.' && peek(1) >= 0 && is_digit(peek(1))) {  // float: digits '.' digits [e[+-]digits]
    pos_++;
    read_digits(10, true);
    if (peek() == 'e' || peek() == 'E') {
      pos_++;
      if (peek() == '+' || peek() == '-') pos_++;
      read_digits(10, true);
    }
    std::string clean;
    for (size_t i = start; i < pos_; i++)
      if (s_[i] != '_') clean += s_[i];
    double d = 0;
    auto [end, ec] = std::from_chars(clean.data(), clean.data() + clean.size(), d);
    if (ec != std::errc() || end != clean.data() + clean.size() || !std::isfinite(d)) {
      pos_ = start;
      fail("bad float");
    }
    if (negative) d = -d;
    Term* p = alloc_.alloc_words(FLOAT_WORDS);
    return write_float(p, d);
  }
  v.negative = negative;
  return make_int(v);
}

Term Parser::parse_atom_unquoted() {
  size_t start = pos_;
  std::string text;
  for (bool first = true;; first = false) {
    if (at_end()) break;
    size_t here = pos_;
    uint32_t c = read_utf8();
    if (first ? !atom_start_char(c) : !(atom_name_char(c) || c == '@')) {
      pos_ = here;
      break;
    }
    append_utf8(text, c);
  }
  if (is_reserved_word(text)) {
    pos_ = start;
    fail("reserved word '" + text + "' must be quoted to be an atom");
  }
  return atoms_.intern(text);
}

Term Parser::parse_quoted_atom() {
  std::vector<uint32_t> cps = read_quoted('\'');
  if (cps.size() > MAX_ATOM_CHARS) fail("atom too long (max 255 characters)");
  std::string text;
  for (uint32_t c : cps) append_utf8(text, c);
  return atoms_.intern(text);
}

Term Parser::parse_string() {
  std::vector<uint32_t> cps = read_quoted('"');
  for (;;) {  // "abc" "def" is one string, as in Erlang source
    size_t save = pos_;
    skip_space();
    if (peek() != '"') {
      pos_ = save;
      break;
    }
    std::vector<uint32_t> more = read_quoted('"');
    cps.insert(cps.end(), more.begin(), more.end());
  }
  std::vector<Term> items;
  items.reserve(cps.size());
  for (uint32_t c : cps) items.push_back(make_small(Sint(c)));
  return make_list(items, NIL);
}

// <<Seg, Seg, ...>> where Seg = Value[:Size][/Type-Type...]; binaries nest no terms, so this
// is a flat loop.
Term Parser::parse_binary() {
  BitWriter out;
  if (!eat(">>")) {
    for (;;) {
      skip_space();
      // The value: an integer, a float or a string literal.
      std::vector<uint32_t> str;
      bool is_str = false, is_float_val = false;
      BigInt ival;
      double fval = 0;
      if (peek() == '"') {
        str = read_quoted('"');
        is_str = true;
      } else {
        bool neg = false;
        if (peek() == '-' || peek() == '+') {
          neg = peek() == '-';
          pos_++;
          skip_space();
        }
        if (!(is_digit(peek()) || peek() == '$')) fail("expected an integer, float or string in binary");
        Term t = parse_number(neg);
        if (is_float(t)) {
          is_float_val = true;
          fval = float_value(t);
        } else if (is_small(t)) {
          Sint x = small_value(t);
          ival.negative = x < 0;
          Uint m = x < 0 ? Uint(0) - Uint(x) : Uint(x);
          if (m) ival.limbs.push_back(m);
        } else {
          ival.negative = header_subtag(boxed_header(t)) == Subtag::NegBig;
          const Term* p = boxed_ptr(t);
          ival.limbs.assign(p + 1, p + 1 + header_arity(p[0]));
        }
      }
      bool has_size = false;
      Uint size = 0;
      if (peek() == ':') {
        pos_++;
        BigInt sz = read_digits(10, true);
        if (sz.limbs.size() > 1 || (!sz.limbs.empty() && sz.limbs[0] > (Uint(1) << 32))) fail("segment size too large");
        size = sz.limbs.empty() ? 0 : sz.limbs[0];
        has_size = true;
      }
      enum class Ty { Integer, Float, Utf8, Utf16, Utf32 } ty = is_float_val ? Ty::Float : Ty::Integer;
      bool little = false;
      Uint unit = 1;
      if (peek() == '/') {
        pos_++;
        for (;;) {
          size_t here = pos_;
          std::string word;
          while (!at_end() && (std::isalnum(peek()) || peek() == '_')) word += char(s_[pos_++]);
          if (word == "integer") ty = Ty::Integer;
          else if (word == "float") ty = Ty::Float;
          else if (word == "utf8") ty = Ty::Utf8;
          else if (word == "utf16") ty = Ty::Utf16;
          else if (word == "utf32") ty = Ty::Utf32;
          else if (word == "little") little = true;
          else if (word == "big" || word == "signed" || word == "unsigned") {
          } else if (word == "unit" && peek() == ':') {
            pos_++;
            BigInt u = read_digits(10, false);
            if (u.limbs.size() != 1 || u.limbs[0] > 256) fail("bad unit");
            unit = u.limbs[0];
          } else {
            pos_ = here;
            fail("unsupported binary segment type '" + word + "'");
          }
          if (peek() != '-') break;
          pos_++;
        }
      }
      // Each value to write: a string writes one segment per character.
      std::vector<BigInt> values;
      if (is_str) {
        for (uint32_t c : str) {
          BigInt b;
          if (c) b.limbs.push_back(c);
          values.push_back(b);
        }
      } else if (!is_float_val) {
        values.push_back(ival);
      }
      if (ty == Ty::Float) {
        Uint bits = has_size ? size * unit : 64;
        if (bits != 64 && bits != 32) fail("float segments must be 32 or 64 bits");
        std::vector<double> ds;
        if (is_float_val) ds.push_back(fval);
        for (const BigInt& v : values) {  // integers (and a string's characters) as floats
          double d = 0;
          for (size_t i = v.limbs.size(); i-- > 0;) d = d * 18446744073709551616.0 + double(v.limbs[i]);
          ds.push_back(v.negative ? -d : d);
        }
        for (double d : ds) {
          std::vector<Uint> w(1);
          if (bits == 64) {
            std::memcpy(&w[0], &d, 8);
          } else {
            float f = float(d);
            uint32_t u;
            std::memcpy(&u, &f, 4);
            w[0] = u;
          }
          out.put_int(w, false, bits, little);
        }
      } else if (ty == Ty::Integer) {
        if (is_float_val) fail("a float needs the /float type");
        Uint bits = has_size ? size * unit : 8;
        if (little && bits % 8) fail("little-endian segments must be whole bytes");
        for (const BigInt& v : values) {
          std::vector<Uint> twos = v.limbs;
          if (v.negative) {  // two's complement: invert and add one
            twos.push_back(0);
            bool carry = true;
            for (Uint& limb : twos) {
              limb = ~limb;
              if (carry) carry = ++limb == 0;
            }
          }
          out.put_int(twos, v.negative, bits, little);
        }
      } else {  // utf8/16/32: the value(s) are code points
        if (is_float_val || has_size) fail("utf segments take no size and no float");
        for (const BigInt& v : values) {
          if (v.negative || v.limbs.size() > 1 || (!v.limbs.empty() && v.limbs[0] > 0x10FFFF))
            fail("bad code point");
          uint32_t cp = v.limbs.empty() ? 0 : uint32_t(v.limbs[0]);
          if (cp >= 0xD800 && cp <= 0xDFFF) fail("bad code point");
          std::vector<uint32_t> units;
          if (ty == Ty::Utf8) {
            std::string u8;
            append_utf8(u8, cp);
            for (unsigned char ch : u8) out.put_int({ch}, false, 8, false);
            continue;
          }
          if (ty == Ty::Utf16) {
            if (cp >= 0x10000) {
              units = {0xD800 + ((cp - 0x10000) >> 10), 0xDC00 + ((cp - 0x10000) & 0x3FF)};
            } else {
              units = {cp};
            }
            for (uint32_t u : units) out.put_int({u}, false, 16, little);
          } else {
            out.put_int({cp}, false, 32, little);
          }
        }
      }
      if (eat(">>")) break;
      expect(",");
    }
  }
  if (out.bits() % 8) fail("bitstrings that are not whole bytes are not supported");
  const std::vector<uint8_t>& bytes = out.bytes();
  Uint words = heap_binary_words(bytes.size());
  Term* p = alloc_.alloc_words(words);
  p[0] = make_header(words - 1, Subtag::HeapBin);
  p[1] = bytes.size();
  p[words - 1] = 0;  // zero the padding of the last word
  if (!bytes.empty()) std::memcpy(p + 2, bytes.data(), bytes.size());
  return make_boxed(p);
}

// A term that contains no other term (or a string/binary, built in one go).
Term Parser::parse_scalar() {
  int c = peek();
  if (c == '-' || c == '+') {
    pos_++;
    skip_space();
    if (!(is_digit(peek()) || peek() == '$')) fail("expected a number after sign");
    return parse_number(c == '-');
  }
  if (is_digit(c) || c == '$') return parse_number(false);
  if (c == '\'') return parse_quoted_atom();
  if (c == '"') return parse_string();
  if (c == '<' && peek(1) == '<') {
    pos_ += 2;
    return parse_binary();
  }
  if (c >= 0) {
    size_t here = pos_;
    uint32_t cp = read_utf8();
    pos_ = here;
    if (atom_start_char(cp)) return parse_atom_unquoted();
  }
  if (c < 0) fail("unexpected end of input");
  fail("unexpected character '" + std::string(1, char(c)) + "'");
}

// --- compound terms -----------------------------------------------------------------------

Term Parser::make_list(const std::vector<Term>& items, Term tail) {
  if (items.empty()) return tail;
  Term* cells = alloc_.alloc_words(2 * items.size());
  Term list = tail;
  for (size_t i = items.size(); i-- > 0;) list = write_cons(cells + 2 * i, items[i], list);
  return list;
}

Term Parser::make_tuple(const Term* items, size_t n) {
  Term* p = alloc_.alloc_words(1 + n);
  p[0] = make_tuple_header(n);
  for (size_t i = 0; i < n; i++) p[1 + i] = items[i];
  return make_boxed(p);
}

// kv holds key, value pairs in source order; the last of repeated keys wins, as in Erlang.
Term Parser::make_map(std::vector<Term>& kv) {
  size_t n = kv.size() / 2;
  std::vector<Term> keys(n), values(n);
  for (size_t i = 0; i < n; i++) {
    keys[i] = kv[2 * i];
    values[i] = kv[2 * i + 1];
  }
  return map_from_pairs(alloc_, keys.data(), values.data(), n, atoms_);
}

Term Parser::finish(Frame& f) {
  switch (f.kind) {
    case Kind::List: return make_list(f.items, f.tail);
    case Kind::Tuple: return make_tuple(f.items.data(), f.items.size());
    case Kind::Map: return make_map(f.items);
  }
  return NON_VALUE;
}

Term Parser::parse() {
  std::vector<Frame> stack;
  for (;;) {
    // Read one value: either a scalar, an empty container, or the opening of a container
    // (which pushes a frame and goes on to read its first element).
    skip_space();
    Term value;
    if (eat("[")) {
      if (eat("]")) {
        value = NIL;
      } else {
        stack.push_back(Frame{Kind::List, {}, false, NIL});
        continue;
      }
    } else if (eat("{")) {
      if (eat("}")) {
        value = make_tuple(nullptr, 0);
      } else {
        stack.push_back(Frame{Kind::Tuple, {}, false, NIL});
        continue;
      }
    } else if (eat("#{")) {
      if (eat("}")) {
        std::vector<Term> none;
        value = make_map(none);
      } else {
        stack.push_back(Frame{Kind::Map, {}, false, NIL});
        continue;
      }
    } else {
      value = parse_scalar();
    }

    // Hand the value to the enclosing containers, closing those that end here.
    for (;;) {
      if (stack.empty()) {
        skip_space();
        if (peek() == '.') {
          pos_++;
          skip_space();
        }
        if (!at_end()) fail("unexpected text after the term");
        return value;
      }
      Frame& f = stack.back();
      if (f.kind == Kind::List) {
        if (f.in_tail) {
          f.tail = value;
          expect("]");
        } else {
          f.items.push_back(value);
          if (eat(",")) break;
          if (eat("|")) {
            f.in_tail = true;
            break;
          }
          expect("]");
        }
      } else if (f.kind == Kind::Tuple) {
        f.items.push_back(value);
        if (eat(",")) break;
        expect("}");
      } else {
        f.items.push_back(value);
        if (f.items.size() % 2 == 1) {  // a key: its value follows
          expect("=>");
          break;
        }
        if (eat(",")) break;
        expect("}");
      }
      value = finish(f);
      stack.pop_back();
    }
  }
}

}  // namespace

Term parse_term(std::string_view text, WordAllocator& alloc, AtomTable& atoms, std::string* error) {
  try {
    Parser p(text, alloc, atoms);
    return p.parse();
  } catch (const ParseError& e) {
    if (error) *error = e.message;
    return NON_VALUE;
  }
}

}  // namespace beamrun
