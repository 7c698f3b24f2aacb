// float_text.h - floats to text and back, as erlang:float_to_list/2 and list_to_float/1 do it.
//
// The shortest round-trip form (option `short`, ~p, ~w) is format_float_short in printer.h.
// The forms here reproduce ERTS's own behaviour digit for digit, quirks included (see the .cpp).
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace beamrun {

// ERTS formats into a 256-byte buffer: longer results are a badarg. ERTS also reads the N of
// {decimals, N} and {scientific, N} as a C int: callers pass the small integer's low 32 bits.
constexpr size_t FLOAT_TEXT_MAX = 255;

// float_to_list(F, [{decimals, N}]) and, with `compact`, [{decimals, N}, compact].
// Empty when erlang raises badarg (negative N, text longer than FLOAT_TEXT_MAX).
std::optional<std::string> format_float_fixed(double d, int decimals, bool compact);

// float_to_list(F, [{scientific, N}]); float_to_list(F) is N = 20. A negative N means C's
// default precision, 6, as in ERTS. Empty when the text would be too long.
std::optional<std::string> format_float_scientific(double d, int digits);

// list_to_float/binary_to_float: [+-]digits(.|,)digits[(e|E)[+-]digits], nothing else (ERTS
// takes a comma for the decimal point too); a NUL byte ends the text early. Empty on bad syntax or a value too large for a double (values
// too small become 0.0 or a denormal).
std::optional<double> parse_float_strict(std::string_view text);

}  // namespace beamrun
