// instructions_maps.h - map instructions. Same conventions as instructions.h; handlers live in
// interp_maps.inc, translation in loader/translate_maps.cpp.
#pragma once

#define BEAMRUN_MAP_INSTRUCTIONS(X)
