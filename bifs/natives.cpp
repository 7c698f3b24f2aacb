// natives.cpp - every file's registration hook, in one place (natives.h).
#include "bifs/natives.h"

namespace beamrun {

void register_natives(Runtime& vm) {
  register_erlang_bifs(vm);
  register_erlang_binary_bifs(vm);
  register_erlang_number_bifs(vm);
  register_erlang_term_bifs(vm);
  register_lists_bifs(vm);
  register_binary_bifs(vm);
  register_maps_bifs(vm);
  register_math_bifs(vm);
  register_time_bifs(vm);
  register_persistent_term_bifs(vm);
  register_os_bifs(vm);
  register_erlang_system_bifs(vm);
  register_init_bifs(vm);
  register_unicode_bifs(vm);
  register_erlang_process_bifs(vm);
  register_erlang_timer_bifs(vm);
  register_erlang_link_bifs(vm);
  register_beamrun_io_bifs(vm);
  register_beamrun_code_bifs(vm);
  register_erl_prim_loader_bifs(vm);
}

}  // namespace beamrun
