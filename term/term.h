// term.h - the tagged 64-bit term word, as ERTS lays it out.
//
//  A Term is one machine word. Its low bits say what it is:
//
//   63                                             6 5 4 3 2 1 0
//  +------------------------------------------------+---+---+---+
//  | payload                                         |   |   |00| header word (first word of a boxed object)
//  | address of a cons cell (2 words)                        |01| list pointer
//  | address of a boxed object (header + words)              |10| boxed pointer
//  | small integer, 60-bit signed                    |1 1|   |11| immediate 1: small   (xxxx1111)
//  | pid serial                                      |0 0|   |11| immediate 1: pid     (xxxx0011)
//  | port serial                                     |0 1|   |11| immediate 1: port    (xxxx0111)
//  | atom index                                  |0 0|1 0|   |11| immediate 2: atom    (xx001011)
//  | catch code address                          |0 1|1 0|   |11| immediate 2: catch   (xx011011)
//  |                                             |1 1|1 0|   |11| immediate 2: nil []  (00111011)
//  +------------------------------------------------+---+---+---+
//
//  Header words: arity (words that follow the header) << 6 | subtag << 2 | 00.
//  The arity lets the GC skip any object without knowing its type.
//
//  The value 0 (a header of arity 0, subtag 0) never appears as a term value; it is
//  NON_VALUE: "no term" (a BIF that raised, an empty slot, a moved cons cell).
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace beamrun {

using Term = uint64_t;
using Word = uint64_t;
using Sint = int64_t;
using Uint = uint64_t;

constexpr Term NON_VALUE = 0;

// --- primary tag --------------------------------------------------------------------------
constexpr Uint TAG_PRIMARY_MASK = 0x3;
constexpr Uint TAG_PRIMARY_HEADER = 0x0;
constexpr Uint TAG_PRIMARY_LIST = 0x1;
constexpr Uint TAG_PRIMARY_BOXED = 0x2;
constexpr Uint TAG_PRIMARY_IMMED1 = 0x3;

// --- immediates ---------------------------------------------------------------------------
constexpr Uint IMMED1_MASK = 0xF;
constexpr Uint IMMED1_PID = 0x3;
constexpr Uint IMMED1_PORT = 0x7;
constexpr Uint IMMED1_IMMED2 = 0xB;
constexpr Uint IMMED1_SMALL = 0xF;
constexpr int IMMED1_SIZE = 4;

constexpr Uint IMMED2_MASK = 0x3F;
constexpr Uint IMMED2_ATOM = 0x0B;
constexpr Uint IMMED2_CATCH = 0x1B;
constexpr Uint IMMED2_NIL = 0x3B;
constexpr int IMMED2_SIZE = 6;

constexpr Term NIL = IMMED2_NIL;

constexpr int SMALL_BITS = 64 - IMMED1_SIZE;  // 60
constexpr Sint MAX_SMALL = (Sint(1) << (SMALL_BITS - 1)) - 1;
constexpr Sint MIN_SMALL = -(Sint(1) << (SMALL_BITS - 1));

inline constexpr Uint primary_tag(Term t) { return t & TAG_PRIMARY_MASK; }
inline constexpr bool is_immed(Term t) { return primary_tag(t) == TAG_PRIMARY_IMMED1; }
inline constexpr bool is_list(Term t) { return primary_tag(t) == TAG_PRIMARY_LIST; }
inline constexpr bool is_boxed(Term t) { return primary_tag(t) == TAG_PRIMARY_BOXED; }
inline constexpr bool is_header(Term t) { return primary_tag(t) == TAG_PRIMARY_HEADER; }

inline constexpr bool is_small(Term t) { return (t & IMMED1_MASK) == IMMED1_SMALL; }
inline constexpr Sint small_value(Term t) { return Sint(t) >> IMMED1_SIZE; }
inline constexpr bool fits_small(Sint v) { return v >= MIN_SMALL && v <= MAX_SMALL; }
inline constexpr Term make_small(Sint v) { return (Uint(v) << IMMED1_SIZE) | IMMED1_SMALL; }

inline constexpr bool is_atom(Term t) { return (t & IMMED2_MASK) == IMMED2_ATOM; }
inline constexpr Uint atom_index(Term t) { return t >> IMMED2_SIZE; }
inline constexpr Term make_atom(Uint index) { return (index << IMMED2_SIZE) | IMMED2_ATOM; }

inline constexpr bool is_nil(Term t) { return t == NIL; }

inline constexpr bool is_local_pid(Term t) { return (t & IMMED1_MASK) == IMMED1_PID; }
inline constexpr Uint pid_serial(Term t) { return t >> IMMED1_SIZE; }
inline constexpr Term make_pid(Uint serial) { return (serial << IMMED1_SIZE) | IMMED1_PID; }
// A local pid's payload is ERTS's: a 15-bit process number and a 13-bit serial above it,
// printed <0.Number.Serial>.
constexpr unsigned PID_NUMBER_BITS = 15;
constexpr unsigned PID_SERIAL_BITS = 13;
constexpr Uint MAX_PID_NUMBER = (Uint(1) << PID_NUMBER_BITS) - 1;
constexpr Uint MAX_PID_SERIAL = (Uint(1) << PID_SERIAL_BITS) - 1;
inline constexpr Uint local_pid_number(Term pid) { return pid_serial(pid) & MAX_PID_NUMBER; }
inline constexpr Uint local_pid_serial(Term pid) { return pid_serial(pid) >> PID_NUMBER_BITS; }
inline constexpr Term make_local_pid(Uint number, Uint serial) { return make_pid(number | serial << PID_NUMBER_BITS); }
inline constexpr bool is_local_port(Term t) { return (t & IMMED1_MASK) == IMMED1_PORT; }
inline constexpr Uint port_serial(Term t) { return t >> IMMED1_SIZE; }
inline constexpr Term make_port(Uint serial) { return (serial << IMMED1_SIZE) | IMMED1_PORT; }

// Catch tags live only in stack slots; the payload is the handler's code address.
inline constexpr bool is_catch(Term t) { return (t & IMMED2_MASK) == IMMED2_CATCH; }
inline Term make_catch(const void* handler) { return (Uint(reinterpret_cast<uintptr_t>(handler)) << IMMED2_SIZE) | IMMED2_CATCH; }
inline const void* catch_handler(Term t) { return reinterpret_cast<const void*>(uintptr_t(t >> IMMED2_SIZE)); }

// --- pointers -------------------------------------------------------------------------------
inline Term* list_ptr(Term t) { return reinterpret_cast<Term*>(t - TAG_PRIMARY_LIST); }
inline Term make_list(const Term* cell) { return reinterpret_cast<uintptr_t>(cell) + TAG_PRIMARY_LIST; }
inline Term* boxed_ptr(Term t) { return reinterpret_cast<Term*>(t - TAG_PRIMARY_BOXED); }
inline Term make_boxed(const Term* obj) { return reinterpret_cast<uintptr_t>(obj) + TAG_PRIMARY_BOXED; }

inline Term car(Term list) { return list_ptr(list)[0]; }
inline Term cdr(Term list) { return list_ptr(list)[1]; }

// --- headers --------------------------------------------------------------------------------
enum class Subtag : Uint {
  Tuple = 0,         // arity = element count; elements follow
  MatchState = 1,    // binary match context (bit syntax)
  PosBig = 2,        // arity = limb count; little-endian 64-bit limbs follow
  NegBig = 3,        // as PosBig, value is negative
  Ref = 4,           // local reference: [hdr][id0][id1][id2]
  Fun = 5,           // closure: [hdr][FunEntry* raw][num_free][free terms...]
  Float = 6,         // [hdr][double]
  Export = 7,        // external fun m:f/a: [hdr][Export* raw]
  RefcBin = 8,       // off-heap binary handle (see layouts below)
  HeapBin = 9,       // [hdr][byte size][bytes, padded to words]
  SubBin = 10,       // slice of another binary (see layouts below)
  HashMap = 11,      // node of a map of more than 32 keys (see term/map.h)
  ExternalPid = 12,
  ExternalPort = 13,
  ExternalRef = 14,
  Map = 15,
};

constexpr int HEADER_ARITY_SHIFT = 6;
inline constexpr Term make_header(Uint arity, Subtag st) { return (arity << HEADER_ARITY_SHIFT) | (Uint(st) << 2); }
inline constexpr Uint header_arity(Term hdr) { return hdr >> HEADER_ARITY_SHIFT; }
inline constexpr Subtag header_subtag(Term hdr) { return Subtag((hdr >> 2) & 0xF); }
inline constexpr Term make_tuple_header(Uint arity) { return make_header(arity, Subtag::Tuple); }

inline Term boxed_header(Term t) { return *boxed_ptr(t); }
inline bool is_boxed_of(Term t, Subtag st) { return is_boxed(t) && header_subtag(boxed_header(t)) == st; }
inline bool is_tuple(Term t) { return is_boxed_of(t, Subtag::Tuple); }
inline Uint tuple_arity(Term t) { return header_arity(boxed_header(t)); }
// Element i, 1-based as in Erlang.
inline Term& tuple_element(Term t, Uint i) { return boxed_ptr(t)[i]; }

inline bool is_float(Term t) { return is_boxed_of(t, Subtag::Float); }
inline double float_value(Term t) {
  double d;
  std::memcpy(&d, boxed_ptr(t) + 1, sizeof d);
  return d;
}
constexpr Uint FLOAT_WORDS = 2;

inline bool is_bignum(Term t) {
  if (!is_boxed(t)) return false;
  Subtag s = header_subtag(boxed_header(t));
  return s == Subtag::PosBig || s == Subtag::NegBig;
}
inline bool is_integer(Term t) { return is_small(t) || is_bignum(t); }
inline bool is_number(Term t) { return is_integer(t) || is_float(t); }

// Heap binary: [hdr (arity = words after hdr)][byte size][bytes...]. Only whole-byte binaries.
inline bool is_heap_binary(Term t) { return is_boxed_of(t, Subtag::HeapBin); }
inline Uint heap_binary_words(Uint bytes) { return 2 + (bytes + 7) / 8; }
inline Uint heap_binary_size(Term t) { return boxed_ptr(t)[1]; }
inline const uint8_t* heap_binary_data(Term t) { return reinterpret_cast<const uint8_t*>(boxed_ptr(t) + 2); }

inline bool is_fun(Term t) { return is_boxed_of(t, Subtag::Fun); }
inline bool is_export_fun(Term t) { return is_boxed_of(t, Subtag::Export); }
inline bool is_flatmap(Term t) { return is_boxed_of(t, Subtag::Map); }
inline bool is_hashmap(Term t) { return is_boxed_of(t, Subtag::HashMap); }
inline bool is_map(Term t) {
  if (!is_boxed(t)) return false;
  Subtag s = header_subtag(boxed_header(t));
  return s == Subtag::Map || s == Subtag::HashMap;
}
inline bool is_ref(Term t) { return is_boxed_of(t, Subtag::Ref); }

// --- pids, ports and references of other nodes ----------------------------------------------
// What binary_to_term makes of an identifier whose node is not this one (another name, or this
// name with another creation). Every word after the header is raw or an atom, so a collection
// copies them verbatim (raw_prefix_words).
//  ExternalPid  [hdr, arity = 3][node atom][creation][serial << 32 | number]
//  ExternalPort [hdr, arity = 3][node atom][creation][number]
//  ExternalRef  [hdr, arity = 2 + n][node atom][creation][n id words of 32 bits], 0 <= n <= 5
constexpr Uint EXTERNAL_ID_WORDS = 4;  // pids and ports
constexpr Uint MAX_EXTERNAL_REF_IDS = 5;
inline bool is_external_pid(Term t) { return is_boxed_of(t, Subtag::ExternalPid); }
inline bool is_external_port(Term t) { return is_boxed_of(t, Subtag::ExternalPort); }
inline bool is_external_ref(Term t) { return is_boxed_of(t, Subtag::ExternalRef); }
inline Term external_node(Term t) { return boxed_ptr(t)[1]; }
inline uint32_t external_creation(Term t) { return uint32_t(boxed_ptr(t)[2]); }
inline uint64_t external_data(Term t) { return boxed_ptr(t)[3]; }  // a pid's or port's number
inline Uint external_ref_count(Term t) { return header_arity(boxed_header(t)) - 2; }
inline const Term* external_ref_ids(Term t) { return boxed_ptr(t) + 3; }
// The first (least significant) id word, 0 for a reference of none: what hashes see.
inline uint32_t external_ref_id0(Term t) { return external_ref_count(t) ? uint32_t(external_ref_ids(t)[0]) : 0; }
inline Term write_external_id(Term* at, Subtag st, Term node, uint32_t creation, uint64_t data) {
  at[0] = make_header(EXTERNAL_ID_WORDS - 1, st);
  at[1] = node;
  at[2] = creation;
  at[3] = data;
  return make_boxed(at);
}

// --- binaries -------------------------------------------------------------------------------
//  HeapBin  [hdr, arity = 1 + data words][byte size][bytes...]          at most 64 bytes
//  RefcBin  [hdr, arity = 4][byte size][BinaryBlob* blob][const uint8_t* bytes][next RefcBin*]
//           A handle to reference-counted bytes outside any heap, shared between processes.
//           `next` chains the handles of one process's heap (its off-heap list), so that a
//           collection can release the blobs nobody refers to any more.
//  SubBin   [hdr, arity = 3][bit size][bit offset][orig]
//           A slice of `orig` (always a HeapBin or RefcBin term, never another SubBin), also
//           used for bitstrings whose size is not a whole number of bytes.
//  MatchState [hdr, arity = 3][bit position][bit end][orig]
//           A binary being matched (bs_start_match3/4); orig as for SubBin; positions are
//           absolute bit offsets into orig's bytes.
constexpr Uint REFC_BIN_WORDS = 5;
constexpr Uint SUB_BIN_WORDS = 4;
constexpr Uint MATCH_STATE_WORDS = 4;
constexpr Uint HEAP_BIN_LIMIT = 64;

// How many words after an object's header are raw data rather than terms. The GC scans the
// rest as terms. Every layout with raw words states them here, and only here.
inline Uint raw_prefix_words(const Term* obj) {
  Term hdr = obj[0];
  switch (header_subtag(hdr)) {
    case Subtag::Tuple: return 0;
    case Subtag::Fun: return 2;         // FunEntry*, free count; then the free values
    case Subtag::Map: return 1;         // size; then the keys tuple and the values
    case Subtag::SubBin: return 2;      // bit size, bit offset; then orig
    case Subtag::MatchState: return 2;  // position, end; then orig
    case Subtag::HashMap: return (obj[1] >> 63) ? 2 : 1;  // info word (+ size in a head node)
    default: return header_arity(hdr);  // all raw: numbers, binaries, refs, export funs
  }
}

// --- writing objects into freshly allocated words -------------------------------------------
inline Term write_float(Term* at, double d) {
  at[0] = make_header(1, Subtag::Float);
  std::memcpy(at + 1, &d, sizeof d);
  return make_boxed(at);
}
inline Term write_cons(Term* at, Term head, Term tail) {
  at[0] = head;
  at[1] = tail;
  return make_list(at);
}

// An allocator of term words. Implemented by process heaps (terms that die) and by
// module literal areas (terms that live as long as the module).
class WordAllocator {
 public:
  virtual ~WordAllocator() = default;
  // Returns n contiguous words that stay where they are until the owner collects them.
  virtual Term* alloc_words(size_t n) = 0;
};

}  // namespace beamrun
