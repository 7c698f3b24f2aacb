// value_node.h - the inside of a beamrun::Value (include/beamrun/beamrun.h), for the embed
// layer's own files: the tree node, and the friend that makes and opens Values.
#pragma once
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "beamrun/beamrun.h"

namespace beamrun {

// One immutable node. Which fields mean something depends on `kind`:
//   Integer  small, or (big) text = decimal digits with an optional '-'
//   Float    f
//   Atom     text = the name (UTF-8);   Binary  text = the bytes
//   List     items (at least one), has_tail and tail for an improper one
//   Tuple    items;   Map  entries, sorted by map_key_less, keys unique
//   Pid      pid = the pid's term word;   Ref  text = the reference's words as bytes
//   Opaque   text = the external term format of the term
struct Value::Node {
  Kind kind = Kind::List;
  bool big = false;
  int64_t small = 0;
  double f = 0;
  uint64_t pid = 0;
  std::string text;
  std::vector<Value> items;
  bool has_tail = false;  // an improper list: `tail` is its last tail
  Value tail;
  std::vector<std::pair<Value, Value>> entries;
};

struct ValueAccess {
  static Value make(Value::Node n);
  static const Value::Node* node(const Value& v) { return v.n_.get(); }
  static std::shared_ptr<const Value::Node> node_ptr(const Value& v) { return v.n_; }
  // The order of keys in a map: term order, integers before equal floats.
  static bool map_key_less(const Value& a, const Value& b);
};

// Erlang's term order (-1, 0, 1), 1 == 1.0 included.
int compare_values(const Value& a, const Value& b);

}  // namespace beamrun
