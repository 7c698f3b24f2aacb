// printer.h - the textual forms of terms that Erlang programs and their users see.
//
//  display_term  erlang:display/1 (the C printer inside ERTS), without the trailing newline.
//  format_w      io_lib:format("~w", [T]): one line, lists never shown as strings.
//  format_p      io_lib:format("~p", [T]): io_lib_pretty's layout, breaking terms wider than
//                the line (80 columns) over several lines.
//
// Output is bytes. display_term writes what ERTS writes: list strings as Latin-1 bytes, atoms
// as UTF-8. format_w/format_p return one byte per character of io_lib's result (all characters
// are <= 255 without the `t` modifier), which is what `io:format` sends to a Latin-1 stdout.
//
// None of them recurses on the C++ stack per level of the term: a million-deep nested list
// prints (format_p lays out at most MAX_LAYOUT_DEPTH levels and writes deeper parts on one
// line; erl would indent them, producing gigabytes).
#pragma once
#include <string>

#include "term/atoms.h"
#include "term/term.h"

namespace beamrun {

std::string display_term(Term t, const AtomTable& atoms);
std::string format_w(Term t, const AtomTable& atoms);
// `column` is where the term starts (1 = start of line), as io_lib passes it for a ~p that
// follows other text on the line.
std::string format_p(Term t, const AtomTable& atoms, int column = 1, int line_length = 80);

// float_to_list(F, [short]) / io_lib's ~w and ~p of a float: shortest round-trip digits.
std::string format_float_short(double d);

// Atom text as io_lib:write_atom_as_latin1 gives it (quoted when needed, \x{...} above 255).
std::string format_atom(Term atom, const AtomTable& atoms);

// Levels of nesting format_p lays out before writing deeper parts on one line. Each level
// costs a few C++ frames (about 0.6 KB optimised, 1.3 KB under ASan).
constexpr int MAX_LAYOUT_DEPTH = 200;

}  // namespace beamrun
