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
      t.op(gi.opcode == op_put_map_assoc ? Instr::i_put_map_assoc : Instr::i_put_map_exact);
      t.label(gi, o[0], true);
      t.word(t.src(gi, o[1]));
      t.word(t.reg(gi, o[2]));
      t.word(live);
      t.word(list.list.size() / 2);
      for (size_t i = 0; i < list.list.size(); ++i) t.word(t.src(gi, list.list[i]));
      return true;
    }
    case op_get_map_elements: {
      const Operand& list = pair_list(t, gi, o[2], 2);
      if (list.list.size() == 2) {
        t.op(Instr::i_get_map_element);
        t.label(gi, o[0]);
        t.word(t.src(gi, o[1]));
        t.word(t.src(gi, list.list[0]));
        t.word(t.reg(gi, list.list[1]));
        return true;
      }
      t.op(Instr::i_get_map_elements);
      t.label(gi, o[0]);
      t.word(t.src(gi, o[1]));
      t.word(list.list.size() / 2);
      for (size_t i = 0; i < list.list.size(); i += 2) {
        t.word(t.src(gi, list.list[i]));
        t.word(t.reg(gi, list.list[i + 1]));
      }
      return true;
    }
    case op_has_map_fields: {
      const Operand& list = pair_list(t, gi, o[2], 1);
      t.op(Instr::i_has_map_fields);
      t.label(gi, o[0]);
      t.word(t.src(gi, o[1]));
      t.word(list.list.size());
      for (const Operand& k : list.list) t.word(t.src(gi, k));
      return true;
    }
    default:
      return false;
  }
}

}  // namespace beamrun
