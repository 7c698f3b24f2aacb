// term_parser.h - reads one Erlang term literal, as a command line or a config file gives it.
//
// Accepted: integers (`30`, `-5`, `16#ff`, `2#101`, `$a`, `$\n`, `1_000`; any size, bignums
// beyond 60 bits), floats (`1.5`, `-2.0e3`), atoms (`foo`, `'Hello world'`, escapes), strings
// (`"str"`, UTF-8 decoded to code points, adjacent strings joined), binaries (`<<"bin">>`,
// `<<1,2,3>>`, `<<"héllo"/utf8>>`, `<<1:16/little>>`, `<<1.5/float>>`), lists (also improper
// `[1|2]`), tuples, maps (`#{a => 1}`, built as map_from_pairs builds them: flat up to 32
// keys, a hash trie above; a repeated key keeps its last value). Whitespace and `%` comments around tokens, and one
// final `.`, are allowed.
//
// Nesting is handled with an explicit stack, so a deeply nested literal cannot overflow the
// C++ stack. Binaries are built as heap binaries whatever their size, and must be whole bytes.
#pragma once
#include <string>
#include <string_view>

#include "term/atoms.h"
#include "term/term.h"

namespace beamrun {

// Returns the term, allocated with `alloc`, or NON_VALUE with a one-line message in *error
// (if error is not null) naming the problem and its byte offset.
Term parse_term(std::string_view text, WordAllocator& alloc, AtomTable& atoms, std::string* error);

}  // namespace beamrun
