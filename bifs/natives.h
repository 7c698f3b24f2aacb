// natives.h - how the natives of bifs/ reach a VM: one registration hook per file, each
// registering that file's functions (Runtime::register_bif); the VM's constructor calls
// register_natives, which calls them all. The hooks are listed once, below.
#pragma once

namespace beamrun {

class Runtime;

void register_natives(Runtime& vm);

// X(hook, "file: what it registers"), in the order they run (a later registration of the same
// M:F/A would win).
#define BEAMRUN_NATIVE_FILES(X) \
  X(register_erlang_bifs, "erlang.cpp: operators, tests, tuples, lists, exceptions") \
  X(register_erlang_binary_bifs, "erlang_binaries.cpp: binary BIFs of erlang") \
  X(register_erlang_number_bifs, "erlang_numbers.cpp: float/integer conversions") \
  X(register_erlang_term_bifs, "erlang_terms.cpp: ETF, hashing, funs, refs") \
  X(register_lists_bifs, "lists.cpp") \
  X(register_binary_bifs, "binary.cpp: the binary module") \
  X(register_maps_bifs, "maps.cpp: the maps module and map BIFs") \
  X(register_math_bifs, "math.cpp: the math module") \
  X(register_time_bifs, "erlang_time.cpp: clocks and time units") \
  X(register_persistent_term_bifs, "persistent_term.cpp") \
  X(register_os_bifs, "os.cpp: environment, OS pid") \
  X(register_erlang_system_bifs, "erlang_system.cpp: system_info, code queries") \
  X(register_init_bifs, "init.cpp: init's argument queries") \
  X(register_unicode_bifs, "unicode.cpp: chardata conversions") \
  X(register_erlang_process_bifs, "erlang_processes.cpp: spawn, send, names, process_info") \
  X(register_erlang_timer_bifs, "erlang_timers.cpp: send_after, timers, unique_integer") \
  X(register_erlang_link_bifs, "erlang_links.cpp: link, monitor, exit/2") \
  X(register_beamrun_io_bifs, "beamrun_io.cpp: the I/O server's natives") \
  X(register_beamrun_code_bifs, "beamrun_code.cpp: the code server's natives") \
  X(register_erl_prim_loader_bifs, "erl_prim_loader.cpp: list_dir (code:which)")

#define BEAMRUN_DECLARE_HOOK(hook, what) void hook(Runtime& vm);
BEAMRUN_NATIVE_FILES(BEAMRUN_DECLARE_HOOK)
#undef BEAMRUN_DECLARE_HOOK

}  // namespace beamrun
