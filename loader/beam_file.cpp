// beam_file.cpp - parse_beam: the IFF container, the chunks, and the decoded Code chunk.
//
// Order of work: split the file into chunks, then parse them in dependency order (atoms
// before anything naming atoms, the Code header before tables naming labels, literals and
// lines before the instructions that index them), so every index is range-checked once,
// where it is read. Offsets in error messages count from the start of the chunk's data.
#include "loader/beam_file.h"

#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "base/md5.h"
#include "etf/decode.h"
#include "loader/compact.h"
#include "loader/genop.h"
#include "term/export.h"
#include "term/utf8.h"

namespace beamrun {

// --- LiteralArea: bump allocation in blocks that never move ---------------------------------

namespace {
constexpr size_t LITERAL_BLOCK_WORDS = 1024;
}

Term* LiteralArea::alloc_words(size_t n) {
  if (n == 0) n = 1;  // every allocation gets a distinct address
  if (n > LITERAL_BLOCK_WORDS / 4) {
    // A big object gets a block of its own, slotted before the block we bump in.
    std::unique_ptr<Term[]> block(new Term[n]());
    Term* p = block.get();
    size_t at = blocks_.empty() ? 0 : blocks_.size() - 1;
    blocks_.insert(blocks_.begin() + at, std::move(block));
    sizes_.insert(sizes_.begin() + at, n);
    if (blocks_.size() == 1) last_used_ = n;  // it is also the last block: full
    return p;
  }
  if (blocks_.empty() || sizes_.back() - last_used_ < n) {
    blocks_.emplace_back(new Term[LITERAL_BLOCK_WORDS]());
    sizes_.push_back(LITERAL_BLOCK_WORDS);
    last_used_ = 0;
  }
  Term* p = blocks_.back().get() + last_used_;
  last_used_ += n;
  return p;
}

bool LiteralArea::contains(const Term* p) const {
  for (size_t i = 0; i < blocks_.size(); i++) {
    const Term* b = blocks_[i].get();
    if (p >= b && p < b + sizes_[i]) return true;
  }
  return false;
}

size_t LiteralArea::total_words() const {
  size_t total = 0;
  for (size_t i = 0; i + 1 < sizes_.size(); i++) total += sizes_[i];
  return sizes_.empty() ? 0 : total + last_used_;
}

namespace {

// --- the parser -----------------------------------------------------------------------------

constexpr uint32_t MAX_ARITY = 255;
constexpr size_t MAX_ATOM_CHARS = 255;
constexpr size_t ZLIB_MAX_RATIO = 1032;

struct Chunk {
  const uint8_t* data = nullptr;
  size_t size = 0;
  bool present = false;
};

uint32_t be32(const uint8_t* p) {
  return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | uint32_t(p[3]);
}

// Characters in UTF-8 text, or SIZE_MAX if the text is not UTF-8: its shape is checked, and
// the overlong two-byte leads 0xC0 and 0xC1 refused, nothing more.
size_t utf8_chars(const uint8_t* s, size_t n) {
  size_t chars = 0;
  for (size_t i = 0; i < n; chars++) {
    uint32_t cp;
    size_t len = decode_utf8(s + i, n - i, &cp, Utf8Check::Shape);
    if (len == 0 || len == UTF8_TRUNCATED || s[i] == 0xC0 || s[i] == 0xC1) return SIZE_MAX;
    i += len;
  }
  return chars;
}

class BeamParser {
 public:
  BeamParser(const std::vector<uint8_t>& bytes, const std::string& path, AtomTable& atoms,
             const ExportResolver& resolve_export, BeamFile& out)
      : bytes_(bytes), path_(path), atoms_(atoms), resolve_export_(resolve_export), out_(out) {}

  void run() {
    split_chunks();
    parse_atoms();
    parse_code_header();
    parse_imports();
    out_.exports = parse_function_table("ExpT");
    if (chunk("LocT").present) out_.locals = parse_function_table("LocT");
    parse_lambdas();
    parse_types();
    parse_literals();
    parse_lines();
    const Chunk& strings = chunk("StrT");
    if (strings.size) out_.strings.assign(reinterpret_cast<const char*>(strings.data), strings.size);
    copy_raw("Attr", out_.attributes_etf);
    copy_raw("CInf", out_.compile_info_etf);
    copy_raw("Type", out_.types_raw);
    decode_code();
    compute_md5();
  }

 private:
  [[noreturn]] void fail(const std::string& what) const { throw BeamError(path_ + ": " + what); }

  ByteReader reader(const char* id) const {
    const Chunk& c = chunk(id);
    return ByteReader(c.data, c.size, path_ + ": " + id + " chunk");
  }

  const Chunk& chunk(const char* id) const {
    static const Chunk absent;
    for (auto& [name, c] : chunks_)
      if (std::memcmp(name, id, 4) == 0) return c;
    return absent;
  }

  void copy_raw(const char* id, std::vector<uint8_t>& to) const {
    const Chunk& c = chunk(id);
    to.assign(c.data, c.data + c.size);
  }

  // "FOR1" <size> "BEAM", then chunks: <id:4> <size:4> <data>, each padded to 4 bytes.
  void split_chunks() {
    const uint8_t* p = bytes_.data();
    size_t n = bytes_.size();
    if (n < 12) fail("not a BEAM file: only " + std::to_string(n) + " bytes");
    if (std::memcmp(p, "FOR1", 4) != 0) fail("not a BEAM file: no FOR1 header");
    size_t form = be32(p + 4);
    if (form > n - 8) fail("truncated: the FOR1 header says " + std::to_string(form) + " bytes follow, " + std::to_string(n - 8) + " do");
    if (form < 4 || std::memcmp(p + 8, "BEAM", 4) != 0) fail("not a BEAM file: form type is not BEAM");
    size_t pos = 12, end = 8 + form;
    static const char* const known[] = {"AtU8", "Atom", "Code", "StrT", "ImpT", "ExpT", "LocT", "FunT",
                                        "LitT", "Line", "Attr", "CInf", "Type", "Meta"};
    while (pos < end) {
      if (end - pos < 8) fail("truncated chunk header at file offset " + std::to_string(pos));
      const char* id = reinterpret_cast<const char*>(p + pos);
      size_t size = be32(p + pos + 4);
      size_t stored = (size + 3) & ~size_t(3);
      if (stored > end - pos - 8)
        fail("chunk " + std::string(id, 4) + " at file offset " + std::to_string(pos) + " claims " +
             std::to_string(size) + " bytes, only " + std::to_string(end - pos - 8) + " remain");
      for (const char* k : known) {
        if (std::memcmp(id, k, 4) != 0) continue;
        if (chunk(k).present) fail(std::string("duplicate ") + k + " chunk");
        chunks_.push_back({k, Chunk{p + pos + 8, size, true}});
      }
      pos += 8 + stored;
    }
    for (const char* required : {"Code", "ImpT", "ExpT"})
      if (!chunk(required).present) fail(std::string("missing ") + required + " chunk");
    if (!chunk("AtU8").present && !chunk("Atom").present) fail("missing atom chunk (AtU8)");
  }

  // AtU8: count, then each atom as length + UTF-8 bytes. A negative count (OTP 28) means the
  // lengths are compact-encoded. The older Atom chunk is the same in Latin-1.
  void parse_atoms() {
    bool utf8 = chunk("AtU8").present;
    ByteReader r = reader(utf8 ? "AtU8" : "Atom");
    int64_t count = r.i32();
    bool long_lengths = count < 0;
    if (long_lengths) count = -count;
    if (count < 1 || uint64_t(count) > r.remaining()) r.fail("bad atom count " + std::to_string(count));
    out_.atoms.assign(1, NON_VALUE);
    out_.atoms.reserve(size_t(count) + 1);
    for (int64_t i = 0; i < count; i++) {
      size_t at = r.offset();
      size_t len;
      if (long_lengths) {
        RawCompact raw = read_compact(r);
        if (raw.big || raw.value > MAX_ATOM_CHARS * 4) r.fail_at(at, "atom length too large");
        len = size_t(raw.value);
      } else {
        len = r.u8();
      }
      const uint8_t* s = r.bytes(len);
      std::string text;
      if (utf8) {
        size_t chars = utf8_chars(s, len);
        if (chars == SIZE_MAX) r.fail_at(at, "atom is not valid UTF-8");
        if (chars > MAX_ATOM_CHARS) r.fail_at(at, "atom longer than 255 characters");
        text.assign(reinterpret_cast<const char*>(s), len);
      } else {
        for (size_t k = 0; k < len; k++) append_utf8(text, s[k]);  // Latin-1 to UTF-8
      }
      try {
        out_.atoms.push_back(atoms_.intern(text));
      } catch (const std::length_error&) {
        r.fail_at(at, "atom table full");
      }
    }
    out_.module = out_.atoms[1];
  }

  Term atom_at(ByteReader& r, size_t at, uint32_t index, const char* what) const {
    if (index == 0 || index >= out_.atoms.size())
      r.fail_at(at, std::string(what) + ": atom index " + std::to_string(index) + " out of range (" +
                        std::to_string(out_.atoms.size() - 1) + " atoms)");
    return out_.atoms[index];
  }

  uint32_t arity_at(ByteReader& r, size_t at, uint32_t arity) const {
    if (arity > MAX_ARITY) r.fail_at(at, "arity " + std::to_string(arity) + " above 255");
    return arity;
  }

  uint32_t label_at(ByteReader& r, size_t at, uint32_t label) const {
    if (label == 0 || label >= out_.label_count)
      r.fail_at(at, "label " + std::to_string(label) + " out of range (label count " + std::to_string(out_.label_count) + ")");
    return label;
  }

  // Reads an item count and checks that `item_size` bytes per item are there.
  static uint32_t table_count(ByteReader& r, size_t item_size) {
    uint32_t count = r.u32();
    if (count > r.remaining() / item_size)
      r.fail_at(r.offset() - 4, "count " + std::to_string(count) + " exceeds the chunk size");
    return count;
  }

  // Code: <header size:4> then that many header bytes: <instruction set> <max opcode>
  // <label count> <function count>, then the instructions.
  void parse_code_header() {
    ByteReader r = reader("Code");
    uint32_t header_size = r.u32();
    if (header_size < 16 || header_size > r.remaining()) r.fail("bad code header size " + std::to_string(header_size));
    out_.instruction_set = r.u32();
    out_.max_opcode = r.u32();
    out_.label_count = r.u32();
    out_.function_count = r.u32();
    code_start_ = 4 + header_size;
    size_t code_bytes = chunk("Code").size - code_start_;
    if (out_.instruction_set != 0) r.fail_at(4, "unknown instruction set " + std::to_string(out_.instruction_set));
    if (out_.max_opcode > MAX_GENOP)
      r.fail_at(8, "compiled for a newer OTP: uses opcode " + std::to_string(out_.max_opcode) +
                       ", this loader knows up to " + std::to_string(MAX_GENOP));
    // Each label and function needs at least one instruction byte: bounds tables sized by them.
    if (out_.label_count > code_bytes + 1) r.fail_at(12, "label count " + std::to_string(out_.label_count) + " exceeds the code size");
    if (out_.function_count > code_bytes) r.fail_at(16, "function count exceeds the code size");
  }

  void parse_imports() {
    ByteReader r = reader("ImpT");
    uint32_t count = table_count(r, 12);
    out_.imports.reserve(count);
    for (uint32_t i = 0; i < count; i++) {
      size_t at = r.offset();
      Term module = atom_at(r, at, r.u32(), "import module");
      Term function = atom_at(r, at, r.u32(), "import function");
      uint32_t arity = arity_at(r, at, r.u32());
      out_.imports.push_back(ImportEntry{module, function, arity});
    }
  }

  std::vector<ExportEntry> parse_function_table(const char* id) {
    ByteReader r = reader(id);
    uint32_t count = table_count(r, 12);
    std::vector<ExportEntry> table;
    table.reserve(count);
    for (uint32_t i = 0; i < count; i++) {
      size_t at = r.offset();
      Term function = atom_at(r, at, r.u32(), "function name");
      uint32_t arity = arity_at(r, at, r.u32());
      uint32_t label = label_at(r, at, r.u32());
      table.push_back(ExportEntry{function, arity, label});
    }
    return table;
  }

  void parse_lambdas() {
    if (!chunk("FunT").present) return;
    ByteReader r = reader("FunT");
    uint32_t count = table_count(r, 24);
    out_.lambdas.reserve(count);
    for (uint32_t i = 0; i < count; i++) {
      size_t at = r.offset();
      LambdaEntry e;
      e.function = atom_at(r, at, r.u32(), "lambda function");
      e.arity = arity_at(r, at, r.u32());
      e.label = label_at(r, at, r.u32());
      e.index = r.u32();
      e.num_free = r.u32();
      e.old_uniq = r.u32();
      if (e.num_free > e.arity) r.fail_at(at, "lambda with more free variables than arity");
      out_.lambdas.push_back(e);
    }
    if (!r.at_end()) r.fail("trailing bytes after the lambda table");
  }

  // Type chunk: <version> <count> <entries>. Only the count is needed, to check the type
  // indices of typed registers; the raw bytes are kept for the translator.
  void parse_types() {
    const Chunk& c = chunk("Type");
    if (c.present && c.size >= 8) type_count_ = be32(c.data + 4);
  }

  // LitT: <uncompressed size:4> <zlib data>, or (size 0) the data uncompressed. The data is
  // <count:4> then per literal <size:4> <external term format>.
  void parse_literals() {
    const Chunk& c = chunk("LitT");
    if (!c.present) return;
    ByteReader r = reader("LitT");
    uint32_t raw_size = r.u32();
    const uint8_t* data;
    size_t size;
    std::vector<uint8_t> inflated;
    if (raw_size == 0) {
      data = c.data + 4;
      size = c.size - 4;
    } else {
      size_t compressed = r.remaining();
      if (raw_size / ZLIB_MAX_RATIO > compressed)
        r.fail_at(0, "uncompressed size " + std::to_string(raw_size) + " is impossible for " +
                         std::to_string(compressed) + " compressed bytes");
      inflated.resize(raw_size);
      uLongf out_len = raw_size;
      if (uncompress(inflated.data(), &out_len, c.data + 4, uLong(compressed)) != Z_OK || out_len != raw_size)
        r.fail_at(4, "corrupt compressed literal table (zlib)");
      data = inflated.data();
      size = inflated.size();
    }
    ByteReader lr(data, size, path_ + ": LitT chunk (literal table)");
    uint32_t count = table_count(lr, 5);
    EtfContext ctx{atoms_, *out_.literal_area, {}};
    LiteralArea& area = *out_.literal_area;
    if (resolve_export_) {
      ctx.make_export_fun = [this, &area](Term m, Term f, uint32_t a) -> Term {
        Export* e = resolve_export_(m, f, a);
        if (!e) throw BeamError(path_ + ": no export entry for a literal fun");
        return write_export_fun(area.alloc_words(EXPORT_FUN_WORDS), e);
      };
    }
    out_.literals.reserve(count);
    for (uint32_t i = 0; i < count; i++) {
      size_t at = lr.offset();
      uint32_t term_size = lr.u32();
      const uint8_t* term = lr.bytes(term_size);
      try {
        size_t used = 0;
        out_.literals.push_back(decode_etf(term, term_size, ctx, &used));
        if (used != term_size) lr.fail_at(at, "literal " + std::to_string(i) + " has trailing bytes");
      } catch (const EtfError& e) {
        lr.fail_at(at, "literal " + std::to_string(i) + ": " + e.what());
      }
    }
  }

  // Line: <version> <flags> <line instruction count> <item count> <file name count>, then the
  // items as compact terms (`a` switches file, `i` is a line in the current file), then the
  // file names as <length:2> <bytes>.
  void parse_lines() {
    std::string module_file = std::string(atoms_.name(out_.module)) + ".erl";
    out_.lines.assign(1, LineRef{0, 0});
    out_.line_files.assign(1, module_file);
    if (!chunk("Line").present) return;
    ByteReader r = reader("Line");
    uint32_t version = r.u32();
    if (version != 0) return;  // a format we do not know: run without locations, like ERTS
    r.u32();  // flags
    r.u32();  // number of line instructions
    uint32_t item_count = r.u32();
    uint32_t name_count = r.u32();
    if (item_count > r.remaining() || name_count > r.remaining() / 2) r.fail("line table counts exceed the chunk size");
    have_lines_ = true;
    out_.lines.reserve(size_t(item_count) + 1);
    uint32_t file = 0;
    while (out_.lines.size() < size_t(item_count) + 1) {
      size_t at = r.offset();
      RawCompact raw = read_compact(r);
      if (raw.tag == CompactTag::A) {
        if (raw.big || raw.value > name_count) r.fail_at(at, "line item names file " + std::to_string(raw.value) + " of " + std::to_string(name_count));
        file = uint32_t(raw.value);
      } else if (raw.tag == CompactTag::I) {
        if (raw.big || int64_t(raw.value) < 0 || raw.value > UINT32_MAX) r.fail_at(at, "bad line number");
        out_.lines.push_back(LineRef{file, uint32_t(raw.value)});
      } else {
        r.fail_at(at, std::string("line item with tag ") + compact_tag_name(raw.tag));
      }
    }
    for (uint32_t i = 0; i < name_count; i++) {
      size_t len = r.u16();
      const uint8_t* s = r.bytes(len);
      out_.line_files.push_back(len ? std::string(reinterpret_cast<const char*>(s), len) : module_file);
    }
  }

  // Cheap checks of operands that index the file's own tables.
  void check_indices(ByteReader& r, const GenericInstr& in) const {
    auto index_in = [&](size_t op, size_t limit, const char* what) {
      const Operand& o = in.ops[op];
      if (o.kind != Operand::Kind::Untagged) r.fail_at(in.offset, std::string(what) + " must be a u operand");
      if (o.value >= limit)
        r.fail_at(in.offset, std::string(what) + " " + std::to_string(o.value) + " out of range (" + std::to_string(limit) + ")");
    };
    size_t imports = out_.imports.size();
    switch (in.opcode) {
      case op_label:
        index_in(0, out_.label_count, "label");
        if (in.ops[0].value == 0) r.fail_at(in.offset, "label 0 defined");
        break;
      case op_call_ext: case op_call_ext_last: case op_call_ext_only:
      case op_bif1: case op_bif2:
        index_in(1, imports, "import index");
        break;
      case op_bif0: index_in(0, imports, "import index"); break;
      case op_gc_bif1: case op_gc_bif2: case op_gc_bif3: index_in(2, imports, "import index"); break;
      case op_make_fun2: case op_make_fun3: index_in(0, out_.lambdas.size(), "lambda index"); break;
      case op_line:
        // `line []` says "no location", as ERTS reads it (ops.tab: `line n => _`).
        if (have_lines_ && in.ops[0].kind != Operand::Kind::Nil) index_in(0, out_.lines.size(), "line item");
        break;
      default: break;
    }
  }

  void decode_code() {
    const Chunk& c = chunk("Code");
    ByteReader r(c.data + code_start_, c.size - code_start_, path_ + ": Code chunk", code_start_);
    OperandContext ctx;
    ctx.atoms = &out_.atoms;
    ctx.literals = &out_.literals;
    ctx.literal_alloc = out_.literal_area.get();
    ctx.label_count = out_.label_count;
    ctx.type_count = type_count_;
    for (;;) {
      if (r.at_end()) r.fail("code ends without int_code_end");
      GenericInstr in;
      in.offset = uint32_t(r.offset());
      uint8_t opcode = r.u8();
      const GenopInfo* info = genop_info(opcode);
      if (!info) r.fail_at(in.offset, "unknown opcode " + std::to_string(opcode));
      in.opcode = opcode;
      in.ops.reserve(info->arity);
      try {
        for (unsigned i = 0; i < info->arity; i++) in.ops.push_back(decode_operand(r, ctx));
      } catch (const BeamError& e) {
        throw BeamError(std::string(e.what()) + " (operand " + std::to_string(in.ops.size() + 1) + " of " +
                        info->name + " at offset " + std::to_string(in.offset) + ")");
      }
      check_indices(r, in);
      out_.code.push_back(std::move(in));
      if (opcode == op_int_code_end) break;
    }
  }

  // As ERTS computes module_info(md5): chunk data of AtU8, Code, StrT, ImpT, ExpT, FunT (with
  // each lambda's OldUniq field zeroed), LitT and Meta, in that order.
  void compute_md5() {
    Md5 md5;
    for (const char* id : {chunk("AtU8").present ? "AtU8" : "Atom", "Code", "StrT", "ImpT", "ExpT"}) {
      const Chunk& c = chunk(id);
      md5.update(c.data, c.size);
    }
    const Chunk& funs = chunk("FunT");
    if (funs.size >= 4) {
      md5.update(funs.data, 4);
      static const uint8_t zero[4] = {};
      for (size_t at = 4; at + 24 <= funs.size; at += 24) {
        md5.update(funs.data + at, 20);
        md5.update(zero, 4);
      }
    }
    for (const char* id : {"LitT", "Meta"}) {
      const Chunk& c = chunk(id);
      md5.update(c.data, c.size);
    }
    md5.finish(out_.md5);
  }

  const std::vector<uint8_t>& bytes_;
  const std::string& path_;
  AtomTable& atoms_;
  const ExportResolver& resolve_export_;
  BeamFile& out_;
  std::vector<std::pair<const char*, Chunk>> chunks_;
  size_t code_start_ = 0;
  int64_t type_count_ = -1;
  bool have_lines_ = false;
};

}  // namespace

BeamFile parse_beam(const std::vector<uint8_t>& bytes, const std::string& path, AtomTable& atoms,
                    const ExportResolver& resolve_export) {
  BeamFile file;
  file.path = path;
  BeamParser(bytes, path, atoms, resolve_export, file).run();
  return file;
}

}  // namespace beamrun
