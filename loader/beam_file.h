// beam_file.h - a .beam file parsed and decoded, before translation to threaded code.
//
// parse_beam() checks everything it reads: chunk bounds, indices into the atom, literal,
// import and label tables, opcode numbers and arities. A bad file yields a BeamError whose
// message names what is wrong and where; it never reads out of bounds.
//
// Line table convention (as in ERTS): the operand N of `line N` indexes `lines`. N = 0 means
// "no location", so lines[0] is a dummy {0, 0} and the Line chunk's items are lines[1..].
// File index 0 is implicit in the format: line_files[0] is "<module>.erl", and the chunk's
// file names follow as line_files[1..]. Without a Line chunk, lines = {{0,0}} and
// line_files = {"<module>.erl"}.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "term/atoms.h"
#include "term/term.h"

namespace beamrun {

class BeamError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Owns the words of a module's literals (LitT terms, big integers and floats met in code).
// Terms in it never move, and are never copied by the process GC.
class LiteralArea final : public WordAllocator {
 public:
  Term* alloc_words(size_t n) override;
  bool contains(const Term* p) const;
  size_t total_words() const;

 private:
  std::vector<std::unique_ptr<Term[]>> blocks_;
  std::vector<size_t> sizes_;  // capacity of each block, in words
  size_t last_used_ = 0;       // words handed out from the last block (bump allocation)
};

// One operand of a generic instruction, as the compact term encoding gave it.
struct Operand {
  enum class Kind : uint8_t {
    Untagged,   // u: a plain unsigned number (arity, count, live, size)
    Integer,    // i: an integer constant; value in `term` (small, or a bignum in the literal area)
    Atom,       // a: an atom, in `term` (0 in the file means nil / [] and is given as NIL)
    XReg,       // x: X register `index`
    YReg,       // y: Y register `index`
    Label,      // f: label `index` (0 = no label)
    Char,       // h: character `index`
    Literal,    // z extended: literal term, in `term`
    FloatReg,   // z extended: float register `index`
    List,       // z extended: operand list in `list`
    AllocList,  // z extended: allocation list; `list` holds (kind, count) pairs as Untagged
    Nil,        // a with index 0: the empty list
    Overflow,   // u too large for 64 bits (ERTS's `o`): its value as a positive bignum in `term`.
                // Only a size of bs_init2/bs_init_bits (system_limit) and the bit count of
                // bs_test_tail2 (never matches) accept one, as in ERTS; elsewhere a load error.
  };
  Kind kind = Kind::Untagged;
  uint32_t index = 0;       // register / label / untagged value when it fits
  int32_t type_index = -1;  // OTP 25 type-tagged register: index into the Type chunk, else -1
  Term term = NON_VALUE;    // for Integer, Atom, Literal, Nil: the constant term
  uint64_t value = 0;       // for Untagged: the full value
  std::vector<Operand> list;
};

struct GenericInstr {
  uint16_t opcode = 0;       // genop.tab number
  uint32_t offset = 0;       // byte offset of the instruction in the Code chunk, for errors
  std::vector<Operand> ops;  // exactly the arity genop.tab gives
};

struct ImportEntry { Term module, function; uint32_t arity; };
struct ExportEntry { Term function; uint32_t arity; uint32_t label; };
// As in FunT: `arity` is that of the lambda's code, free variables included
// (the fun is called with arity - num_free arguments).
struct LambdaEntry {
  Term function; uint32_t arity, label, index, num_free, old_uniq;
};
// One entry of the Line chunk: a line number in a file.
struct LineRef { uint32_t file; uint32_t line; };

struct BeamFile {
  std::string path;
  Term module = NON_VALUE;               // the module's name (atom 1 of the atom chunk)
  std::vector<Term> atoms;               // atom chunk, 1-based in the file; atoms[0] is NON_VALUE
  std::vector<ImportEntry> imports;
  std::vector<ExportEntry> exports;
  std::vector<ExportEntry> locals;       // LocT, may be empty
  std::vector<LambdaEntry> lambdas;      // FunT
  std::vector<Term> literals;            // LitT terms, allocated in `literal_area`
  std::string strings;                   // StrT bytes
  std::vector<std::string> line_files;   // file names of the Line chunk (index 0: the module's source)
  std::vector<LineRef> lines;            // Line chunk entries; `line N` instructions index this
  uint32_t label_count = 0;              // from the Code chunk header
  uint32_t function_count = 0;
  uint32_t instruction_set = 0;          // Code chunk format number
  uint32_t max_opcode = 0;               // highest opcode the compiler says it used
  std::vector<GenericInstr> code;        // decoded instructions, in file order
  std::vector<uint8_t> attributes_etf;   // Attr chunk (external term format), may be empty
  std::vector<uint8_t> compile_info_etf; // CInf chunk, may be empty
  std::vector<uint8_t> types_raw;        // Type chunk (OTP 25+), raw bytes, may be empty
  uint8_t md5[16] = {};                  // module md5, as BEAM computes it for module_info(md5)
  std::shared_ptr<LiteralArea> literal_area = std::make_shared<LiteralArea>();
};

struct Export;
// Finds (or creates) the export entry of M:F/A; the loader needs it for literal export funs
// (`fun lists:map/2` is a LitT term). Without one, such literals are a load error.
using ExportResolver = std::function<Export*(Term module, Term function, uint32_t arity)>;

// Parses and decodes `bytes` (the whole file). `path` is used in error messages.
// Throws BeamError on any malformed input.
BeamFile parse_beam(const std::vector<uint8_t>& bytes, const std::string& path, AtomTable& atoms,
                    const ExportResolver& resolve_export = {});

}  // namespace beamrun
