#include "text/printer.h"
#include "term/utf8.h"
#include "text/atom_text.h"

#include <gmp.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <string_view>
#include <vector>

#include "term/export.h"
#include "term/map.h"
#include "term/term_order.h"

namespace beamrun {

namespace {

// --- numbers --------------------------------------------------------------------------------

template <typename Int>
void put_decimal(std::string& out, Int v) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}
void put_uint(std::string& out, Uint v) { put_decimal(out, v); }
void put_sint(std::string& out, Sint v) { put_decimal(out, v); }

// Decimal digits of a small or a bignum. Bignums go through GMP's subquadratic mpn_get_str,
// which clobbers its input, so it gets a copy of the limbs.
void put_integer(std::string& out, Term t) {
  if (is_small(t)) {
    put_sint(out, small_value(t));
    return;
  }
  const Term* p = boxed_ptr(t);
  size_t n = header_arity(p[0]);
  while (n > 0 && p[n] == 0) n--;
  if (n == 0) {
    out += '0';
    return;
  }
  if (header_subtag(p[0]) == Subtag::NegBig) out += '-';
  std::vector<mp_limb_t> limbs(p + 1, p + 1 + n);
  std::vector<unsigned char> digits(n * 20 + 2);  // 64 bits < 19.3 decimal digits, +1 spare
  size_t len = mpn_get_str(digits.data(), 10, limbs.data(), mp_size_t(n));
  size_t i = 0;
  while (i + 1 < len && digits[i] == 0) i++;  // mpn_get_str may leave leading zeros
  for (; i < len; i++) out += char('0' + digits[i]);
}

// erlang:display/1 prints floats as C's "%.6e".
void put_float_display(std::string& out, double d) {
  char buf[64];
  int n = std::snprintf(buf, sizeof buf, "%.6e", d);
  out.append(buf, size_t(n));
}

// float_to_list(D, [short]): the shortest digits that read back as D, written as a fixed or
// a scientific number, following OTP's choice (its Ryu-based to_chars):
//   digits D (n of them), value D * 10^e, scientific exponent s = e + n - 1;
//   fixed iff  lower <= e <= upper  where  n == 1: [-4, 2]; s >= 10: [-(n+2), 2];
//   otherwise [-(n+2), 1]; except that integers from 2^53 on stay scientific.
void put_float_short(std::string& out, double d) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string_view sci(buf, size_t(r.ptr - buf));  // e.g. "-1.2345e+18", "5e-324"
  bool neg = sci[0] == '-';
  if (neg) sci.remove_prefix(1);
  size_t epos = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, epos))
    if (c != '.') digits += c;
  int s = 0;
  std::from_chars(sci.data() + epos + 1 + (sci[epos + 1] == '+'), sci.data() + sci.size(), s);
  int n = int(digits.size());
  int e = s - (n - 1);
  uint64_t mant = 0;
  for (char c : digits) mant = mant * 10 + uint64_t(c - '0');

  int lower = n == 1 ? -4 : -(n + 2);
  int upper = n == 1 || s >= 10 ? 2 : 1;
  bool fixed = lower <= e && e <= upper;
  if (fixed && ((mant >= (uint64_t(1) << 53) && e == 0) || (mant > (uint64_t(1) << 52) / 5 && e == 1) ||
                (mant > (uint64_t(1) << 51) / 25 && e == 2)))
    fixed = false;

  if (neg) out += '-';
  if (fixed) {
    int whole = n + e;
    if (e >= 0) {
      out += digits;
      out.append(size_t(e), '0');
      out += ".0";
    } else if (whole > 0) {
      out.append(digits, 0, size_t(whole));
      out += '.';
      out.append(digits, size_t(whole), std::string::npos);
    } else {
      out += "0.";
      out.append(size_t(-whole), '0');
      out += digits;
    }
    return;
  }
  out += digits[0];
  out += '.';
  if (n > 1) {
    out.append(digits, 1, std::string::npos);
  } else {
    out += '0';
  }
  out += 'e';
  put_sint(out, s);
}

// --- text -----------------------------------------------------------------------------------

// Code points of an atom's UTF-8 text (a stray byte counts as the Latin-1 character).
std::vector<uint32_t> code_points(std::string_view s) {
  std::vector<uint32_t> cps;
  cps.reserve(s.size());
  const uint8_t* b = reinterpret_cast<const uint8_t*>(s.data());
  for (size_t i = 0; i < s.size();) {
    uint32_t cp;
    size_t len = decode_utf8(b + i, s.size() - i, &cp, Utf8Check::Shape);
    if (len == 0 || len == UTF8_TRUNCATED) {
      cp = b[i];
      len = 1;
    }
    cps.push_back(cp);
    i += len;
  }
  return cps;
}


// \b \t \n \v \f \r for both printers; io_lib also has \e (27) and \d (127).
const char* control_escape(uint32_t c, bool io) {
  static const char* const names[] = {"\\b", "\\t", "\\n", "\\v", "\\f", "\\r"};
  if (c >= 8 && c <= 13) return names[c - 8];
  if (io && c == 27) return "\\e";
  if (io && c == 127) return "\\d";
  return nullptr;
}

void put_octal3(std::string& out, uint32_t c) {
  out += '\\';
  out += char('0' + ((c >> 6) & 7));
  out += char('0' + ((c >> 3) & 7));
  out += char('0' + (c & 7));
}

// One character inside quotes, as io_lib's string_char writes it. Characters above 255 become
// \x{HEX} (write_string_as_latin1); callers with only Latin-1 content never reach that case.
void put_io_char(std::string& out, uint32_t c, char quote) {
  if (c == uint32_t(quote) || c == '\\') {
    out += '\\';
    out += char(c);
  } else if ((c >= 32 && c <= 126) || (c >= 160 && c <= 255)) {
    out += char(c);
  } else if (c > 255) {
    out += "\\x{";
    char buf[16];
    auto r = std::to_chars(buf, buf + sizeof buf, c, 16);
    for (char* q = buf; q < r.ptr; q++) out += char(*q >= 'a' ? *q - 'a' + 'A' : *q);
    out += '}';
  } else if (const char* e = control_escape(c, true)) {
    out += e;
  } else {
    put_octal3(out, c);
  }
}

// io_lib:write_atom_as_latin1.
void put_io_atom(std::string& out, std::string_view name) {
  std::vector<uint32_t> cps = code_points(name);
  bool plain = !cps.empty() && atom_start_char(cps[0]) && !is_reserved_word(name);
  for (size_t i = 1; plain && i < cps.size(); i++) plain = atom_name_char(cps[i]) || cps[i] == '@';
  if (plain) {
    for (uint32_t c : cps) out += char(c);
    return;
  }
  out += '\'';
  for (uint32_t c : cps) put_io_char(out, c, '\'');
  out += '\'';
}

// erlang:display's atoms: no reserved words, no '@' unquoted; quoted text keeps UTF-8 above
// U+009F, and escapes controls as \b \t \n \v \f \r or three octal digits.
void put_display_atom(std::string& out, std::string_view name) {
  std::vector<uint32_t> cps = code_points(name);
  bool plain = !cps.empty() && atom_start_char(cps[0]);
  for (size_t i = 1; plain && i < cps.size(); i++) plain = atom_name_char(cps[i]);
  if (plain) {
    out += name;
    return;
  }
  out += '\'';
  for (uint32_t c : cps) {
    if (c == '\'' || c == '\\') {
      out += '\\';
      out += char(c);
    } else if (c >= 32 && c <= 127) {
      out += char(c);
    } else if (c >= 160) {
      append_utf8(out, c);
    } else if (const char* e = control_escape(c, false)) {
      out += e;
    } else {
      put_octal3(out, c);
    }
  }
  out += '\'';
}

// Lists erlang:display shows as "...": proper, non-empty, of Latin-1 codes that are
// printable or \t \n \r.
bool display_printable(Term list) {
  for (; is_list(list); list = cdr(list)) {
    Term h = car(list);
    if (!is_small(h)) return false;
    Sint c = small_value(h);
    if (!((c >= 32 && c <= 126) || (c >= 160 && c <= 255) || c == 9 || c == 10 || c == 13)) return false;
  }
  return is_nil(list);
}

// io_lib:printable_latin1_list: also \b \v \f \e.
inline bool io_printable_char(Uint c) {
  return (c >= 32 && c <= 126) || (c >= 160 && c <= 255) || (c >= 8 && c <= 13) || c == 27;
}
bool io_printable_list(Term list) {
  for (; is_list(list); list = cdr(list)) {
    Term h = car(list);
    if (!is_small(h) || small_value(h) < 0 || !io_printable_char(Uint(small_value(h)))) return false;
  }
  return is_nil(list);
}

// Pids, ports, refs, funs and numbers: the same text in display, ~w and ~p (funs quote their
// atoms as the ERTS printer does, also under io_lib). `io` selects io_lib's float format.
bool put_simple(std::string& out, Term t, const AtomTable& atoms, bool io) {
  if (is_small(t)) {
    put_sint(out, small_value(t));
  } else if (is_local_pid(t)) {
    out += "<0.";
    put_uint(out, local_pid_number(t));
    out += '.';
    put_uint(out, local_pid_serial(t));
    out += '>';
  } else if (is_local_port(t)) {
    out += "#Port<0.";
    put_uint(out, port_serial(t));
    out += '>';
  } else if (is_boxed(t)) {
    const Term* p = boxed_ptr(t);
    switch (header_subtag(p[0])) {
      case Subtag::PosBig:
      case Subtag::NegBig: put_integer(out, t); break;
      case Subtag::Float:
        if (io) {
          put_float_short(out, float_value(t));
        } else {
          put_float_display(out, float_value(t));
        }
        break;
      case Subtag::Ref:  // #Ref<0.w2.w1.w0>
        out += "#Ref<0";
        for (int i = 3; i >= 1; i--) {
          out += '.';
          put_uint(out, p[i]);
        }
        out += '>';
        break;
      case Subtag::Fun: {
        const FunEntry* fe = fun_entry(t);
        out += "#Fun<";
        out += atoms.name(fe->module);  // unquoted, as ERTS prints it
        out += '.';
        put_uint(out, fe->index);
        out += '.';
        put_uint(out, fe->old_uniq);
        out += '>';
        break;
      }
      case Subtag::Export: {
        const Export* e = export_fun_entry(t);
        out += "fun ";
        put_display_atom(out, atoms.name(e->module));
        out += ':';
        put_display_atom(out, atoms.name(e->function));
        out += '/';
        put_uint(out, e->arity);
        break;
      }
      // Another node's identifiers: ERTS prints the node as its index in ERTS's node table,
      // which beamrun does not have; the node atom's index stands in (a number, as there).
      case Subtag::ExternalPid:
        out += '<';
        put_uint(out, atom_index(external_node(t)));
        out += '.';
        put_uint(out, uint32_t(external_data(t)));
        out += '.';
        put_uint(out, external_data(t) >> 32);
        out += '>';
        break;
      case Subtag::ExternalPort:
        out += "#Port<";
        put_uint(out, atom_index(external_node(t)));
        out += '.';
        put_uint(out, external_data(t));
        out += '>';
        break;
      case Subtag::ExternalRef:
        out += "#Ref<";
        put_uint(out, atom_index(external_node(t)));
        for (Uint i = external_ref_count(t); i-- > 0;) {
          out += '.';
          put_uint(out, external_ref_ids(t)[i]);
        }
        out += '>';
        break;
      default: return false;
    }
  } else {
    return false;
  }
  return true;
}

// The value of a bitstring's last, partial byte (its bit_size % 8 bits), as an integer.
unsigned tail_bits_value(const BitsView& v) {
  unsigned x = 0;
  for (Uint k = v.bit_size / 8 * 8; k < v.bit_size; k++) x = (x << 1) | unsigned(v.bit_at(k));
  return x;
}

// <<1,2,3>> or <<1,2,5:3>>: every byte as a number.
void put_bits_numeric(std::string& out, const BitsView& v) {
  out += "<<";
  Uint whole = v.bit_size / 8;
  for (Uint i = 0; i < whole; i++) {
    if (i) out += ',';
    put_uint(out, v.byte_at(i));
  }
  if (Uint nbits = v.bit_size % 8) {
    if (whole) out += ',';
    put_uint(out, tail_bits_value(v));
    out += ':';
    put_uint(out, nbits);
  }
  out += ">>";
}

// A hash map's keys (first half) and values (second half) in walk order: the order of
// io_lib's ~w and ~p, which iterate with maps:next. Kept in `store` while printing.
const Term* walk_pairs(Term m, std::vector<std::vector<Term>>& store) {
  size_t n = map_size(m);
  std::vector<Term> out(2 * n);
  size_t i = 0;
  map_foreach_walk(m, [&](Term k, Term v) {
    out[i] = k;
    out[n + i] = v;
    ++i;
  });
  store.push_back(std::move(out));
  return store.back().data();
}

// "<fffb>": a trie node's slot bitmap as erlang:display shows it.
void put_bitmap(std::string& out, uint32_t bitmap) {
  char buf[16];
  int len = std::snprintf(buf, sizeof buf, "<%x>", unsigned(bitmap));
  out.append(buf, size_t(len));
}

// --- display and ~w: one line, explicit stack ---------------------------------------------

enum class Style { Display, W };

// What is left to print: a term, a fixed text, or the rest of a list, tuple or map.
struct Todo {
  enum Kind : uint8_t { TERM, TEXT, LIST_REST, TUPLE_REST, MAP_REST } kind;
  Term t;            // TERM; LIST_REST: the tail still to print
  const char* text;  // TEXT
  const Term* p;     // TUPLE_REST: next elements; MAP_REST: next keys
  const Term* q;     // MAP_REST: next values
  Uint n;            // elements or pairs left
};

void write_flat(std::string& out, Term root, const AtomTable& atoms, Style style) {
  const char* arrow = style == Style::Display ? "=>" : " => ";
  std::vector<Todo> stack;
  std::vector<std::vector<Term>> map_pairs;  // hash maps' pairs, alive while printing
  auto term = [&](Term t) { stack.push_back(Todo{Todo::TERM, t, nullptr, nullptr, nullptr, 0}); };
  auto text = [&](const char* s) { stack.push_back(Todo{Todo::TEXT, 0, s, nullptr, nullptr, 0}); };
  auto rest = [&](Todo::Kind k, Term t, const Term* p, const Term* q, Uint n) {
    stack.push_back(Todo{k, t, nullptr, p, q, n});
  };
  // Pushed in reverse: the key is printed first.
  auto pair = [&](const Term* k, const Term* v, Uint left) {
    rest(Todo::MAP_REST, 0, k + 1, v + 1, left);
    term(*v);
    text(arrow);
    term(*k);
  };
  term(root);
  while (!stack.empty()) {
    Todo td = stack.back();
    stack.pop_back();
    switch (td.kind) {
      case Todo::TEXT: out += td.text; continue;
      case Todo::LIST_REST:
        if (is_nil(td.t)) {
          out += ']';
        } else if (is_list(td.t)) {
          out += ',';
          rest(Todo::LIST_REST, cdr(td.t), nullptr, nullptr, 0);
          term(car(td.t));
        } else {
          out += '|';
          text("]");
          term(td.t);
        }
        continue;
      case Todo::TUPLE_REST:
        if (td.n == 0) {
          out += '}';
        } else {
          out += ',';
          rest(Todo::TUPLE_REST, 0, td.p + 1, nullptr, td.n - 1);
          term(*td.p);
        }
        continue;
      case Todo::MAP_REST:
        if (td.n == 0) {
          out += '}';
        } else {
          out += ',';
          pair(td.p, td.q, td.n - 1);
        }
        continue;
      case Todo::TERM: break;
    }
    Term t = td.t;
    if (is_atom(t)) {
      if (style == Style::Display) {
        put_display_atom(out, atoms.name(t));
      } else {
        put_io_atom(out, atoms.name(t));
      }
    } else if (is_nil(t)) {
      out += "[]";
    } else if (is_list(t)) {
      if (style == Style::Display && display_printable(t)) {
        out += '"';
        for (Term l = t; is_list(l); l = cdr(l)) {
          Sint c = small_value(car(l));
          if (c == '\n') {
            out += "\\n";
          } else {
            if (c == '"') out += '\\';
            out += char(c);  // a Latin-1 byte; tab and CR go out raw
          }
        }
        out += '"';
        continue;
      }
      out += '[';
      rest(Todo::LIST_REST, cdr(t), nullptr, nullptr, 0);
      term(car(t));
    } else if (is_tuple(t)) {
      Uint n = tuple_arity(t);
      out += n ? "{" : "{}";
      if (n) {
        rest(Todo::TUPLE_REST, 0, boxed_ptr(t) + 2, nullptr, n - 1);
        term(boxed_ptr(t)[1]);
      }
    } else if (is_hashmap(t) && style == Style::Display) {
      // ERTS's display shows the trie itself: #<bitmap>{...} for the head, <bitmap>{...} for
      // inner nodes, [Key|Value] cells for the pairs.
      const Term* node = boxed_ptr(t);
      if (hashmap_node_is_head(node)) out += '#';
      put_bitmap(out, hashmap_node_bitmap(node));
      out += '{';
      const Term* kids = hashmap_node_children(node);
      rest(Todo::TUPLE_REST, 0, kids + 1, nullptr, hashmap_node_count(node) - 1);
      term(kids[0]);
    } else if (is_hashmap(t)) {
      Uint n = hashmap_size(t);
      const Term* kv = walk_pairs(t, map_pairs);
      out += "#{";
      pair(kv, kv + n, n - 1);
    } else if (is_map(t)) {
      Uint n = flatmap_size(t);
      out += n ? "#{" : "#{}";
      if (n) pair(boxed_ptr(flatmap_keys(t)) + 1, flatmap_values(t), n - 1);
    } else if (is_bitstring_term(t)) {
      BitsView v;
      if (!bitstring_view(t, &v)) {
        out += "<<?>>";  // a binary kind this build cannot read yet
        continue;
      }
      // display shows whole-byte binaries of printable ASCII as text; ~w never does.
      bool as_text = style == Style::Display && v.bit_size % 8 == 0 && v.bit_size > 0;
      for (Uint i = 0; as_text && i < v.bit_size / 8; i++) as_text = v.byte_at(i) >= 32 && v.byte_at(i) <= 126;
      if (!as_text) {
        put_bits_numeric(out, v);
        continue;
      }
      out += "<<\"";
      for (Uint i = 0; i < v.bit_size / 8; i++) {
        if (v.byte_at(i) == '"') out += '\\';
        out += char(v.byte_at(i));
      }
      out += "\">>";
    } else if (!put_simple(out, t, atoms, style != Style::Display)) {
      out += "#<unknown term>";
    }
  }
}

// --- ~p: io_lib_pretty ---------------------------------------------------------------------
//
// Two passes, as io_lib_pretty does them. First the term becomes a tree of nodes, each with
// the length of its one-line text (print_length). Then the layout walks the tree: a node is
// written on one line when it fits, otherwise its elements go one per line, aligned after the
// opening bracket, and a tuple whose first element is an atom keeps that tag on the first line.
// Before laying out, io_lib_pretty tries indentation modes -1 and 4 (cind) and keeps the first
// with which every tag fits in the line; the functions below mirror its rules one for one.

enum class NK : uint8_t { Leaf, List, Tuple, TaggedTuple, Map, Pair, Bin };

struct Node {
  NK kind;
  bool improper;      // List: the last kid is the tail after '|'
  long len;           // length of the one-line text
  uint32_t text_off;  // Leaf, Bin: text in Pretty::text_
  uint32_t text_len;
  uint32_t kids_off;  // compound: kids in Pretty::kids_
  uint32_t nkids;
};

struct NoGood {};  // cind: this indentation mode cannot fit the tags

class Pretty {
 public:
  Pretty(const AtomTable& atoms, int line_length) : atoms_(atoms), ll_(line_length) {}

  std::string run(Term t, int col) {
    uint32_t root = build(t);
    m_ = nodes_[root].len;
    if (ll_ == 0 || nodes_[root].len < ll_ - col) {
      write(root);
      return std::move(out_);
    }
    long tind = 1;
    for (long candidate : {-1L, 4L}) {
      try {
        cind(root, col, candidate, 0, 0, 0);
        tind = candidate;
        break;
      } catch (const NoGood&) {
      }
    }
    pp(root, col, tind, col - 1, 0, 0, 0);
    return std::move(out_);
  }

 private:
  // --- pass 1: the tree ---
  uint32_t new_node(NK kind, uint32_t nkids) {
    Node n{kind, false, 0, 0, 0, uint32_t(kids_.size()), nkids};
    kids_.resize(kids_.size() + nkids);
    nodes_.push_back(n);
    return uint32_t(nodes_.size() - 1);
  }
  uint32_t leaf_from(size_t text_start) {
    uint32_t i = new_node(NK::Leaf, 0);
    nodes_[i].text_off = uint32_t(text_start);
    nodes_[i].text_len = uint32_t(text_.size() - text_start);
    nodes_[i].len = long(nodes_[i].text_len);
    return i;
  }

  struct Frame {
    uint32_t node;
    uint32_t next;   // next kid to fill
    Term cursor;     // List: the rest of the list
    const Term* p;   // Tuple: elements; Map: keys
    const Term* q;   // Map: values
    Term key, value; // Pair
  };

  // Makes the node for t: complete if it is a leaf, else pushes a frame to fill its kids.
  uint32_t open(Term t, std::vector<Frame>& frames) {
    size_t start = text_.size();
    if (is_atom(t)) {
      put_io_atom(text_, atoms_.name(t));
      return leaf_from(start);
    }
    if (is_nil(t)) {
      text_ += "[]";
      return leaf_from(start);
    }
    if (is_list(t)) {
      if (io_printable_list(t)) {
        text_ += '"';
        for (Term l = t; is_list(l); l = cdr(l)) put_io_char(text_, uint32_t(small_value(car(l))), '"');
        text_ += '"';
        return leaf_from(start);
      }
      uint32_t n = 0;
      Term l = t;
      for (; is_list(l); l = cdr(l)) n++;
      bool improper = !is_nil(l);
      uint32_t i = new_node(NK::List, n + improper);
      nodes_[i].improper = improper;
      frames.push_back(Frame{i, 0, t, nullptr, nullptr, 0, 0});
      return i;
    }
    if (is_tuple(t)) {
      Uint n = tuple_arity(t);
      if (n == 0) {
        text_ += "{}";
        return leaf_from(start);
      }
      const Term* p = boxed_ptr(t) + 1;
      bool tagged = n > 1 && is_atom(p[0]);
      uint32_t i = new_node(tagged ? NK::TaggedTuple : NK::Tuple, uint32_t(n));
      frames.push_back(Frame{i, 0, 0, p, nullptr, 0, 0});
      return i;
    }
    if (is_hashmap(t)) {
      Uint n = hashmap_size(t);
      const Term* kv = walk_pairs(t, map_pairs_);
      uint32_t i = new_node(NK::Map, uint32_t(n));
      frames.push_back(Frame{i, 0, 0, kv, kv + n, 0, 0});
      return i;
    }
    if (is_map(t)) {
      Uint n = flatmap_size(t);
      if (n == 0) {
        text_ += "#{}";
        return leaf_from(start);
      }
      uint32_t i = new_node(NK::Map, uint32_t(n));
      frames.push_back(Frame{i, 0, 0, boxed_ptr(flatmap_keys(t)) + 1, flatmap_values(t), 0, 0});
      return i;
    }
    if (is_bitstring_term(t)) {
      BitsView v;
      if (!bitstring_view(t, &v)) {
        text_ += "<<?>>";
        return leaf_from(start);
      }
      if (v.bit_size == 0) {
        text_ += "<<>>";
        return leaf_from(start);
      }
      bool printable = v.bit_size % 8 == 0;
      for (Uint k = 0; printable && k < v.bit_size / 8; k++) printable = io_printable_char(v.byte_at(k));
      if (printable) {  // a leaf: <<"text">>
        text_ += "<<\"";
        for (Uint k = 0; k < v.bit_size / 8; k++) put_io_char(text_, v.byte_at(k), '"');
        text_ += "\">>";
        return leaf_from(start);
      }
      put_bits_numeric(text_, v);  // a Bin node: may break between bytes
      uint32_t i = leaf_from(start);
      nodes_[i].kind = NK::Bin;
      return i;
    }
    if (!put_simple(text_, t, atoms_, true)) text_ += "#<unknown term>";
    return leaf_from(start);
  }

  uint32_t build(Term root_term) {
    std::vector<Frame> frames;
    uint32_t root = open(root_term, frames);
    while (!frames.empty()) {
      Frame& f = frames.back();
      Node& node = nodes_[f.node];
      if (f.next == node.nkids) {  // all kids done: the node's one-line length
        long len = 0;
        for (uint32_t k = 0; k < node.nkids; k++) len += nodes_[kids_[node.kids_off + k]].len;
        switch (node.kind) {
          case NK::Pair: len += 4; break;  // " => "
          case NK::Map: len += 3 + long(node.nkids) - 1; break;
          default: len += 2 + long(node.nkids) - 1; break;
        }
        node.len = len;
        frames.pop_back();
        continue;
      }
      uint32_t slot = node.kids_off + f.next;
      uint32_t k = f.next++;
      uint32_t kid;
      switch (node.kind) {
        case NK::List: {
          Term elem;
          if (is_list(f.cursor)) {
            elem = car(f.cursor);
            f.cursor = cdr(f.cursor);
          } else {
            elem = f.cursor;  // improper tail
          }
          kid = open(elem, frames);
          break;
        }
        case NK::Tuple:
        case NK::TaggedTuple: kid = open(f.p[k], frames); break;
        case NK::Map: {
          Term key = f.p[k], value = f.q[k];
          kid = new_node(NK::Pair, 2);
          frames.push_back(Frame{kid, 0, 0, nullptr, nullptr, key, value});
          break;
        }
        case NK::Pair: kid = open(k == 0 ? f.key : f.value, frames); break;
        default: kid = 0; break;
      }
      kids_[slot] = kid;  // by index: open() may have grown kids_ and frames
    }
    return root;
  }

  // --- one-line text of a subtree (io_lib_pretty:write), explicit stack ---
  void write(uint32_t root) {
    struct W {
      uint32_t node, next;
    };
    std::vector<W> stack{{root, 0}};
    while (!stack.empty()) {
      W& w = stack.back();
      const Node& n = nodes_[w.node];
      if (n.kind == NK::Leaf || n.kind == NK::Bin) {
        out_.append(text_, n.text_off, n.text_len);
        stack.pop_back();
        continue;
      }
      if (w.next == 0) {
        out_ += n.kind == NK::List ? "[" : n.kind == NK::Map ? "#{" : n.kind == NK::Pair ? "" : "{";
      } else if (w.next == n.nkids) {
        out_ += n.kind == NK::List ? "]" : n.kind == NK::Pair ? "" : "}";
        stack.pop_back();
        continue;
      } else if (n.kind == NK::Pair) {
        out_ += " => ";
      } else {
        out_ += (n.improper && w.next == n.nkids - 1) ? '|' : ',';
      }
      uint32_t kid = kids_[n.kids_off + w.next];
      w.next++;
      stack.push_back(W{kid, 0});
    }
  }

  // --- pass 2 helpers ---
  const Node& nd(uint32_t i) const { return nodes_[i]; }
  long len(uint32_t i) const { return nodes_[i].len; }
  bool leaf(uint32_t i) const { return nodes_[i].kind == NK::Leaf; }
  uint32_t kid(uint32_t i, uint32_t k) const { return kids_[nodes_[i].kids_off + k]; }
  bool pair_leaves(uint32_t p) const { return leaf(kid(p, 0)) && leaf(kid(p, 1)); }
  void spaces(long n) {
    if (n > 0) out_.append(size_t(n), ' ');
  }
  bool fits(uint32_t i, long col, long ld, long w) const { return len(i) < ll_ - col - ld && len(i) + w + ld <= m_; }
  // A rest of a kid list, from kid k: more elements follow (a cons), or not.
  bool is_cons(uint32_t node, uint32_t k) const {
    const Node& n = nd(node);
    return k < n.nkids && !(n.improper && k == n.nkids - 1);
  }
  long last_depth(uint32_t node, uint32_t k, long ld) const { return is_cons(node, k) ? 0 : ld + 1; }
  // The rule for writing the next element on the current line.
  bool next_fits(long elen, long ld1, long col, long w) const {
    return (ld1 == 0 && elen + 1 < ll_ - col && w + elen + 1 <= m_) ||
           (ld1 > 0 && elen < ll_ - col - ld1 && w + elen + ld1 <= m_);
  }

  // --- pass 2: layout (io_lib_pretty:pp and friends) ---
  void pp(uint32_t i, long col, long tind, long ind, long ld, long w, int depth) {
    if (fits(i, col, ld, w) || depth > MAX_LAYOUT_DEPTH) {
      write(i);
      return;
    }
    switch (nd(i).kind) {
      case NK::List:
        out_ += '[';
        pp_list(i, 0, col + 1, tind, ind + 1, ld, '|', w + 1, depth);
        out_ += ']';
        break;
      case NK::TaggedTuple:
        out_ += '{';
        pp_tag_tuple(i, col, tind, ind, ld, w + 1, depth);
        out_ += '}';
        break;
      case NK::Tuple:
        out_ += '{';
        pp_list(i, 0, col + 1, tind, ind + 1, ld, ',', w + 1, depth);
        out_ += '}';
        break;
      case NK::Map:
        out_ += "#{";
        pp_map(i, col + 2, tind, ind + 2, ld, w + 1, depth);
        out_ += '}';
        break;
      case NK::Bin: pp_binary(i, col + 2, ind + 2, ld, w); break;
      default: write(i); break;
    }
  }

  // Kids of `node` from `first` on: the first element, then the tail.
  void pp_list(uint32_t node, uint32_t first, long col0, long tind, long ind, long ld, char sep, long w,
               int depth) {
    long we = pp_element(kid(node, first), col0, tind, ind, last_depth(node, first + 1, ld), w, depth);
    pp_tail(node, first + 1, col0, col0 + we, tind, ind, ld, sep, w + we, depth);
  }

  void pp_tail(uint32_t node, uint32_t k, long col0, long col, long tind, long ind, long ld, char sep, long w,
               int depth) {
    for (; k < nd(node).nkids; k++) {
      uint32_t e = kid(node, k);
      if (is_cons(node, k)) {
        long ld1 = last_depth(node, k + 1, ld);
        long elen = 1 + len(e);
        if (next_fits(elen, ld1, col, w) && leaf(e)) {
          out_ += ',';
          write(e);
          col += elen;
          w += elen;
        } else {
          out_ += ",\n";
          spaces(ind);
          long we = pp_element(e, col0, tind, ind, ld1, 0, depth);
          col = col0 + we;
          w = we;
        }
      } else {  // the tail of an improper list
        long l = len(e);
        if (l + 1 < ll_ - col - (ld + 1) && l + 1 + w + (ld + 1) <= m_ && leaf(e)) {
          out_ += sep;
          write(e);
        } else {
          out_ += sep;
          out_ += '\n';
          spaces(ind);
          pp(e, col0, tind, ind, ld + 1, 0, depth + 1);
        }
        return;
      }
    }
  }

  long pp_element(uint32_t e, long col, long tind, long ind, long ld, long w, int depth) {
    if (fits(e, col, ld, w) && leaf(e)) {
      write(e);
      return len(e);
    }
    pp(e, col, tind, ind, ld, w, depth + 1);
    return ll_;
  }

  void pp_tag_tuple(uint32_t node, long col, long tind, long ind, long ld, long w, int depth) {
    uint32_t tag = kid(node, 0);
    long tlen = len(tag);
    long tagind = tlen + 2;
    long tcol = col + tagind;
    if (tind > 0 && tagind > tind) {
      write(tag);
      pp_tail(node, 1, col + tind, tcol, tind, ind + tind, ld, ',', w + tlen, depth);
    } else {
      write(tag);
      out_ += ',';
      pp_list(node, 1, tcol, tind, ind + tagind, ld, ',', w + tlen + 1, depth);
    }
  }

  void pp_map(uint32_t node, long col, long tind, long ind, long ld, long w, int depth) {
    uint32_t n = nd(node).nkids;
    long pw = pp_pair(kid(node, 0), col, tind, ind, n > 1 ? 0 : ld + 1, w, depth);
    // pp_pairs_tail: note that io_lib_pretty restarts the width at the first pair's width.
    long c = col + pw;
    long wi = pw;
    for (uint32_t k = 1; k < n; k++) {
      uint32_t p = kid(node, k);
      long ld1 = k + 1 < n ? 0 : ld + 1;
      long elen = 1 + len(p);
      if (next_fits(elen, ld1, c, wi) && pair_leaves(p)) {
        out_ += ',';
        write(p);
        c += elen;
        wi += elen;
      } else {
        out_ += ",\n";
        spaces(ind);
        long w2 = pp_pair(p, col, tind, ind, ld1, 0, depth);
        c = col + w2;
        wi = w2;
      }
    }
  }

  long pp_pair(uint32_t p, long col, long tind, long ind, long ld, long w, int depth) {
    if (fits(p, col, ld, w)) {
      write(p);
      return pair_leaves(p) ? len(p) : ll_;
    }
    long i = tind > 0 ? tind : 4;
    pp(kid(p, 0), col, tind, ind, ld, w, depth + 1);
    out_ += " =>\n";
    spaces(ind + i);
    pp(kid(p, 1), col + i, tind, ind + i, ld, 0, depth + 1);
    return ll_;
  }

  // A non-printable binary: bytes fill lines of at most N characters.
  void pp_binary(uint32_t i, long col, long ind, long ld, long w) {
    long n0 = std::max(8L, std::min(ll_ - col, m_ - 4 - w) - ld);
    std::string_view body(text_.data() + nd(i).text_off + 2, nd(i).text_len - 4);  // inside << >>
    out_ += "<<";
    long n = n0;
    size_t pos = 0;
    for (;;) {
      size_t comma = body.find(',', pos);
      std::string_view piece = body.substr(pos, comma == std::string_view::npos ? comma : comma - pos);
      if (comma == std::string_view::npos) {  // the last piece ("255" or "5:3")
        if (long(piece.size()) > n) {
          out_ += '\n';
          spaces(ind);
        }
        out_ += piece;
        break;
      }
      long l = long(piece.size()) + 1;
      if (n - l < 0) {
        out_ += '\n';
        spaces(ind);
        n = n0 - l;
      } else {
        n -= l;
      }
      out_ += piece;
      out_ += ',';
      pos = comma + 1;
    }
    out_ += ">>";
  }

  // --- the indentation check (io_lib_pretty:cind and friends); throws NoGood ---
  void cind(uint32_t i, long col, long ind, long ld, long w, int depth) {
    if (fits(i, col, ld, w) || depth > MAX_LAYOUT_DEPTH) return;
    switch (nd(i).kind) {
      case NK::List: cind_list(i, 0, col + 1, ind, ld, w + 1, depth); break;
      case NK::TaggedTuple: cind_tag_tuple(i, col, ind, ld, w + 1, depth); break;
      case NK::Tuple: cind_list(i, 0, col + 1, ind, ld, w + 1, depth); break;
      case NK::Map: cind_map(i, col + 2, ind, ld, w + 2, depth); break;
      default: break;
    }
  }

  void cind_list(uint32_t node, uint32_t first, long col0, long ind, long ld, long w, int depth) {
    long we = cind_element(kid(node, first), col0, ind, last_depth(node, first + 1, ld), w, depth);
    cind_tail(node, first + 1, col0, col0 + we, ind, ld, w + we, depth);
  }

  void cind_tail(uint32_t node, uint32_t k, long col0, long col, long ind, long ld, long w, int depth) {
    for (; k < nd(node).nkids; k++) {
      uint32_t e = kid(node, k);
      if (is_cons(node, k)) {
        long ld1 = last_depth(node, k + 1, ld);
        long elen = 1 + len(e);
        if (next_fits(elen, ld1, col, w) && leaf(e)) {
          col += elen;
          w += elen;
        } else {
          long we = cind_element(e, col0, ind, ld1, 0, depth);
          col = col0 + we;
          w = we;
        }
      } else {
        long l = len(e);
        if (l + 1 < ll_ - col - (ld + 1) && l + 1 + w + (ld + 1) <= m_ && leaf(e)) return;
        cind(e, col, ind, ld + 1, 0, depth + 1);  // io_lib_pretty passes Col here, not Col0
        return;
      }
    }
  }

  long cind_element(uint32_t e, long col, long ind, long ld, long w, int depth) {
    if (fits(e, col, ld, w) && leaf(e)) return len(e);
    cind(e, col, ind, ld, w, depth + 1);
    return ll_;
  }

  void cind_tag_tuple(uint32_t node, long col, long ind, long ld, long w, int depth) {
    long tlen = len(kid(node, 0));
    long tagind = tlen + 2;
    long tcol = col + tagind;
    if (ind > 0 && tagind > ind) {
      long col1 = col + ind;
      if (!(m_ + col1 <= ll_ || col1 <= ll_ / 2)) throw NoGood{};
      cind_tail(node, 1, col1, tcol, ind, ld, w + tlen, depth);
    } else {
      if (!(m_ + tcol < ll_ || tcol < ll_ / 2)) throw NoGood{};
      cind_list(node, 1, tcol, ind, ld, w + tlen + 1, depth);
    }
  }

  void cind_map(uint32_t node, long col, long ind, long ld, long w, int depth) {
    uint32_t n = nd(node).nkids;
    long pw = cind_pair(kid(node, 0), col, ind, n > 1 ? 0 : ld + 1, w, depth);
    long c = col + pw;
    long wi = w + pw;  // unlike pp_map, cind_map continues from W + PW
    for (uint32_t k = 1; k < n; k++) {
      uint32_t p = kid(node, k);
      long ld1 = k + 1 < n ? 0 : ld + 1;
      long elen = 1 + len(p);
      if (next_fits(elen, ld1, c, wi) && pair_leaves(p)) {
        c += elen;
        wi += elen;
      } else {
        long w2 = cind_pair(p, col, ind, ld1, 0, depth);
        c = col + w2;
        wi = w2;
      }
    }
  }

  long cind_pair(uint32_t p, long col, long ind, long ld, long w, int depth) {
    if (fits(p, col, ld, w)) return pair_leaves(p) ? len(p) : ll_;
    cind(kid(p, 0), col, ind, ld, w, depth + 1);
    long i = ind > 0 ? ind : 4;
    cind(kid(p, 1), col + i, ind, ld, 0, depth + 1);
    return ll_;
  }

  const AtomTable& atoms_;
  long ll_;
  long m_ = 0;
  std::vector<Node> nodes_;
  std::vector<uint32_t> kids_;
  std::string text_;  // leaf texts
  std::string out_;
  std::vector<std::vector<Term>> map_pairs_;  // hash maps' pairs in walk order
};

}  // namespace

// --- public ---------------------------------------------------------------------------------

std::string display_term(Term t, const AtomTable& atoms) {
  std::string out;
  write_flat(out, t, atoms, Style::Display);
  return out;
}

std::string format_w(Term t, const AtomTable& atoms) {
  std::string out;
  write_flat(out, t, atoms, Style::W);
  return out;
}

std::string format_p(Term t, const AtomTable& atoms, int column, int line_length) {
  if (column <= 0) column = 1;
  if (is_atom(t)) return format_atom(t, atoms);
  if (is_list(t) || is_tuple(t) || is_map(t) || is_bitstring_term(t)) {
    Pretty pretty(atoms, line_length);
    return pretty.run(t, column);
  }
  std::string out;
  if (!put_simple(out, t, atoms, true)) out = is_nil(t) ? "[]" : "#<unknown term>";
  return out;
}

std::string format_float_short(double d) {
  std::string out;
  put_float_short(out, d);
  return out;
}

std::string format_atom(Term atom, const AtomTable& atoms) {
  std::string out;
  put_io_atom(out, atoms.name(atom));
  return out;
}

}  // namespace beamrun
