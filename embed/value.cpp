// value.cpp - the host's terms (beamrun::Value): immutable trees, built and read without a VM.
//
// A Value is a shared pointer to a Node; copies share the node, and nothing ever changes a
// node once made, so Values may be read from any thread. The empty list is the null pointer.
// Maps keep their entries sorted by the keys' term order, as Erlang's own maps print and
// iterate, so two maps with the same entries compare equal whatever order they were built in.
#include "embed/value_node.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

#include "term/utf8.h"

namespace beamrun {

namespace {

const std::vector<Value>& no_items() {
  static const std::vector<Value> empty;
  return empty;
}
const std::vector<std::pair<Value, Value>>& no_entries() {
  static const std::vector<std::pair<Value, Value>> empty;
  return empty;
}
const std::string& no_text() {
  static const std::string empty;
  return empty;
}

// Erlang's order of kinds: number < atom < reference < fun < port < pid < tuple < map < nil <
// list < bitstring. Opaque terms (funs, ports, odd bitstrings) sort with funs: the host cannot
// tell them apart anyway.
int kind_rank(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::Integer:
    case Value::Kind::Float: return 0;
    case Value::Kind::Atom: return 1;
    case Value::Kind::Ref: return 2;
    case Value::Kind::Opaque: return 3;
    case Value::Kind::Pid: return 5;
    case Value::Kind::Tuple: return 6;
    case Value::Kind::Map: return 7;
    case Value::Kind::List: return v.items().empty() ? 8 : 9;
    case Value::Kind::Binary: return 10;
  }
  return 11;
}

// Compares two decimal integer texts numerically.
int compare_decimal(const std::string& a, const std::string& b) {
  bool na = !a.empty() && a[0] == '-', nb = !b.empty() && b[0] == '-';
  if (na != nb) return na ? -1 : 1;
  std::string_view ma = std::string_view(a).substr(na), mb = std::string_view(b).substr(nb);
  int mag = ma.size() != mb.size() ? (ma.size() < mb.size() ? -1 : 1) : ma.compare(mb) < 0 ? -1 : ma.compare(mb) > 0 ? 1 : 0;
  return na ? -mag : mag;
}

int compare_numbers(const Value& a, const Value& b) {
  if (a.is_integer() && b.is_integer()) {
    auto x = a.as_int64(), y = b.as_int64();
    if (x && y) return *x < *y ? -1 : *x > *y ? 1 : 0;
    return compare_decimal(a.integer_text(), b.integer_text());
  }
  double x = *a.as_double(), y = *b.as_double();
  return x < y ? -1 : x > y ? 1 : 0;
}

}  // namespace

int compare_values(const Value& a, const Value& b) {
  int ra = kind_rank(a), rb = kind_rank(b);
  if (ra != rb) return ra < rb ? -1 : 1;
  const Value::Node* na = ValueAccess::node(a);
  const Value::Node* nb = ValueAccess::node(b);
  auto cmp_text = [](const std::string& x, const std::string& y) {
    int c = x.compare(y);
    return c < 0 ? -1 : c > 0 ? 1 : 0;
  };
  switch (a.kind()) {
    case Value::Kind::Integer:
    case Value::Kind::Float: return compare_numbers(a, b);
    case Value::Kind::Atom:
    case Value::Kind::Binary:
    case Value::Kind::Ref:
    case Value::Kind::Opaque: return cmp_text(na->text, nb->text);
    case Value::Kind::Pid: return na->pid < nb->pid ? -1 : na->pid > nb->pid ? 1 : 0;
    case Value::Kind::Tuple: {
      if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
      for (size_t i = 0; i < a.size(); ++i)
        if (int c = compare_values(a[i], b[i])) return c;
      return 0;
    }
    case Value::Kind::Map: {
      if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
      const auto &ea = a.entries(), &eb = b.entries();
      for (size_t i = 0; i < ea.size(); ++i)
        if (int c = compare_values(ea[i].first, eb[i].first)) return c;
      for (size_t i = 0; i < ea.size(); ++i)
        if (int c = compare_values(ea[i].second, eb[i].second)) return c;
      return 0;
    }
    case Value::Kind::List: {
      if (na == nullptr || nb == nullptr) return na == nb ? 0 : na == nullptr ? -1 : 1;  // [] vs a list
      const auto &ia = a.items(), &ib = b.items();
      for (size_t i = 0; i < ia.size() && i < ib.size(); ++i)
        if (int c = compare_values(ia[i], ib[i])) return c;
      if (ia.size() != ib.size()) {
        // The shorter one's tail meets the rest of the longer one (a list).
        auto rest = [](const Value& l, size_t from) {
          return Value::list(std::vector<Value>(l.items().begin() + from, l.items().end()),
                             l.is_proper_list() ? std::nullopt : std::optional<Value>(l.tail()));
        };
        if (ia.size() < ib.size()) return compare_values(a.tail(), rest(b, ia.size()));
        return compare_values(rest(a, ib.size()), b.tail());
      }
      if (!na->has_tail && !nb->has_tail) return 0;
      return compare_values(a.tail(), b.tail());
    }
  }
  return 0;
}

// ---- building -------------------------------------------------------------------------------------

Value::Value() = default;

Value ValueAccess::make(Value::Node n) { return Value(std::make_shared<const Value::Node>(std::move(n))); }

Value Value::integer(int64_t n) {
  Node node;
  node.kind = Kind::Integer;
  node.small = n;
  return ValueAccess::make(std::move(node));
}

std::optional<Value> Value::integer_from_text(std::string_view decimal) {
  std::string_view digits = decimal;
  bool neg = false;
  if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) {
    neg = digits[0] == '-';
    digits.remove_prefix(1);
  }
  if (digits.empty() || !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  while (digits.size() > 1 && digits[0] == '0') digits.remove_prefix(1);
  int64_t small;
  std::string canonical = (neg && digits != "0" ? "-" : "") + std::string(digits);
  auto [end, ec] = std::from_chars(canonical.data(), canonical.data() + canonical.size(), small);
  if (ec == std::errc() && end == canonical.data() + canonical.size()) return integer(small);
  Node node;
  node.kind = Kind::Integer;
  node.big = true;
  node.text = std::move(canonical);
  return ValueAccess::make(std::move(node));
}

Value Value::float_(double d) {
  Node node;
  node.kind = Kind::Float;
  node.f = d;
  return ValueAccess::make(std::move(node));
}

Value Value::atom(std::string_view name) {
  Node node;
  node.kind = Kind::Atom;
  node.text = std::string(name);
  return ValueAccess::make(std::move(node));
}

Value Value::boolean(bool b) { return atom(b ? "true" : "false"); }

Value Value::binary(std::string_view bytes) {
  Node node;
  node.kind = Kind::Binary;
  node.text = std::string(bytes);
  return ValueAccess::make(std::move(node));
}

Value Value::charlist(std::string_view utf8) {
  // Invalid UTF-8 bytes are taken one by one as Latin-1 code points, so no input is lost.
  std::vector<Value> items;
  auto bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  for (size_t i = 0; i < utf8.size();) {
    uint32_t cp;
    size_t n = decode_utf8(bytes + i, utf8.size() - i, &cp);
    if (n == 0 || n == UTF8_TRUNCATED) {
      cp = bytes[i];
      n = 1;
    }
    items.push_back(integer(cp));
    i += n;
  }
  return list(std::move(items));
}

Value Value::list(std::vector<Value> items, std::optional<Value> tail) {
  // A tail that is itself a list joins its items, so [1 | [2, 3]] is the proper list [1, 2, 3].
  while (tail && tail->is_list()) {
    const Node* t = ValueAccess::node(*tail);
    if (t == nullptr) {
      tail.reset();
      break;
    }
    items.insert(items.end(), t->items.begin(), t->items.end());
    tail = t->has_tail ? std::optional<Value>(t->tail) : std::nullopt;
  }
  if (items.empty()) return tail ? *tail : Value();
  Node node;
  node.kind = Kind::List;
  node.items = std::move(items);
  if (tail) {
    node.has_tail = true;
    node.tail = *tail;
  }
  return ValueAccess::make(std::move(node));
}

Value Value::tuple(std::vector<Value> items) {
  Node node;
  node.kind = Kind::Tuple;
  node.items = std::move(items);
  return ValueAccess::make(std::move(node));
}

Value Value::map(std::vector<std::pair<Value, Value>> entries) {
  // Stable: of equal keys the later stays last, and wins below.
  std::stable_sort(entries.begin(), entries.end(),
                   [](const auto& a, const auto& b) { return ValueAccess::map_key_less(a.first, b.first); });
  std::vector<std::pair<Value, Value>> unique;
  for (auto& e : entries) {
    if (!unique.empty() && unique.back().first == e.first) unique.back() = std::move(e);
    else unique.push_back(std::move(e));
  }
  Node node;
  node.kind = Kind::Map;
  node.entries = std::move(unique);
  return ValueAccess::make(std::move(node));
}

Value Value::pid(Pid p) {
  Node node;
  node.kind = Kind::Pid;
  node.pid = p.id();
  return ValueAccess::make(std::move(node));
}

Value Value::ok(Value v) { return tuple({atom("ok"), std::move(v)}); }
Value Value::error(Value v) { return tuple({atom("error"), std::move(v)}); }

bool ValueAccess::map_key_less(const Value& a, const Value& b) {
  int c = compare_values(a, b);
  if (c != 0) return c < 0;
  // Equal in term order but not exactly (1 and 1.0): maps put the integer first.
  return a.is_integer() && b.kind() == Value::Kind::Float;
}

// ---- reading --------------------------------------------------------------------------------------

Value::Kind Value::kind() const { return n_ ? n_->kind : Kind::List; }

bool Value::is_atom(std::string_view name) const { return is_atom() && n_->text == name; }

bool Value::is_tagged(std::string_view tag, size_t size) const {
  return is_tuple() && n_->items.size() == size && size > 0 && n_->items[0].is_atom(tag);
}

std::optional<int64_t> Value::as_int64() const {
  if (!is_integer() || n_->big) return std::nullopt;
  return n_->small;
}

std::string Value::integer_text() const {
  if (!is_integer()) return {};
  return n_->big ? n_->text : std::to_string(n_->small);
}

std::optional<double> Value::as_double() const {
  if (kind() == Kind::Float) return n_->f;
  if (!is_integer()) return std::nullopt;
  if (!n_->big) return double(n_->small);
  return std::strtod(n_->text.c_str(), nullptr);
}

const std::string& Value::text() const {
  if (n_ && (n_->kind == Kind::Atom || n_->kind == Kind::Binary)) return n_->text;
  return no_text();
}

std::optional<std::string> Value::as_charlist() const {
  if (!is_list() || !is_proper_list()) return std::nullopt;
  std::string out;
  for (const Value& v : items()) {
    auto c = v.as_int64();
    if (!c || *c < 0 || *c > 0x10FFFF || (*c >= 0xD800 && *c <= 0xDFFF)) return std::nullopt;
    append_utf8(out, uint32_t(*c));
  }
  return out;
}

const std::vector<Value>& Value::items() const {
  if (n_ && (n_->kind == Kind::List || n_->kind == Kind::Tuple)) return n_->items;
  return no_items();
}

const Value& Value::tail() const {
  static const Value nil;
  if (n_ && n_->kind == Kind::List && n_->has_tail) return n_->tail;
  return nil;
}

bool Value::is_proper_list() const { return is_list() && (!n_ || !n_->has_tail); }

const std::vector<std::pair<Value, Value>>& Value::entries() const {
  if (n_ && n_->kind == Kind::Map) return n_->entries;
  return no_entries();
}

const Value* Value::find(const Value& key) const {
  for (const auto& e : entries())
    if (e.first == key) return &e.second;
  return nullptr;
}

Pid Value::as_pid() const { return kind() == Kind::Pid ? Pid::from_id(n_->pid) : Pid(); }

bool operator==(const Value& a, const Value& b) {
  if (a.n_ == b.n_) return true;
  if (a.kind() != b.kind()) return false;
  if (a.kind() == Value::Kind::Float) return std::memcmp(&a.n_->f, &b.n_->f, sizeof(double)) == 0 || a.n_->f == b.n_->f;
  return compare_values(a, b) == 0;
}

// ---- JSON-like values -----------------------------------------------------------------------------

Value Value::from_json(const Json& j) {
  return std::visit(
      [](const auto& v) -> Value {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) return atom("null");
        else if constexpr (std::is_same_v<T, bool>) return boolean(v);
        else if constexpr (std::is_same_v<T, int64_t>) return integer(v);
        else if constexpr (std::is_same_v<T, double>) return float_(v);
        else if constexpr (std::is_same_v<T, std::string>) return binary(v);
        else if constexpr (std::is_same_v<T, std::vector<Json>>) {
          std::vector<Value> items;
          for (const Json& x : v) items.push_back(from_json(x));
          return list(std::move(items));
        } else {
          std::vector<std::pair<Value, Value>> entries;
          for (const auto& [k, x] : v) entries.emplace_back(binary(k), from_json(x));
          return map(std::move(entries));
        }
      },
      j.v);
}

std::optional<Value::Json> Value::to_json() const {
  Json j;
  switch (kind()) {
    case Kind::Integer: {
      auto i = as_int64();
      if (!i) return std::nullopt;
      j.v = *i;
      return j;
    }
    case Kind::Float: j.v = n_->f; return j;
    case Kind::Atom:
      if (n_->text == "null") return j;
      if (n_->text == "true" || n_->text == "false") {
        j.v = n_->text == "true";
        return j;
      }
      return std::nullopt;
    case Kind::Binary: j.v = n_->text; return j;
    case Kind::List: {
      if (!is_proper_list()) return std::nullopt;
      std::vector<Json> out;
      for (const Value& v : items()) {
        auto x = v.to_json();
        if (!x) return std::nullopt;
        out.push_back(std::move(*x));
      }
      j.v = std::move(out);
      return j;
    }
    case Kind::Map: {
      std::vector<std::pair<std::string, Json>> out;
      for (const auto& [k, v] : entries()) {
        auto x = v.to_json();
        if (!k.is_binary() || !x) return std::nullopt;
        out.emplace_back(k.text(), std::move(*x));
      }
      j.v = std::move(out);
      return j;
    }
    default: return std::nullopt;
  }
}

}  // namespace beamrun
