// term_bridge.cpp - Values into and out of a process's heap (see term_bridge.h).
#include "embed/term_bridge.h"

#include <cstring>

#include "bifs/external_terms.h"
#include "embed/value_node.h"
#include "etf/encode.h"
#include "process/arith.h"
#include "process/binaries.h"
#include "term/bignum.h"
#include "term/binary.h"
#include "term/map.h"
#include "term/map_iter.h"
#include "term/utf8.h"

namespace beamrun {

namespace {

Value opaque_of(Term t, Process& p) {
  Runtime& vm = p.vm();
  std::vector<uint8_t> bytes = etf_encode_to_vector(t, EtfEncodeOptions{}, vm.encode_env(p.pid()));
  Value::Node n;
  n.kind = Value::Kind::Opaque;
  n.text.assign(bytes.begin(), bytes.end());
  return ValueAccess::make(std::move(n));
}

Value to_value(Term t, Process& p, unsigned depth) {
  if (depth > VALUE_MAX_DEPTH) return opaque_of(t, p);
  AtomTable& atoms = p.vm().atoms();
  if (is_small(t)) return Value::integer(small_value(t));
  if (is_atom(t)) return Value::atom(atoms.name(t));
  if (is_local_pid(t)) return Value::pid(Pid::from_id(t));
  if (is_nil(t)) return Value();
  if (is_list(t)) {
    std::vector<Value> items;
    Term l = t;
    for (; is_list(l); l = cdr(l)) items.push_back(to_value(car(l), p, depth + 1));
    return Value::list(std::move(items), is_nil(l) ? std::nullopt : std::optional<Value>(to_value(l, p, depth + 1)));
  }
  if (is_tuple(t)) {
    std::vector<Value> items;
    Uint n = tuple_arity(t);
    items.reserve(n);
    for (Uint i = 1; i <= n; ++i) items.push_back(to_value(tuple_element(t, i), p, depth + 1));
    return Value::tuple(std::move(items));
  }
  if (is_float(t)) return Value::float_(float_value(t));
  if (is_bignum(t)) return *Value::integer_from_text(integer_to_string(t, 10));
  if (is_map(t)) {
    std::vector<std::pair<Value, Value>> entries;
    map_foreach(t, [&](Term k, Term v) { entries.emplace_back(to_value(k, p, depth + 1), to_value(v, p, depth + 1)); });
    return Value::map(std::move(entries));
  }
  if (is_local_ref_term(t)) {
    Value::Node n;
    n.kind = Value::Kind::Ref;
    n.text.assign(reinterpret_cast<const char*>(boxed_ptr(t) + 1), (REF_WORDS - 1) * sizeof(Term));
    return ValueAccess::make(std::move(n));
  }
  const uint8_t* data;
  size_t size;
  if (binary_bytes(t, &data, &size)) return Value::binary(std::string_view(reinterpret_cast<const char*>(data), size));
  return opaque_of(t, p);
}

struct Builder {
  Process& p;
  std::string* error;

  Term fail(std::string msg) {
    if (error->empty()) *error = std::move(msg);
    return NON_VALUE;
  }

  Term build(const Value& v) {
    const Value::Node* n = ValueAccess::node(v);
    if (n == nullptr) return NIL;
    switch (n->kind) {
      case Value::Kind::Integer:
        if (!n->big) return make_integer(p, n->small);
        return string_to_integer(p, n->text, 10);
      case Value::Kind::Float: return make_float(p, n->f);
      case Value::Kind::Atom: {
        // Erlang's limit is 255 characters; the text must be UTF-8.
        size_t chars = utf8_length(reinterpret_cast<const uint8_t*>(n->text.data()), n->text.size());
        if (chars == SIZE_MAX) return fail("atom text is not UTF-8");
        if (chars > 255) return fail("atom longer than 255 characters: " + n->text.substr(0, 40) + "...");
        Term a = p.vm().atoms().try_intern(n->text);
        if (a == NON_VALUE) return fail("cannot make atom " + n->text + " (atom limit)");
        return a;
      }
      case Value::Kind::Binary: return make_binary(p, n->text.data(), n->text.size());
      case Value::Kind::Pid:
        if (!is_local_pid(Term(n->pid))) return fail("not a pid of this VM");
        return Term(n->pid);
      case Value::Kind::Ref: {
        if (n->text.size() != (REF_WORDS - 1) * sizeof(Term)) return fail("malformed reference");
        Term* r = p.alloc(REF_WORDS);
        r[0] = make_header(REF_WORDS - 1, Subtag::Ref);
        std::memcpy(r + 1, n->text.data(), n->text.size());
        return make_boxed(r);
      }
      case Value::Kind::Tuple: {
        size_t k = n->items.size();
        std::vector<Term> elems(k);
        for (size_t i = 0; i < k; ++i)
          if ((elems[i] = build(n->items[i])) == NON_VALUE) return NON_VALUE;
        Term* t = p.alloc(k + 1);
        t[0] = make_tuple_header(k);
        for (size_t i = 0; i < k; ++i) t[i + 1] = elems[i];
        return make_boxed(t);
      }
      case Value::Kind::List: {
        Term tail = n->has_tail ? build(n->tail) : NIL;
        if (tail == NON_VALUE) return NON_VALUE;
        for (size_t i = n->items.size(); i-- > 0;) {
          Term head = build(n->items[i]);
          if (head == NON_VALUE) return NON_VALUE;
          Term* cell = p.alloc(2);
          cell[0] = head;
          cell[1] = tail;
          tail = make_list(cell);
        }
        return tail;
      }
      case Value::Kind::Map: {
        std::vector<Term> keys, values;
        for (const auto& [k, x] : n->entries) {
          keys.push_back(build(k));
          values.push_back(build(x));
          if (keys.back() == NON_VALUE || values.back() == NON_VALUE) return NON_VALUE;
        }
        return map_from_pairs(p, keys.data(), values.data(), keys.size(), p.vm().atoms());
      }
      case Value::Kind::Opaque: {
        Term bin = make_binary(p, n->text.data(), n->text.size());
        ExcKind saved = p.exc_kind;
        Term t = bin == NON_VALUE ? NON_VALUE : binary_to_term(&p, bin, false, false);
        if (t == NON_VALUE) {
          p.exc_kind = saved;  // the failed decode's badarg is ours to report, not p's
          return fail("an opaque value that does not decode");
        }
        return t;
      }
    }
    return fail("unknown value");
  }
};

}  // namespace

Value term_to_value(Term t, Process& p) { return to_value(t, p, 0); }

Term value_to_term(const Value& v, Process& p, std::string* error) {
  Builder b{p, error};
  return b.build(v);
}

}  // namespace beamrun
