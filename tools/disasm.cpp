// disasm.cpp - beamrun-disasm FILE.beam: shows what the loader reads from a .beam file.
//
// Prints the chunk list, the tables (atoms, imports, exports, locals, lambdas, literals,
// lines) and every decoded generic instruction, one per line with its Code chunk offset.
// A file the loader rejects prints one line "beamrun-disasm: <error>" and exits with 2.
//
// beamrun-disasm --threaded FILE.beam loads the module through the real loader instead and
// prints the threaded code it made, fused instructions included: one instruction per line,
// its word offset, name and operands decoded by the kinds of its spec line (loader/instructions.h):
// x(N)/y(N), constants as ~w terms, labels as @offset, exports as m:f/a. Code that does not
// walk (a word that is no handler where an instruction should start) exits with 1.
#include <charconv>
#include <cctype>
#include <cstdio>
#include <deque>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "interp/interp.h"
#include "loader/beam_file.h"
#include "loader/genop.h"
#include "loader/instructions.h"
#include "loader/module.h"
#include "term/atoms.h"
#include "term/export.h"
#include "text/printer.h"
#include "vm/vm.h"

using namespace beamrun;

namespace {

// Literals print as ~w would show them (the shared printer, one line, no layout).
class TermPrinter {
 public:
  explicit TermPrinter(const AtomTable& atoms) : atoms_(atoms) {}
  std::string print(Term t) const { return format_w(t, atoms_); }
  std::string atom(Term t) const { return format_atom(t, atoms_); }

 private:
  const AtomTable& atoms_;
};

class Disassembler {
 public:
  Disassembler(const BeamFile& f, const AtomTable& atoms) : f_(f), printer_(atoms) {}

  std::string operand(const Operand& o) {
    switch (o.kind) {
      case Operand::Kind::Untagged: return std::to_string(o.value);
      case Operand::Kind::Integer: return printer_.print(o.term);
      case Operand::Kind::Overflow: return "u:" + printer_.print(o.term);
      case Operand::Kind::Atom: return printer_.atom(o.term);
      case Operand::Kind::Nil: return "[]";
      case Operand::Kind::XReg: return "x" + std::to_string(o.index) + type_suffix(o);
      case Operand::Kind::YReg: return "y" + std::to_string(o.index) + type_suffix(o);
      case Operand::Kind::Label: return "L" + std::to_string(o.index);
      case Operand::Kind::Char: return "$" + std::to_string(o.index);
      case Operand::Kind::Literal: return "`" + printer_.print(o.term) + "`";
      case Operand::Kind::FloatReg: return "fr" + std::to_string(o.index);
      case Operand::Kind::List: {
        std::string s = "[";
        for (size_t i = 0; i < o.list.size(); i++) s += (i ? ", " : "") + operand(o.list[i]);
        return s + "]";
      }
      case Operand::Kind::AllocList: {
        static const char* const kinds[] = {"words", "floats", "funs"};
        std::string s = "{alloc";
        for (size_t i = 0; i + 1 < o.list.size(); i += 2)
          s += std::string(" ") + kinds[o.list[i].value % 3] + ":" + std::to_string(o.list[i + 1].value);
        return s + "}";
      }
    }
    return "?";
  }

  // What an instruction refers to, for the reader: the import called, the source line.
  std::string note(const GenericInstr& in) {
    auto import = [&](size_t op) {
      const ImportEntry& e = f_.imports.at(in.ops[op].value);
      return printer_.atom(e.module) + ":" + printer_.atom(e.function) + "/" + std::to_string(e.arity);
    };
    switch (in.opcode) {
      case op_call_ext: case op_call_ext_last: case op_call_ext_only: case op_bif1: case op_bif2:
        return import(1);
      case op_bif0: return import(0);
      case op_gc_bif1: case op_gc_bif2: case op_gc_bif3: return import(2);
      case op_line: {
        uint64_t n = in.ops[0].value;
        if (n == 0 || n >= f_.lines.size()) return "";
        const LineRef& l = f_.lines[n];
        return f_.line_files.at(l.file) + ":" + std::to_string(l.line);
      }
      default: return "";
    }
  }

  std::string literal(Term t) { return printer_.print(t); }
  std::string atom(Term t) { return printer_.atom(t); }

 private:
  static std::string type_suffix(const Operand& o) {
    return o.type_index >= 0 ? "/t" + std::to_string(o.type_index) : "";
  }

  const BeamFile& f_;
  TermPrinter printer_;
};

uint32_t be32(const uint8_t* p) { return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | p[3]; }

// The chunk list, read again here (parse_beam has already checked the container).
void print_chunks(const std::vector<uint8_t>& bytes) {
  std::printf("chunks:\n");
  size_t end = 8 + be32(bytes.data() + 4);
  for (size_t pos = 12; pos + 8 <= end;) {
    size_t size = be32(bytes.data() + pos + 4);
    std::printf("  %.4s  file offset %zu  size %zu\n", reinterpret_cast<const char*>(bytes.data() + pos), pos + 8, size);
    pos += 8 + ((size + 3) & ~size_t(3));
  }
}

void print_file(const std::vector<uint8_t>& bytes, const BeamFile& f, const AtomTable& atoms) {
  Disassembler d(f, atoms);
  std::printf("module %s\n", d.atom(f.module).c_str());
  print_chunks(bytes);
  std::printf("code header: instruction set %u, max opcode %u, labels %u, functions %u\n", f.instruction_set,
              f.max_opcode, f.label_count, f.function_count);
  std::printf("md5: ");
  for (uint8_t b : f.md5) std::printf("%02X", b);
  std::printf("\natoms (%zu):\n", f.atoms.size() - 1);
  for (size_t i = 1; i < f.atoms.size(); i++) std::printf("  %zu %s\n", i, d.atom(f.atoms[i]).c_str());
  std::printf("imports (%zu):\n", f.imports.size());
  for (size_t i = 0; i < f.imports.size(); i++)
    std::printf("  %zu %s:%s/%u\n", i, d.atom(f.imports[i].module).c_str(), d.atom(f.imports[i].function).c_str(),
                f.imports[i].arity);
  for (auto [title, table] : {std::pair{"exports", &f.exports}, std::pair{"locals", &f.locals}}) {
    std::printf("%s (%zu):\n", title, table->size());
    for (const ExportEntry& e : *table)
      std::printf("  %s/%u label %u\n", d.atom(e.function).c_str(), e.arity, e.label);
  }
  std::printf("lambdas (%zu):\n", f.lambdas.size());
  for (const LambdaEntry& e : f.lambdas)
    std::printf("  %u %s/%u label %u free %u old_uniq %u\n", e.index, d.atom(e.function).c_str(), e.arity, e.label,
                e.num_free, e.old_uniq);
  std::printf("literals (%zu):\n", f.literals.size());
  for (size_t i = 0; i < f.literals.size(); i++) std::printf("  %zu %s\n", i, d.literal(f.literals[i]).c_str());
  std::printf("strings: %zu bytes\n", f.strings.size());
  std::printf("line files (%zu):\n", f.line_files.size());
  for (size_t i = 0; i < f.line_files.size(); i++) std::printf("  %zu %s\n", i, f.line_files[i].c_str());
  std::printf("lines (%zu, item 0 = no location):\n", f.lines.size());
  for (size_t i = 1; i < f.lines.size(); i++) std::printf("  %zu file %u line %u\n", i, f.lines[i].file, f.lines[i].line);
  std::printf("code (%zu instructions):\n", f.code.size());
  for (const GenericInstr& in : f.code) {
    std::string text = genop_info(in.opcode)->name;
    for (const Operand& o : in.ops) text += " " + d.operand(o);
    std::string note = d.note(in);
    if (in.opcode == op_label) std::printf("\n");
    std::printf("  %6u  %s%s%s\n", in.offset, text.c_str(), note.empty() ? "" : "    % ", note.c_str());
  }
}

// ---- threaded code ------------------------------------------------------------------------

class ThreadedPrinter {
 public:
  ThreadedPrinter(const Module& m, const AtomTable& atoms) : m_(m), atoms_(atoms) {}

  std::string reg(Word w) const { return std::string((w & 4) ? "y(" : "x(") + std::to_string(w >> 3) + ")"; }
  std::string term(Term t) const { return format_w(t, atoms_); }
  std::string mfa(Term m, Term f, unsigned a) const {
    return format_atom(m, atoms_) + ":" + format_atom(f, atoms_) + "/" + std::to_string(a);
  }
  std::string label(Word w) const {
    if (w == 0) return "none";
    const Word* at = reinterpret_cast<const Word*>(w);
    if (!m_.contains(at)) return "@?";
    return "@" + std::to_string(at - m_.code.get());
  }
  std::string operand(OpKind k, Word w) const {
    switch (k) {
      case OpKind::R: case OpKind::D: return reg(w);
      case OpKind::S: return (w & 3) ? term(Term(w)) : reg(w);
      case OpKind::C: return term(Term(w));
      case OpKind::L: return label(w);
      case OpKind::E: {
        const Export* e = reinterpret_cast<const Export*>(w);
        return e ? mfa(e->module, e->function, e->arity) : "null";
      }
      case OpKind::F: return w ? "native" : "undefined";
      case OpKind::PFunction: {
        const FunctionInfo* f = reinterpret_cast<const FunctionInfo*>(w);
        return f ? mfa(f->module, f->name, f->arity) : "null";
      }
      case OpKind::PLambda: {
        const FunEntry* f = reinterpret_cast<const FunEntry*>(w);
        return f ? "fun " + mfa(f->module, f->function, f->arity) : "null";
      }
      case OpKind::PText: return w ? "\"" + std::string(reinterpret_cast<const char*>(w)) + "\"" : "null";
      case OpKind::PSandbox: return w ? "sandbox policy" : "null";
      case OpKind::N: case OpKind::Count: return w == ~Word(0) ? "~0" : std::to_string(w);
      case OpKind::XN: return "x(" + std::to_string(w) + ")";
      case OpKind::YN: return "y(" + std::to_string(w) + ")";
      case OpKind::FR: return "fr(" + std::to_string(w) + ")";
      case OpKind::End: break;
    }
    return "?";
  }

  // One instruction at I; returns its width, or 0 when I holds no handler.
  size_t print(const Word* I) const {
    Instr i = instr_at(I[0]);
    if (i == Instr::count) return 0;
    const InstrSpec& s = instr_spec(i);
    Word width = s.width(I);
    if (I + width > m_.code.get() + m_.code_words) return 0;
    std::string text = s.name;
    for (unsigned k = 0; k < s.fixed; ++k) text += std::string(" ") + s.names[k] + "=" + operand(s.kinds[k], I[1 + k]);
    if (s.variable) {
      Word count = I[1 + s.count_at];
      text += " [";
      for (Word g = 0; g < count; ++g) {
        text += g ? ", " : "";
        if (s.group > 1) text += "{";
        for (unsigned f = 0; f < s.group; ++f)
          text += (f ? " " : "") + operand(s.tail_kinds[f], I[1 + s.fixed + g * s.group + f]);
        if (s.group > 1) text += "}";
      }
      text += "]";
    }
    std::printf("  %6zu  %s\n", size_t(I - m_.code.get()), text.c_str());
    return width;
  }

  // Walks the whole module; false when the walk falls out of step.
  bool print_all() const {
    const Word* base = m_.code.get();
    size_t f = 0;
    for (const Word* I = base; I < base + m_.code_words;) {
      // m_.functions is sorted by address.
      while (f < m_.functions.size() && m_.functions[f].info < I) ++f;
      if (f < m_.functions.size() && m_.functions[f].info == I)
        std::printf("\nfunction %s\n", mfa(m_.functions[f].module, m_.functions[f].name, m_.functions[f].arity).c_str());
      size_t w = print(I);
      if (w == 0) {
        std::printf("  %6zu  ??? no instruction starts here (word %#llx)\n", size_t(I - base),
                    static_cast<unsigned long long>(I[0]));
        return false;
      }
      I += w;
    }
    return true;
  }

 private:
  const Module& m_;
  const AtomTable& atoms_;
};

int threaded(const char* path) {
  VMOptions opts;
  opts.use_otp_path = false;  // load this file only, through the loader beamrun uses
  VM vm(opts);
  std::string err;
  Module* m = vm.load_file(path, &err);
  if (m == nullptr) {
    std::fprintf(stderr, "beamrun-disasm: %s\n", err.c_str());
    return 2;
  }
  std::printf("module %s: %zu words of threaded code, %zu functions\n", format_atom(m->name, vm.atoms()).c_str(),
              m->code_words, m->functions.size());
  return ThreadedPrinter(*m, vm.atoms()).print_all() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::string(argv[1]) == "--threaded") return threaded(argv[2]);
  if (argc != 2) {
    std::fprintf(stderr, "usage: beamrun-disasm [--threaded] FILE.beam\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "beamrun-disasm: cannot open %s\n", argv[1]);
    return 2;
  }
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  AtomTable atoms;
  std::deque<Export> exports;  // stand-ins for the VM's export table, for literal funs
  auto resolve = [&](Term m, Term f, uint32_t a) {
    Export& e = exports.emplace_back();
    e.module = m;
    e.function = f;
    e.arity = a;
    return &e;
  };
  try {
    BeamFile f = parse_beam(bytes, argv[1], atoms, resolve);
    print_file(bytes, f, atoms);
  } catch (const BeamError& e) {
    std::fprintf(stderr, "beamrun-disasm: %s\n", e.what());
    return 2;
  }
  return 0;
}
