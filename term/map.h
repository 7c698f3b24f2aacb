// map.h - maps: flat maps of at most 32 keys (sorted keys tuple + values) and, above that,
// hash array mapped tries laid out and hashed as ERTS (OTP 25) lays them out, so that
// iteration order, printing and the node structure erlang:display shows equal BEAM's.
//
// Flat map (export.h):  [hdr Map, arity = 2 + n][n][keys: a tuple of n keys][values...]
//   Keys sorted in exact term order (integers before floats).
//
// Hash map node (Subtag::HashMap):
//   [hdr HashMap, arity][info][size: head node only][children...]
//   info   bit 63: this is the head node (the map term itself); bits 0-15: which of the 16
//          slots of the node are used. The GC treats info (and size) as raw words
//          (term.h, raw_prefix_words).
//   child  one per used slot, in slot order: a leaf, the cons cell [Key|Value], or a deeper
//          node (no bit 63).
// A key's slot at level L is nibble L % 8 of map_hash(Key, L / 8), low nibble first. The trie
// is canonical, as in ERTS: a node exists exactly where two or more keys share the slots above
// it, so equal maps have equal shapes, and every operation below keeps it so.
//
// Orders (both are BEAM's):
//   walk order  the depth-first, slot-ascending order: maps:iterator/next, maps:fold,
//               io_lib's ~p/~w, erlang:display.
//   list order  maps:to_list/keys/values and term_to_binary: the walk order reversed.
//   A flat map has one order: its sorted keys.
#pragma once
#include <cstddef>
#include <cstdint>

#include "term/atoms.h"
#include "term/export.h"
#include "term/term.h"

namespace beamrun {

constexpr size_t MAP_SMALL_LIMIT = 32;

// --- hash map nodes -----------------------------------------------------------------------
constexpr Uint HASHMAP_HEAD_BIT = Uint(1) << 63;
// Bits set in a 16-bit slot bitmap (SWAR: the build targets CPUs without a popcount insn).
inline unsigned popcount16(uint32_t x) {
  x = x - ((x >> 1) & 0x5555);
  x = (x & 0x3333) + ((x >> 2) & 0x3333);
  x = (x + (x >> 4)) & 0x0F0F;
  return (x + (x >> 8)) & 0x1F;
}
inline bool hashmap_node_is_head(const Term* node) { return (node[1] & HASHMAP_HEAD_BIT) != 0; }
inline uint32_t hashmap_node_bitmap(const Term* node) { return uint32_t(node[1] & 0xFFFF); }
inline unsigned hashmap_node_count(const Term* node) { return popcount16(hashmap_node_bitmap(node)); }
inline Term* hashmap_node_children(Term* node) { return node + (hashmap_node_is_head(node) ? 3 : 2); }
inline const Term* hashmap_node_children(const Term* node) { return node + (hashmap_node_is_head(node) ? 3 : 2); }
inline Uint hashmap_size(Term m) { return boxed_ptr(m)[2]; }

// ERTS's internal map hash of `key` (make_internal_hash, salted per 8 levels as OTP 25 does:
// depth 0 for levels 0-7, depth 1 for levels 8-15, ...). Equal keys (=:=) hash alike; atoms
// hash by their index in this VM's table, pids, ports and refs by beamrun's numbers, so maps
// keyed by those iterate in an order of their own.
uint32_t map_hash(Term key, uint32_t depth);

// --- reading ---------------------------------------------------------------------------------
size_t map_size(Term map);
// The value stored under `key` (exact match, =:=), or NON_VALUE.
Term map_get(Term map, Term key);

// --- building (all allocate through `a`: a process heap, or a module's literal area) ---------
// A map of the given pairs (a later duplicate key wins), flat or hashed by size.
Term map_from_pairs(WordAllocator& a, const Term* keys, const Term* values, size_t n, const AtomTable& atoms);
// `map` with key => value (added or replaced). Returns `map` itself when nothing changes.
Term map_put(WordAllocator& a, Term map, Term key, Term value, const AtomTable& atoms);
// `map` with n pairs put in order (put_map_assoc).
Term map_put_many(WordAllocator& a, Term map, const Term* keys, const Term* values, size_t n, const AtomTable& atoms);
// `map` with the values of existing keys replaced (put_map_exact, maps:update). If a key is
// missing, returns NON_VALUE and sets *missing to it.
Term map_update_many(WordAllocator& a, Term map, const Term* keys, const Term* values, size_t n, Term* missing);
// `map` without `key`; `map` itself when the key is absent. *value (if given) gets the removed
// value, or NON_VALUE.
Term map_remove(WordAllocator& a, Term map, Term key, const AtomTable& atoms, Term* value = nullptr);
// All pairs of m1 and m2; m2's value wins for keys in both.
Term map_merge(WordAllocator& a, Term m1, Term m2, const AtomTable& atoms);

// --- lists (list order) ------------------------------------------------------------------
enum class MapPart { Keys, Values, Pairs };
// [K...], [V...] or [{K,V}...] in list order.
Term map_to_list(WordAllocator& a, Term map, MapPart part);

// --- iteration with a resumable position (erts_internal:map_next/3) ---------------------------
// A position in the walk order: a flat map's index, or a hash map's path of child positions,
// four bits per level, the root's in the lowest bits. `path` 0 is the first pair. Returns false
// for a path that names no pair of the map (and for any path at or past a flat map's end).
// Otherwise calls f(key, value) for up to `limit` pairs from there in walk order and stores the
// path of the next pair in *next, or sets *done when the walk ended.
template <typename F>
bool map_walk_from(Term map, Uint path, size_t limit, Uint* next, bool* done, F&& f);

// Calls f(key, value) for every pair in list order (maps:to_list, term_to_binary).
template <typename F>
void map_foreach(Term map, F&& f);
// Calls f(key, value) for every pair in walk order (maps:next, ~p, erlang:display).
template <typename F>
void map_foreach_walk(Term map, F&& f);

}  // namespace beamrun

#include "term/map_iter.h"
