// translate_bits.cpp - translation of the bit syntax instructions (loader/instructions_bits.h).
//
// Segment flags come as a field_flags number (older instructions), as [] or a literal list of
// atoms (bs_create_bin, bs_match); both become BSF_* bits with `native` resolved to this
// machine's byte order. String operands (offsets into StrT) become binaries in the module's
// literal area, so the code keeps no pointer into the .beam file.
#include <bit>

#include "loader/instructions_bits.h"
#include "loader/translator.h"
#include "term/binary.h"

namespace beamrun {

namespace {

constexpr bool NATIVE_IS_LITTLE = std::endian::native == std::endian::little;

class BitsTranslator {
 public:
  BitsTranslator(Translator& t, const GenericInstr& gi) : t_(t), gi_(gi) {}

  bool translate();

 private:
  bool construction();
  bool matching();
  std::string_view atom_name(const Operand& o) {
    if (o.kind != K::Atom) t_.fail(gi_, "expected an atom");
    return t_.env_.atoms.name(o.term);
  }
  unsigned flags(const Operand& o) {
    unsigned f = 0;
    if (o.kind == K::Untagged) {
      f = unsigned(o.value) & (BSF_LITTLE | BSF_SIGNED | BSF_NATIVE);
    } else if (o.kind == K::Literal || o.kind == K::Nil) {
      Term l = o.term;
      for (; is_list(l); l = cdr(l)) {
        Term a = car(l);
        if (!is_atom(a)) t_.fail(gi_, "bad segment flag");
        std::string_view n = t_.env_.atoms.name(a);
        if (n == "little") f |= BSF_LITTLE;
        else if (n == "native") f |= BSF_NATIVE;
        else if (n == "signed") f |= BSF_SIGNED;
      }
      if (!is_nil(l)) t_.fail(gi_, "bad segment flags");
    } else {
      t_.fail(gi_, "bad segment flags");
    }
    if (f & BSF_NATIVE) f = (f & ~BSF_NATIVE) | (NATIVE_IS_LITTLE ? BSF_LITTLE : 0);
    return f;
  }
  // A live-register count (the x registers a collection keeps).
  uint64_t live_of(const Operand& o) {
    uint64_t l = t_.untagged(gi_, o);
    if (l >= MAX_X_REGS - 4) t_.fail(gi_, "live out of range");
    return l;
  }
  unsigned unit(const Operand& o) {
    uint64_t u = t_.untagged(gi_, o);
    if (u > 256) t_.fail(gi_, "unit out of range");
    return unsigned(u);
  }
  // A literal binary of the StrT bytes [offset, offset + bytes).
  Term string_literal(uint64_t offset, uint64_t bytes) {
    const std::string& s = t_.bf_.strings;
    if (offset > s.size() || bytes > s.size() - offset) t_.fail(gi_, "string out of range");
    return make_bitstring(*t_.bf_.literal_area, reinterpret_cast<const uint8_t*>(s.data()) + offset, bytes * 8);
  }
  // Emits the fastest get_integer instruction for a constant size.
  void get_integer_imm(LabelRef fail, SrcOperand ctx, uint64_t live, uint64_t bits, unsigned f, RegOperand dst) {
    if (f == 0 && (bits == 8 || bits == 16 || bits == 32)) {
      Instr which = bits == 8 ? Instr::i_bs_get_integer_8 : bits == 16 ? Instr::i_bs_get_integer_16 : Instr::i_bs_get_integer_32;
      spec::i_bs_get_integer_8::emit_as(t_, which, fail, ctx, dst);
      return;
    }
    spec::i_bs_get_integer_imm::emit(t_, fail, ctx, live, bits, f, dst);
  }
  void create_bin();
  void bs_match();

  Translator& t_;
  const GenericInstr& gi_;
};

void BitsTranslator::create_bin() {
  // Fail Alloc Live Unit Dst {list: Type Seg Unit Flags Value Size, ...}
  const auto& o = gi_.ops;
  const Operand& list = o[5];
  if (list.kind != K::List || list.list.size() % 6 != 0) t_.fail(gi_, "bad segment list");
  size_t count = list.list.size() / 6;
  if (count == 0) t_.fail(gi_, "no segments");
  LabelRef fail = t_.label(gi_, o[0], true);
  uint64_t alloc = t_.heap_need(gi_, o[1]);
  uint64_t live = t_.untagged(gi_, o[2]);
  if (live >= MAX_X_REGS - 4) t_.fail(gi_, "live out of range");
  RegOperand dst = t_.reg(gi_, o[4]);
  std::vector<spec::i_bs_create_bin::Entry> segs;
  for (size_t i = 0; i < count; ++i) {
    const Operand* s = &list.list[6 * i];
    std::string_view type = atom_name(s[0]);
    uint64_t segno = t_.untagged(gi_, s[1]);
    if (segno > 0xFFFFFFFF) t_.fail(gi_, "segment number out of range");
    unsigned u = unit(s[2]), f = flags(s[3]);
    BsSeg kind;
    if (type == "integer") kind = BsSeg::Integer;
    else if (type == "float") kind = BsSeg::Float;
    else if (type == "binary") kind = BsSeg::Binary;
    else if (type == "string") kind = BsSeg::String;
    else if (type == "utf8") kind = BsSeg::Utf8;
    else if (type == "utf16") kind = BsSeg::Utf16;
    else if (type == "utf32") kind = BsSeg::Utf32;
    else if (type == "append") kind = BsSeg::Append;
    else if (type == "private_append") kind = BsSeg::PrivateAppend;
    else t_.fail(gi_, "unknown segment type " + std::string(type));
    if ((kind == BsSeg::Append || kind == BsSeg::PrivateAppend) && i != 0) t_.fail(gi_, "append segment not first");
    Word seg = bs_seg_word(kind, f, u, unsigned(segno));
    if (kind == BsSeg::String) {
      uint64_t len = t_.untagged(gi_, s[5]);
      Term lit = string_literal(t_.untagged(gi_, s[4]), len);
      segs.push_back({seg, ConstOperand{lit}, ConstOperand{make_small(Sint(len))}});
    } else {
      SrcOperand value = t_.src(gi_, s[4]);
      segs.push_back({seg, value, t_.src(gi_, s[5])});
    }
  }
  spec::i_bs_create_bin::emit(t_, fail, alloc, live, dst, segs);
}

void BitsTranslator::bs_match() {
  // Fail Ctx {commands}: each command becomes the instruction that does the same.
  const auto& o = gi_.ops;
  const Operand& list = o[2];
  if (list.kind != K::List) t_.fail(gi_, "bad command list");
  SrcOperand ctx = t_.src(gi_, o[1]);
  const auto& c = list.list;
  auto need = [&](size_t k, size_t n) {
    if (k + n > c.size()) t_.fail(gi_, "truncated command");
  };
  for (size_t k = 0; k < c.size();) {
    std::string_view cmd = atom_name(c[k]);
    if (cmd == "ensure_at_least") {
      need(k, 3);
      spec::i_bs_ensure_bits::emit(t_, t_.label(gi_, o[0]), ctx, t_.untagged(gi_, c[k + 1]), t_.untagged(gi_, c[k + 2]));
      k += 3;
    } else if (cmd == "ensure_exactly") {
      need(k, 2);
      spec::i_bs_test_tail::emit(t_, t_.label(gi_, o[0]), ctx, t_.untagged(gi_, c[k + 1]));
      k += 2;
    } else if (cmd == "integer" || cmd == "binary") {
      need(k, 6);
      uint64_t live = t_.untagged(gi_, c[k + 1]);
      unsigned f = flags(c[k + 2]);
      uint64_t size = t_.untagged(gi_, c[k + 3]);
      unsigned u = unit(c[k + 4]);
      RegOperand dst = t_.reg(gi_, c[k + 5]);
      if (live >= MAX_X_REGS - 4 || size > (uint64_t(1) << 32)) t_.fail(gi_, "operand out of range");
      if (cmd == "integer") {
        get_integer_imm(t_.label(gi_, o[0]), ctx, live, size * u, f, dst);
      } else {
        spec::i_bs_get_binary::emit(t_, t_.label(gi_, o[0]), ctx, live, ConstOperand{make_small(Sint(size))}, u, dst);
      }
      k += 6;
    } else if (cmd == "skip") {
      need(k, 2);
      spec::i_bs_skip_bits_imm::emit(t_, t_.label(gi_, o[0]), ctx, t_.untagged(gi_, c[k + 1]));
      k += 2;
    } else if (cmd == "get_tail") {
      need(k, 4);
      uint64_t live = t_.untagged(gi_, c[k + 1]);
      if (live >= MAX_X_REGS - 4) t_.fail(gi_, "live out of range");
      spec::i_bs_get_tail::emit(t_, ctx, t_.reg(gi_, c[k + 3]), live);
      k += 4;
    } else if (cmd == "=:=") {
      need(k, 4);
      uint64_t bits = t_.untagged(gi_, c[k + 2]);
      if (bits > 64) t_.fail(gi_, "=:= wider than 64 bits");
      spec::i_bs_match_eq::emit(t_, t_.label(gi_, o[0]), ctx, bits, t_.untagged(gi_, c[k + 3]));
      k += 4;
    } else {
      t_.fail(gi_, "unknown bs_match command " + std::string(cmd));
    }
  }
}

// Construction: bs_create_bin (OTP 25+), and before it bs_init/bs_append and the bs_put_*.
bool BitsTranslator::construction() {
  const auto& o = gi_.ops;
  Translator& t = t_;
  switch (gi_.opcode) {
    case op_bs_create_bin: create_bin(); return true;
    case op_bs_init_writable: spec::i_bs_init_writable::emit(t); return true;
    case op_bs_init2:
    case op_bs_init_bits:
      // Fail Size Extra Live Flags Dst
      spec::i_bs_init::emit(t, t.label(gi_, o[0], true), t.size_src(gi_, o[1]), gi_.opcode == op_bs_init2 ? 8 : 1, t.heap_need(gi_, o[2]), live_of(o[3]), t.reg(gi_, o[5]));
      return true;
    case op_bs_append:
      // Fail Size Extra Live Unit Bin Flags Dst
      spec::i_bs_append::emit(t, t.label(gi_, o[0], true), t.src(gi_, o[1]), t.heap_need(gi_, o[2]), live_of(o[3]), unit(o[4]), t.src(gi_, o[5]), t.reg(gi_, o[7]));
      return true;
    case op_bs_private_append:
      // Fail Size Unit Bin Flags Dst
      spec::i_bs_private_append::emit(t, t.label(gi_, o[0], true), t.src(gi_, o[1]), unit(o[2]), t.src(gi_, o[3]), t.reg(gi_, o[5]));
      return true;
    case op_bs_put_integer:
    case op_bs_put_float:
      // Fail Size Unit Flags Src
      spec::i_bs_put_integer::emit_as(t, gi_.opcode == op_bs_put_integer ? Instr::i_bs_put_integer : Instr::i_bs_put_float, t.label(gi_, o[0], true), t.src(gi_, o[1]), unit(o[2]), flags(o[3]), t.src(gi_, o[4]));
      return true;
    case op_bs_put_binary:
      spec::i_bs_put_binary::emit(t, t.label(gi_, o[0], true), t.src(gi_, o[1]), unit(o[2]), t.src(gi_, o[4]));
      return true;
    case op_bs_put_string:
      // Len Offset
      spec::i_bs_put_string::emit(t, ConstOperand{string_literal(t.untagged(gi_, o[1]), t.untagged(gi_, o[0]))});
      return true;
    case op_bs_put_utf8:
      // Fail Flags Src
      spec::i_bs_put_utf8::emit(t, t.label(gi_, o[0], true), t.src(gi_, o[2]));
      return true;
    case op_bs_put_utf16:
    case op_bs_put_utf32:
      spec::i_bs_put_utf16::emit_as(t, gi_.opcode == op_bs_put_utf16 ? Instr::i_bs_put_utf16 : Instr::i_bs_put_utf32, t.label(gi_, o[0], true), flags(o[1]), t.src(gi_, o[2]));
      return true;
    case op_bs_utf8_size:
    case op_bs_utf16_size:
      // Fail Src Dst
      spec::i_bs_utf8_size::emit_as(t, gi_.opcode == op_bs_utf8_size ? Instr::i_bs_utf8_size : Instr::i_bs_utf16_size, t.label(gi_, o[0], true), t.src(gi_, o[1]), t.reg(gi_, o[2]));
      return true;
    case op_bs_add:
      // Fail Src1 Src2 Unit Dst
      spec::i_bs_add::emit(t, t.label(gi_, o[0], true), t.src(gi_, o[1]), t.src(gi_, o[2]), unit(o[3]), t.reg(gi_, o[4]));
      return true;
    default:
      return false;
  }
}

// Matching: start_match, the tests and gets on a match context, and OTP 26's bs_match.
bool BitsTranslator::matching() {
  const auto& o = gi_.ops;
  Translator& t = t_;
  switch (gi_.opcode) {
    case op_bs_start_match3:
      // Fail Bin Live Dst
      spec::i_bs_start_match::emit(t, t.label(gi_, o[0]), t.src(gi_, o[1]), live_of(o[2]), t.reg(gi_, o[3]));
      return true;
    case op_bs_start_match4:
      // Fail Live Src Dst; Fail is a label or the atom no_fail / resume (cannot fail).
      spec::i_bs_start_match::emit(t, o[0].kind == K::Atom ? LabelRef::none() : t.label(gi_, o[0]), t.src(gi_, o[2]),
                                   live_of(o[1]), t.reg(gi_, o[3]));
      return true;
    case op_bs_get_position:
      // Ctx Dst Live
      spec::i_bs_get_position::emit(t, t.src(gi_, o[0]), t.reg(gi_, o[1]));
      return true;
    case op_bs_set_position:
      spec::i_bs_set_position::emit(t, t.src(gi_, o[0]), t.src(gi_, o[1]));
      return true;
    case op_bs_get_tail:
      // Ctx Dst Live
      spec::i_bs_get_tail::emit(t, t.src(gi_, o[0]), t.reg(gi_, o[1]), live_of(o[2]));
      return true;
    case op_bs_test_tail2:
      // Fail Ctx Bits. A bit count beyond 64 bits can never match: ERTS loads such a test as
      // a jump to its fail label (ops.tab: `bs_test_tail2 Fail=f Ms=xy o => jump Fail`).
      if (o[2].kind == K::Overflow) {
        spec::i_jump::emit(t, t.label(gi_, o[0]));
        return true;
      }
      spec::i_bs_test_tail::emit(t, t.label(gi_, o[0]), t.src(gi_, o[1]), t.untagged(gi_, o[2]));
      return true;
    case op_bs_test_unit: {
      // Fail Ctx Unit (a unit of 8, by far the most common, needs no division)
      unsigned u = unit(o[2]);
      if (u == 8) spec::i_bs_test_unit8::emit(t, t.label(gi_, o[0]), t.src(gi_, o[1]));
      else spec::i_bs_test_unit::emit(t, t.label(gi_, o[0]), t.src(gi_, o[1]), u ? u : 1);
      return true;
    }
    case op_bs_skip_bits2: {
      // Fail Ctx Size Unit Flags
      unsigned u = unit(o[3]);
      if (o[2].kind == K::Integer && is_small(o[2].term) && small_value(o[2].term) >= 0 &&
          Uint(small_value(o[2].term)) <= BS_MAX_BITS / (u ? u : 1)) {
        spec::i_bs_skip_bits_imm::emit(t, t.label(gi_, o[0]), t.src(gi_, o[1]), Uint(small_value(o[2].term)) * u);
        return true;
      }
      spec::i_bs_skip_bits::emit(t, t.label(gi_, o[0]), t.src(gi_, o[1]), t.src(gi_, o[2]), u);
      return true;
    }
    case op_bs_get_integer2: {
      // Fail Ctx Live Size Unit Flags Dst
      unsigned u = unit(o[4]), f = flags(o[5]);
      if (o[3].kind == K::Integer && is_small(o[3].term) && small_value(o[3].term) >= 0 &&
          Uint(small_value(o[3].term)) <= BS_MAX_BITS / (u ? u : 1)) {
        get_integer_imm(t.label(gi_, o[0]), t.src(gi_, o[1]), live_of(o[2]), Uint(small_value(o[3].term)) * u, f, t.reg(gi_, o[6]));
        return true;
      }
      spec::i_bs_get_integer::emit(t, t.label(gi_, o[0]), t.src(gi_, o[1]), live_of(o[2]), t.src(gi_, o[3]), u, f, t.reg(gi_, o[6]));
      return true;
    }
    case op_bs_get_float2:
      spec::i_bs_get_float::emit(t, t.label(gi_, o[0]), t.src(gi_, o[1]), live_of(o[2]), t.src(gi_, o[3]), unit(o[4]), flags(o[5]), t.reg(gi_, o[6]));
      return true;
    case op_bs_get_binary2:
      spec::i_bs_get_binary::emit(t, t.label(gi_, o[0]), t.src(gi_, o[1]), live_of(o[2]), t.src(gi_, o[3]), unit(o[4]), t.reg(gi_, o[6]));
      return true;
    case op_bs_match_string: {
      // Fail Ctx Bits Offset
      uint64_t bits = t.untagged(gi_, o[2]);
      spec::i_bs_match_string::emit(t, t.label(gi_, o[0]), t.src(gi_, o[1]), bits, ConstOperand{string_literal(t.untagged(gi_, o[3]), (bits + 7) / 8)});
      return true;
    }
    case op_bs_get_utf8:
    case op_bs_skip_utf8:
      // Fail Ctx Live Flags [Dst]
      if (gi_.opcode == op_bs_get_utf8) spec::i_bs_get_utf8::emit(t, t.label(gi_, o[0]), t.src(gi_, o[1]), t.reg(gi_, o[4]));
      else spec::i_bs_skip_utf8::emit(t, t.label(gi_, o[0]), t.src(gi_, o[1]));
      return true;
    case op_bs_get_utf16:
    case op_bs_get_utf32:
      spec::i_bs_get_utf16::emit_as(t, gi_.opcode == op_bs_get_utf16 ? Instr::i_bs_get_utf16 : Instr::i_bs_get_utf32, t.label(gi_, o[0]), t.src(gi_, o[1]), flags(o[3]), t.reg(gi_, o[4]));
      return true;
    case op_bs_skip_utf16:
    case op_bs_skip_utf32:
      spec::i_bs_skip_utf16::emit_as(t, gi_.opcode == op_bs_skip_utf16 ? Instr::i_bs_skip_utf16 : Instr::i_bs_skip_utf32, t.label(gi_, o[0]), t.src(gi_, o[1]), flags(o[3]));
      return true;
    case op_bs_context_to_binary:
      spec::i_bs_context_to_binary::emit(t, t.reg(gi_, o[0]));
      return true;
    case op_bs_match: bs_match(); return true;
    default:
      return false;
  }
}

bool BitsTranslator::translate() { return construction() || matching(); }

}  // namespace

bool translate_bits(Translator& t, size_t index) {
  return BitsTranslator(t, t.bf_.code[index]).translate();
}

}  // namespace beamrun
