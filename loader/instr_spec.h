// instr_spec.h - the machinery that turns one spec line per threaded instruction into
// everything that must agree with it: the Instr enum, operand positions and the width, typed
// accessors for the handlers, typed emitters for the translator, and a constexpr table of
// operand kinds and names that a disassembler or a second back end can walk.
//
// A spec line (loader/instructions.h and its _bits/_maps lists) reads
//
//   X(i_move, OPS(R(src), D(dst)), "dst := src")
//
// with these operand kinds (each one Word in memory):
//
//   R(n)     a source the loader knows is a register: (k << 3) for x(k), (k << 3) | 4 for y(k)
//   S(n)     any source: a register as R, or a constant term (low bits 01, 10 or 11); both
//            forms have distinct low bits, so one test tells them apart
//   D(n)     a destination register, encoded as R
//   C(n)     a constant term (an immediate, or a pointer into the module's literals)
//   L(n)     an absolute code address (a label resolved at load time; 0 = none: raise)
//   E(n)     an Export*
//   F(n)     a BifFn (null: the BIF is undefined)
//   P(T, n)  some other raw pointer, to a T (FunctionInfo, FunEntry, char)
//   N(n)     an untagged number
//   XN(n) YN(n) FR(n)   an x register, y slot or float register number, untagged
//
// At most one variable-length tail ends the list: VAR1(count, K(a)), VAR2(count, K(a), K(b)),
// VAR3(...): a word holding the count, then that many groups of one, two or three words
// (tail fields are of the kinds R, S, D, C, L or N).
// LIKE(other) instead of OPS(...) gives an instruction exactly the layout of `other`, so the
// two can share a handler body and the translator one emitter (i_plus and i_bif).
//
// For each instruction `name` this generates, in namespace beamrun::spec, a struct `name` with
//   at::<operand>           the operand's position (0 = the word after the handler address)
//   <operand>(I)            the operand's word at instruction I, typed by its kind (RegWord for
//                           R and D, SrcWord for S, Term, const Word*, const Export*, BifFn...)
//   tail_<field>(I, i)      a field of the i-th tail group (variable instructions)
//   width(I), width_n(k)    the instruction's words (handler included); constexpr `words`
//                           for a fixed one
//   emit(t, operands...)    the typed emitter: calls t.op(Instr::name) then t.put(...) for each
//                           operand, in order; wrong kinds do not compile (RegOperand, ...)
//   emit_as(t, which, ...)  the same for another instruction of this layout (LIKE), checked
// The words are read through force-inlined accessors at constant offsets: the same loads the
// handlers made when they indexed I by hand.
// and instr_specs[] (constexpr, indexed by Instr) with kinds and names.
#pragma once

#include <cstdint>
#include <span>
#include <stdexcept>

#include "term/term.h"

namespace beamrun {

struct Export;
struct FunEntry;
struct FunctionInfo;
struct Process;
struct SandboxPolicy;
using BifFn = Term (*)(Process* p, Term* args);

// P operands carry what they point to: PFunction (FunctionInfo), PLambda (FunEntry), PText
// (const char*), PSandbox (SandboxPolicy). Count is the count word of a VARk tail.
enum class OpKind : uint8_t { End, R, S, D, C, L, E, F, PFunction, PLambda, PText, PSandbox, N, XN, YN, FR, Count };

// ---- what the handlers read (the words, typed by kind) -------------------------------------

struct RegWord { Word w; };  // R and D: a register, (k << 3) | y-bit
struct SrcWord { Word w; };  // S: a register or a constant

// ---- what the translator passes (one type per kind, so kinds cannot be mixed up) -------------

struct RegOperand {  // R and D
  Word w;
  static RegOperand x(Word k) { return RegOperand{k << 3}; }
};
struct ConstOperand { Term t; };  // C
struct SrcOperand {               // S: a register or a constant converts to it, not back
  Word w;
  SrcOperand(RegOperand r) : w(r.w) {}
  SrcOperand(ConstOperand c) : w(c.t) {}
};
struct LabelRef {  // L: a label number of the module (0 = none); the address is filled in later
  uint32_t label;
  static LabelRef none() { return LabelRef{0}; }
};
struct ExportRef { const Export* e; };  // E
struct BifRef { BifFn f; };             // F
struct XIndex { Word n; };              // XN
struct YIndex { Word n; };              // YN
struct FRegIndex { Word n; };           // FR
// P operands: FunctionInfo and FunEntry live in the module the translator is still building,
// so they are passed by index and filled in once it exists; a const char* is passed as is.
struct FunctionRef { uint32_t index; };
struct LambdaRef { uint32_t index; };
template <class T> struct PtrParam;
template <> struct PtrParam<FunctionInfo> { using type = FunctionRef; static constexpr OpKind kind = OpKind::PFunction; };
template <> struct PtrParam<FunEntry> { using type = LambdaRef; static constexpr OpKind kind = OpKind::PLambda; };
template <> struct PtrParam<char> { using type = const char*; static constexpr OpKind kind = OpKind::PText; };
// The policy of a sandboxed module (loader/sandbox.h), owned by the Module as long as its code.
template <> struct PtrParam<SandboxPolicy> { using type = const SandboxPolicy*; static constexpr OpKind kind = OpKind::PSandbox; };

// ---- the constexpr table -------------------------------------------------------------------

struct InstrSpec {
  const char* name;
  const char* doc;
  unsigned layout;             // the Instr whose operand layout this one has (itself unless LIKE)
  unsigned fixed;              // operand words before the tail (all of them if not variable)
  const OpKind* kinds;         // `fixed` kinds, OpKind::End after; the tail's count is Count
  const char* const* names;    // `fixed` names
  bool variable;
  unsigned count_at;           // variable: the position of the tail's count
  unsigned group;              // variable: words per tail group
  const OpKind* tail_kinds;    // variable: `group` kinds
  const char* const* tail_names;

  // Words of the instruction at I (handler included).
  Word width(const Word* I) const { return 1 + fixed + (variable ? I[1 + count_at] * group : 0); }
};

#define BEAMRUN_INLINE [[gnu::always_inline]] inline

// ---- preprocessor plumbing ------------------------------------------------------------------

#define BR_PARENS ()
#define BR_EXPAND(...) BR_EXPAND3(BR_EXPAND3(BR_EXPAND3(__VA_ARGS__)))
#define BR_EXPAND3(...) BR_EXPAND2(BR_EXPAND2(BR_EXPAND2(BR_EXPAND2(__VA_ARGS__))))
#define BR_EXPAND2(...) BR_EXPAND1(BR_EXPAND1(BR_EXPAND1(BR_EXPAND1(__VA_ARGS__))))
#define BR_EXPAND1(...) __VA_ARGS__
// Applies m to each element; the list always starts with the sentinel NIL() (see BR_KIND_OPS).
#define BR_FOR_EACH(m, ...) BR_EXPAND(BR_FOR_EACH_HELPER(m, __VA_ARGS__))
#define BR_FOR_EACH_HELPER(m, a1, ...) m(a1) __VA_OPT__(BR_FOR_EACH_AGAIN BR_PARENS(m, __VA_ARGS__))
#define BR_FOR_EACH_AGAIN() BR_FOR_EACH_HELPER
#define BR_UNPAREN(...) __VA_ARGS__

// X(name, OPS(...)|LIKE(other), doc): BR_KIND_##ops tells the two apart, keeping the name.
#define BR_KIND_OPS(...) BR_OWN, (NIL() __VA_OPT__(, ) __VA_ARGS__)
#define BR_KIND_LIKE(other) BR_LIKE, other
#define BR_DISPATCH(name, ...) BR_DISPATCH2(name, __VA_ARGS__)
#define BR_DISPATCH2(name, how, arg) how(name, arg)

// Per-element contexts. Each is a macro BR_<CTX>_<KIND>(...).
#define BR_ENUM(e) BR_ENUM_##e
#define BR_ENUM_NIL()
#define BR_ENUM_R(n) n,
#define BR_ENUM_S(n) n,
#define BR_ENUM_D(n) n,
#define BR_ENUM_C(n) n,
#define BR_ENUM_L(n) n,
#define BR_ENUM_E(n) n,
#define BR_ENUM_F(n) n,
#define BR_ENUM_P(T, n) n,
#define BR_ENUM_N(n) n,
#define BR_ENUM_XN(n) n,
#define BR_ENUM_YN(n) n,
#define BR_ENUM_FR(n) n,
#define BR_ENUM_VAR1(c, ...) c, tail,
#define BR_ENUM_VAR2(c, ...) c, tail,
#define BR_ENUM_VAR3(c, ...) c, tail,

#define BR_KINDS(e) BR_KINDS_##e
#define BR_KINDS_NIL()
#define BR_KINDS_R(n) OpKind::R,
#define BR_KINDS_S(n) OpKind::S,
#define BR_KINDS_D(n) OpKind::D,
#define BR_KINDS_C(n) OpKind::C,
#define BR_KINDS_L(n) OpKind::L,
#define BR_KINDS_E(n) OpKind::E,
#define BR_KINDS_F(n) OpKind::F,
#define BR_KINDS_P(T, n) PtrParam<T>::kind,
#define BR_KINDS_N(n) OpKind::N,
#define BR_KINDS_XN(n) OpKind::XN,
#define BR_KINDS_YN(n) OpKind::YN,
#define BR_KINDS_FR(n) OpKind::FR,
#define BR_KINDS_VAR1(c, ...) OpKind::Count,
#define BR_KINDS_VAR2(c, ...) OpKind::Count,
#define BR_KINDS_VAR3(c, ...) OpKind::Count,

#define BR_NAMES(e) BR_NAMES_##e
#define BR_NAMES_NIL()
#define BR_NAMES_R(n) #n,
#define BR_NAMES_S(n) #n,
#define BR_NAMES_D(n) #n,
#define BR_NAMES_C(n) #n,
#define BR_NAMES_L(n) #n,
#define BR_NAMES_E(n) #n,
#define BR_NAMES_F(n) #n,
#define BR_NAMES_P(T, n) #n,
#define BR_NAMES_N(n) #n,
#define BR_NAMES_XN(n) #n,
#define BR_NAMES_YN(n) #n,
#define BR_NAMES_FR(n) #n,
#define BR_NAMES_VAR1(c, ...) #c,
#define BR_NAMES_VAR2(c, ...) #c,
#define BR_NAMES_VAR3(c, ...) #c,

// The word type a handler reads, and the parameter type the translator passes, per kind.
#define BR_RTYPE_R RegWord
#define BR_RTYPE_S SrcWord
#define BR_RTYPE_D RegWord
#define BR_RTYPE_C Term
#define BR_RTYPE_L const Word*
#define BR_RTYPE_E const Export*
#define BR_RTYPE_F BifFn
#define BR_RTYPE_N Word
#define BR_RTYPE_XN Word
#define BR_RTYPE_YN Word
#define BR_RTYPE_FR Word
#define BR_PTYPE_R RegOperand
#define BR_PTYPE_S SrcOperand
#define BR_PTYPE_D RegOperand
#define BR_PTYPE_C ConstOperand
#define BR_PTYPE_L LabelRef
#define BR_PTYPE_E ExportRef
#define BR_PTYPE_F BifRef
#define BR_PTYPE_N Word
#define BR_PTYPE_XN XIndex
#define BR_PTYPE_YN YIndex
#define BR_PTYPE_FR FRegIndex

// Accessors of fixed operands; a tail's count has one too (named as the count operand).
#define BR_ACCESSORS(e) BR_ACC_##e
#define BR_ACC_NIL()
#define BR_ACC1(K, n) \
  BEAMRUN_INLINE static BR_RTYPE_##K n(const Word* I) { return word_as<BR_RTYPE_##K>(I[1 + at::n]); }
#define BR_ACC_R(n) BR_ACC1(R, n)
#define BR_ACC_S(n) BR_ACC1(S, n)
#define BR_ACC_D(n) BR_ACC1(D, n)
#define BR_ACC_C(n) BR_ACC1(C, n)
#define BR_ACC_L(n) BR_ACC1(L, n)
#define BR_ACC_E(n) BR_ACC1(E, n)
#define BR_ACC_F(n) BR_ACC1(F, n)
#define BR_ACC_N(n) BR_ACC1(N, n)
#define BR_ACC_XN(n) BR_ACC1(XN, n)
#define BR_ACC_YN(n) BR_ACC1(YN, n)
#define BR_ACC_FR(n) BR_ACC1(FR, n)
#define BR_ACC_P(T, n) \
  BEAMRUN_INLINE static const T* n(const Word* I) { return reinterpret_cast<const T*>(I[1 + at::n]); }
#define BR_ACC_VAR1(c, a) BR_ACC_N(c) BR_TACC(0, a)
#define BR_ACC_VAR2(c, a, b) BR_ACC_N(c) BR_TACC(0, a) BR_TACC(1, b)
#define BR_ACC_VAR3(c, a, b, d) BR_ACC_N(c) BR_TACC(0, a) BR_TACC(1, b) BR_TACC(2, d)
// Tail fields: tail_<name>(I, i) is field j of group i.
#define BR_TACC(j, e) BR_TACC2(j, BR_TKN_##e)
#define BR_TACC2(...) BR_TACC3(__VA_ARGS__)
#define BR_TACC3(j, K, n)                                                          \
  BEAMRUN_INLINE static BR_RTYPE_##K tail_##n(const Word* I, Word i) {              \
    return word_as<BR_RTYPE_##K>(I[1 + at::tail + i * group + j]);                 \
  }
#define BR_TKN_R(n) R, n
#define BR_TKN_S(n) S, n
#define BR_TKN_D(n) D, n
#define BR_TKN_C(n) C, n
#define BR_TKN_L(n) L, n
#define BR_TKN_N(n) N, n

// Tail kinds and names, and the tail's entry struct for the emitter.
#define BR_TK(e) BR_KINDS_##e
#define BR_TN(e) BR_NAMES_##e
#define BR_TF(e) BR_TF_##e
#define BR_TF_R(n) RegOperand n;
#define BR_TF_S(n) SrcOperand n;
#define BR_TF_D(n) RegOperand n;
#define BR_TF_C(n) ConstOperand n;
#define BR_TF_L(n) LabelRef n;
#define BR_TF_N(n) Word n;
#define BR_TP(e) BR_TP_##e
#define BR_TP_R(n) t.put(en.n);
#define BR_TP_S(n) t.put(en.n);
#define BR_TP_D(n) t.put(en.n);
#define BR_TP_C(n) t.put(en.n);
#define BR_TP_L(n) t.put(en.n);
#define BR_TP_N(n) t.put(en.n);

#define BR_TAILDEF(e) BR_TAILDEF_##e
#define BR_TAILDEF_NIL()
#define BR_TAILDEF_R(n)
#define BR_TAILDEF_S(n)
#define BR_TAILDEF_D(n)
#define BR_TAILDEF_C(n)
#define BR_TAILDEF_L(n)
#define BR_TAILDEF_E(n)
#define BR_TAILDEF_F(n)
#define BR_TAILDEF_P(T, n)
#define BR_TAILDEF_N(n)
#define BR_TAILDEF_XN(n)
#define BR_TAILDEF_YN(n)
#define BR_TAILDEF_FR(n)
#define BR_TAILDEF_VAR1(c, a) BR_TAILDEF_ANY(c, BR_TK(a), BR_TN(a), BR_TF(a), BR_TP(a))
#define BR_TAILDEF_VAR2(c, a, b) \
  BR_TAILDEF_ANY(c, BR_TK(a) BR_TK(b), BR_TN(a) BR_TN(b), BR_TF(a) BR_TF(b), BR_TP(a) BR_TP(b))
#define BR_TAILDEF_VAR3(c, a, b, d)                                                                \
  BR_TAILDEF_ANY(c, BR_TK(a) BR_TK(b) BR_TK(d), BR_TN(a) BR_TN(b) BR_TN(d),             \
                 BR_TF(a) BR_TF(b) BR_TF(d), BR_TP(a) BR_TP(b) BR_TP(d))
#define BR_TAILDEF_ANY(c, kinds_, names_, fields_, puts_)                       \
  static constexpr bool variable = true;                                             \
  static constexpr unsigned count_at = at::c;                                        \
  static constexpr OpKind tail_kinds[] = {kinds_ OpKind::End};                       \
  static constexpr const char* tail_names[] = {names_ nullptr};                      \
  static constexpr unsigned group = sizeof(tail_kinds) / sizeof(tail_kinds[0]) - 1;  \
  struct Entry { fields_ };                                                          \
  BEAMRUN_INLINE static const Word* tail_words(const Word* I) { return I + 1 + at::tail; } \
  template <class T>                                                                 \
  static void put_tail(T& t, std::span<const Entry> entries) {                       \
    t.put(Word(entries.size()));                                                     \
    for (const Entry& en : entries) { puts_ }                                        \
  }

// Emitter parameters, puts and forwarded arguments.
#define BR_PARAM(e) BR_PARAM_##e
#define BR_PARAM_NIL()
#define BR_PARAM_R(n) , BR_PTYPE_R n
#define BR_PARAM_S(n) , BR_PTYPE_S n
#define BR_PARAM_D(n) , BR_PTYPE_D n
#define BR_PARAM_C(n) , BR_PTYPE_C n
#define BR_PARAM_L(n) , BR_PTYPE_L n
#define BR_PARAM_E(n) , BR_PTYPE_E n
#define BR_PARAM_F(n) , BR_PTYPE_F n
#define BR_PARAM_N(n) , BR_PTYPE_N n
#define BR_PARAM_XN(n) , BR_PTYPE_XN n
#define BR_PARAM_YN(n) , BR_PTYPE_YN n
#define BR_PARAM_FR(n) , BR_PTYPE_FR n
#define BR_PARAM_P(T, n) , typename PtrParam<T>::type n
#define BR_PARAM_VAR1(c, ...) , std::span<const Entry> c
#define BR_PARAM_VAR2(c, ...) , std::span<const Entry> c
#define BR_PARAM_VAR3(c, ...) , std::span<const Entry> c
#define BR_PUT(e) BR_PUT_##e
#define BR_PUT_NIL()
#define BR_PUT_R(n) t.put(n);
#define BR_PUT_S(n) t.put(n);
#define BR_PUT_D(n) t.put(n);
#define BR_PUT_C(n) t.put(n);
#define BR_PUT_L(n) t.put(n);
#define BR_PUT_E(n) t.put(n);
#define BR_PUT_F(n) t.put(n);
#define BR_PUT_N(n) t.put(n);
#define BR_PUT_XN(n) t.put(n);
#define BR_PUT_YN(n) t.put(n);
#define BR_PUT_FR(n) t.put(n);
#define BR_PUT_P(T, n) t.put(n);
#define BR_PUT_VAR1(c, ...) put_tail(t, c);
#define BR_PUT_VAR2(c, ...) put_tail(t, c);
#define BR_PUT_VAR3(c, ...) put_tail(t, c);

template <class T> BEAMRUN_INLINE T word_as(Word w) {
  if constexpr (std::is_same_v<T, RegWord> || std::is_same_v<T, SrcWord>) return T{w};
  else if constexpr (std::is_pointer_v<T>) return reinterpret_cast<T>(w);
  else return T(w);
}

// A layout without a tail (a VARk operand shadows these).
struct FixedLayout {
  static constexpr bool variable = false;
  static constexpr unsigned count_at = 0;
  static constexpr OpKind tail_kinds[] = {OpKind::End};
  static constexpr const char* tail_names[] = {nullptr};
  static constexpr unsigned group = 0;
  struct Entry {};
};

// The layout struct of an instruction with its own operands.
#define BR_LAYOUT(name, args)                                                                   \
  struct name##_layout : FixedLayout {                                                           \
    static constexpr Instr layout = Instr::name;                                                 \
    struct at { enum : unsigned { BR_FOR_EACH(BR_ENUM, BR_UNPAREN args) end_ }; };               \
    static constexpr OpKind kinds[] = {BR_FOR_EACH(BR_KINDS, BR_UNPAREN args) OpKind::End};      \
    static constexpr const char* names[] = {BR_FOR_EACH(BR_NAMES, BR_UNPAREN args) nullptr};     \
    BR_FOR_EACH(BR_TAILDEF, BR_UNPAREN args)                                                     \
    /* operand words before the tail; all of them when there is none */                         \
    static constexpr unsigned fixed = variable ? at::end_ - 1 : at::end_;                        \
    static constexpr Word words = 1 + fixed;  /* the width of a fixed instruction */            \
    BEAMRUN_INLINE static Word width(const Word* I) {                                            \
      return variable ? 1 + fixed + I[1 + count_at] * group : words;                             \
    }                                                                                            \
    static constexpr Word width_n(Word count) { return 1 + fixed + count * group; }             \
    BR_FOR_EACH(BR_ACCESSORS, BR_UNPAREN args)                                                   \
    template <class T_>                                                                          \
    static void emit_as(T_& t, Instr which BR_FOR_EACH(BR_PARAM, BR_UNPAREN args)) {            \
      check_layout(which, layout);                                                               \
      t.op(which);                                                                               \
      BR_FOR_EACH(BR_PUT, BR_UNPAREN args)                                                       \
    }                                                                                            \
  };

// X(name, ops, doc) -> the structs of spec::name.
#define BR_DEFINE(name, ops, doc) BR_DISPATCH(name, BR_KIND_##ops)
#define BR_EMIT_FORWARD                                                        \
  template <class T_, class... A_>                                             \
  static void emit(T_& t, A_&&... a) { emit_as(t, instr, static_cast<A_&&>(a)...); }
#define BR_OWN(name, args) \
  BR_LAYOUT(name, args) struct name : name##_layout { static constexpr Instr instr = Instr::name; BR_EMIT_FORWARD };
#define BR_LIKE(name, other) \
  struct name : other##_layout { static constexpr Instr instr = Instr::name; BR_EMIT_FORWARD };
#define BR_SPEC_ENTRY(name, ops, doc)                                                          \
  InstrSpec{#name, doc, unsigned(spec::name::layout), spec::name::fixed, spec::name::kinds,   \
            spec::name::names, spec::name::variable, spec::name::count_at, spec::name::group,  \
            spec::name::tail_kinds, spec::name::tail_names},

}  // namespace beamrun
