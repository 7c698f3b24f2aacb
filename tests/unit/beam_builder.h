// beam_builder.h - hand-assembled .beam files for unit tests: an IFF container from chunks, the
// atom, code and table chunks, and a one-function module around a piece of code. For the
// forms local erlc cannot write (OTP 26-28, old encodings) and for hostile files.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace beamrun::test {

using Bytes = std::vector<uint8_t>;

inline Bytes u32be(uint32_t v) { return {uint8_t(v >> 24), uint8_t(v >> 16), uint8_t(v >> 8), uint8_t(v)}; }
inline void append(Bytes& to, const Bytes& b) { to.insert(to.end(), b.begin(), b.end()); }

// Assembles an IFF "FOR1 ... BEAM" file from chunks.
struct BeamBuilder {
  std::vector<std::pair<std::string, Bytes>> chunks;

  BeamBuilder& add(const std::string& id, const Bytes& data) {
    chunks.emplace_back(id, data);
    return *this;
  }
  Bytes build() const {
    Bytes body = {'B', 'E', 'A', 'M'};
    for (auto& [id, data] : chunks) {
      body.insert(body.end(), id.begin(), id.end());
      append(body, u32be(uint32_t(data.size())));
      append(body, data);
      while (body.size() % 4) body.push_back(0);
    }
    Bytes file = {'F', 'O', 'R', '1'};
    append(file, u32be(uint32_t(body.size())));
    append(file, body);
    return file;
  }
};

// AtU8 in the classic form (count, 1-byte lengths) or OTP 28's (negated count, compact lengths).
inline Bytes atom_chunk(const std::vector<std::string>& names, bool compact_lengths) {
  Bytes b = u32be(compact_lengths ? uint32_t(-int32_t(names.size())) : uint32_t(names.size()));
  for (const std::string& n : names) {
    size_t len = n.size();
    if (!compact_lengths) {
      b.push_back(uint8_t(len));
    } else if (len < 16) {
      b.push_back(uint8_t(len << 4));
    } else {  // the 11-bit form; enough for atoms of up to 2047 bytes
      b.push_back(uint8_t(((len >> 3) & 0xE0) | 0x08));
      b.push_back(uint8_t(len & 0xFF));
    }
    b.insert(b.end(), n.begin(), n.end());
  }
  return b;
}

inline Bytes code_chunk(uint32_t labels, uint32_t functions, const Bytes& instructions, uint32_t max_opcode = 184) {
  Bytes b = u32be(16);
  append(b, u32be(0));
  append(b, u32be(max_opcode));
  append(b, u32be(labels));
  append(b, u32be(functions));
  append(b, instructions);
  return b;
}

inline Bytes table(const std::vector<std::vector<uint32_t>>& rows) {
  Bytes b = u32be(uint32_t(rows.size()));
  for (auto& row : rows)
    for (uint32_t v : row) append(b, u32be(v));
  return b;
}

// The function m:f/0 is label 2; `body` comes after its entry label, then int_code_end.
// Atoms: 1 m, 2 f, 3 reuse, 4 ok.
inline Bytes module_with_body(const Bytes& body, bool compact_atoms = false, uint32_t max_opcode = 184) {
  Bytes code = {0x01, 0x10,              // label 1
                0x02, 0x12, 0x22, 0x00,  // func_info m f 0
                0x01, 0x20};             // label 2
  append(code, body);
  code.push_back(0x03);  // int_code_end
  return BeamBuilder()
      .add("AtU8", atom_chunk({"m", "f", "reuse", "ok"}, compact_atoms))
      .add("Code", code_chunk(3, 1, code, max_opcode))
      .add("StrT", {})
      .add("ImpT", table({{1, 2, 0}}))
      .add("ExpT", table({{2, 0, 2}}))
      .build();
}

}  // namespace beamrun::test
