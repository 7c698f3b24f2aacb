// natives.h - how the natives of bifs/ reach a VM: one registration hook per file, each
// registering that file's functions (Runtime::register_bif); the VM's constructor calls
// register_natives, which calls them all.
#pragma once

namespace beamrun {

class Runtime;

void register_natives(Runtime& vm);

void register_erlang_bifs(Runtime& vm);           // erlang.cpp: operators, tests, tuples, lists, exceptions
void register_erlang_binary_bifs(Runtime& vm);    // erlang_binaries.cpp: binary BIFs of erlang
void register_erlang_number_bifs(Runtime& vm);    // erlang_numbers.cpp: float/integer conversions
void register_erlang_term_bifs(Runtime& vm);      // erlang_terms.cpp: ETF, hashing, funs, refs
void register_erlang_process_bifs(Runtime& vm);   // erlang_processes.cpp: spawn, send, names, process_info
void register_erlang_link_bifs(Runtime& vm);      // erlang_links.cpp: link, monitor, exit/2
void register_erlang_timer_bifs(Runtime& vm);     // erlang_timers.cpp: send_after, timers, unique_integer
void register_erlang_system_bifs(Runtime& vm);    // erlang_system.cpp: system_info, code queries
void register_time_bifs(Runtime& vm);             // erlang_time.cpp: clocks and time units
void register_lists_bifs(Runtime& vm);            // lists.cpp
void register_binary_bifs(Runtime& vm);           // binary.cpp: the binary module
void register_maps_bifs(Runtime& vm);             // maps.cpp: the maps module and map BIFs
void register_math_bifs(Runtime& vm);             // math.cpp: the math module
void register_unicode_bifs(Runtime& vm);          // unicode.cpp: chardata conversions
void register_persistent_term_bifs(Runtime& vm);  // persistent_term.cpp
void register_os_bifs(Runtime& vm);               // os.cpp: environment, OS pid
void register_init_bifs(Runtime& vm);             // init.cpp: init's argument queries
void register_erl_prim_loader_bifs(Runtime& vm);  // erl_prim_loader.cpp: list_dir (code:which)
void register_beamrun_io_bifs(Runtime& vm);       // beamrun_io.cpp: the I/O server's natives
void register_beamrun_code_bifs(Runtime& vm);     // beamrun_code.cpp: the code server's natives

}  // namespace beamrun
