// instructions_bits.h - bit syntax instructions: construction and matching of binaries.
// Same conventions as instructions.h (operand kinds S, D, L, N, P, T); handlers live in
// interp_bits.inc, translation in loader/translate_bits.cpp.
#pragma once

#define BEAMRUN_BIT_INSTRUCTIONS(X)
