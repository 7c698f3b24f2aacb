// etf_encode.h - encoding terms in the external term format, byte for byte as BEAM (OTP 25)
// encodes them for term_to_binary; and the identity fields of local pids, ports and refs that
// the format (and pid_to_list & co.) expose.
//
// The encoder walks the term twice with the same code: once counting bytes, once writing them
// into a buffer of exactly that size. Both walks use an explicit stack, so a list or tuple
// nested a million levels deep costs heap, never C++ stack.
//
// What BEAM writes, and so what this writes (minor version 1, the default):
//   integers     SMALL_INTEGER_EXT 0..255, INTEGER_EXT for 32-bit, SMALL/LARGE_BIG_EXT above
//   floats       NEW_FLOAT_EXT; with {minor_version, 0} FLOAT_EXT: printf "%.20e", zero-padded
//   atoms        ATOM_EXT (Latin-1 text) when every character is below 256, else
//                SMALL_ATOM_UTF8_EXT (ATOM_UTF8_EXT above 255 bytes); with {minor_version, 2}
//                always the UTF-8 forms
//   lists        STRING_EXT for proper lists of at most 65535 integers 0..255, else LIST_EXT
//   bitstrings   BINARY_EXT, or BIT_BINARY_EXT with the unused low bits of the last byte zero
//   maps         MAP_EXT, pairs in map_foreach order; `deterministic` sorts the pairs of maps
//                over 32 keys by key (flat maps are already in key order)
//   pids, ports, refs   NEW_PID_EXT, NEW_PORT_EXT, NEWER_REFERENCE_EXT on node nonode@nohost,
//                creation 0: what `erl -noshell` without distribution writes
//   export funs  EXPORT_EXT
//   closures     NEW_FUN_EXT: the module's md5 (module_info(md5), which is what OTP 25 uses as
//                the fun's new_uniq), the FunT index (both indexes), the FunT uniq, and as the
//                creator pid the pid given in EtfEncodeEnv: beamrun's closures do not record the
//                process that made them (BEAM's do), so term_to_binary writes the caller's pid,
//                which is the creator whenever the fun did not travel between processes.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "term/term.h"

namespace beamrun {

class AtomTable;
struct FunEntry;

struct EtfEncodeOptions {
  int minor_version = 1;       // 0, 1 or 2 (see above)
  int compress_level = 0;      // 0: plain; 1..9: zlib level (the compressed form is kept only if
                               // it is not larger, as BEAM does)
  bool deterministic = false;  // hash-map pairs sorted by key
};

struct EtfEncodeEnv {
  const AtomTable& atoms;
  // The md5 of the module whose code a closure runs (module_info(md5)), or null when no
  // loaded module is its (Runtime::encode_env gives the VM's answer); `context` is its.
  const uint8_t* (*module_md5)(const void* context, const FunEntry* fe) = nullptr;
  const void* context = nullptr;
  Term creator_pid = NIL;  // written as every closure's creator (a local pid)
};

// Byte size of the uncompressed encoding, version byte included, or 0 when `t` holds something
// that has no external form (a match state, or an external pid/port/ref, which beamrun cannot
// make yet).
size_t etf_encoded_size(Term t, const EtfEncodeOptions& o, const EtfEncodeEnv& env);

// Writes the uncompressed encoding (etf_encoded_size bytes, version byte first) into `out`.
void etf_encode(Term t, const EtfEncodeOptions& o, const EtfEncodeEnv& env, uint8_t* out, size_t size);

// The encoding as term_to_binary returns it: compressed (tag 80) when compress_level > 0 and
// that is not larger, else plain. Empty when the term cannot be encoded.
std::vector<uint8_t> etf_encode_to_vector(Term t, const EtfEncodeOptions& o, const EtfEncodeEnv& env);

// Given a plain encoding (version byte first), writes BEAM's compressed form into *out and
// returns true, or returns false when compression would not make it smaller or equal.
bool etf_compress(const uint8_t* plain, size_t size, int level, std::vector<uint8_t>* out);

// erlang:external_size/1,2: BEAM's estimate, which is the exact size except for closures, whose
// OldIndex and OldUniq fields it counts as 5 bytes each whatever their value.
size_t etf_external_size(Term t, const EtfEncodeOptions& o, const EtfEncodeEnv& env);

// Where term_to_iovec splits the encoding: byte ranges [offset, offset + size) of the plain
// encoding that hold the payload of a binary over 64 bytes, which BEAM hands out by reference
// as separate elements of the list.
struct EtfSegment {
  size_t offset, size;
};
std::vector<EtfSegment> etf_large_binary_segments(Term t, const EtfEncodeOptions& o, const EtfEncodeEnv& env);

// --- identity of local pids, ports and references --------------------------------------------
// A local pid's immediate payload is laid out as ERTS lays out its pid data: the low 15 bits
// are the pid number and the 13 bits above them the serial, so <0.N.S> has payload N | S << 15.
// Ports are a 28-bit number. Local refs hold three 32-bit words; the first (printed last) has
// 18 significant bits, as in ERTS.
constexpr Uint MAX_PORT_NUMBER = (Uint(1) << 28) - 1;
constexpr Uint MAX_REF_WORD0 = (Uint(1) << 18) - 1;


}  // namespace beamrun
