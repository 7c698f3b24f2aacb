// translate_maps.cpp - translation of the map instructions (loader/instructions_maps.h).
//
// What erlc (OTP 25) emits: put_map_assoc for #{...} and M#{K => V} (the source may be the
// literal #{}), put_map_exact for M#{K := V}, get_map_elements for map patterns (after an
// is_map test), has_map_fields for patterns that bind nothing, and the BIFs map_get,
// map_size and is_map_key (maps:get/2 becomes map_get) through the ordinary bif instructions.
#include "loader/translator.h"

namespace beamrun {

namespace {

const Operand& pair_list(Translator& t, const GenericInstr& gi, const Operand& o, size_t unit) {
  if (o.kind != K::List || o.list.size() % unit != 0) t.fail(gi, "expected a list of key/value operands");
  return o;
}

}  // namespace

bool translate_maps(Translator& t, size_t index) {
  const GenericInstr& gi = t.bf_.code[index];
  const auto& o = gi.ops;
  switch (gi.opcode) {
    case op_put_map_assoc:
    case op_put_map_exact: {
      const Operand& list = pair_list(t, gi, o[4], 2);
      uint64_t live = t.untagged(gi, o[3]);
      if (live >= MAX_X_REGS - 4) t.fail(gi, "live register count out of range");
      LabelRef fail = t.label(gi, o[0], true);
      SrcOperand map = t.src(gi, o[1]);
      RegOperand dst = t.reg(gi, o[2]);
      std::vector<spec::i_put_map_assoc::Entry> pairs;
      for (size_t i = 0; i < list.list.size(); i += 2)
        pairs.push_back({t.src(gi, list.list[i]), t.src(gi, list.list[i + 1])});
      spec::i_put_map_assoc::emit_as(t, gi.opcode == op_put_map_assoc ? Instr::i_put_map_assoc : Instr::i_put_map_exact,
                                     fail, map, dst, live, pairs);
      return true;
    }
    case op_get_map_elements: {
      const Operand& list = pair_list(t, gi, o[2], 2);
      LabelRef fail = t.label(gi, o[0]);
      SrcOperand map = t.src(gi, o[1]);
      if (list.list.size() == 2) {
        SrcOperand key = t.src(gi, list.list[0]);
        spec::i_get_map_element::emit(t, fail, map, key, t.reg(gi, list.list[1]));
        return true;
      }
      std::vector<spec::i_get_map_elements::Entry> pairs;
      for (size_t i = 0; i < list.list.size(); i += 2)
        pairs.push_back({t.src(gi, list.list[i]), t.reg(gi, list.list[i + 1])});
      spec::i_get_map_elements::emit(t, fail, map, pairs);
      return true;
    }
    case op_has_map_fields: {
      const Operand& list = pair_list(t, gi, o[2], 1);
      LabelRef fail = t.label(gi, o[0]);
      SrcOperand map = t.src(gi, o[1]);
      std::vector<spec::i_has_map_fields::Entry> keys;
      for (const Operand& k : list.list) keys.push_back({t.src(gi, k)});
      spec::i_has_map_fields::emit(t, fail, map, keys);
      return true;
    }
    default:
      return false;
  }
}

}  // namespace beamrun
