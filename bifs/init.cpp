// init.cpp - the part of ERTS's preloaded init module that library code asks before anything
// is started: the command-line arguments init would hold. beamrun takes no emulator or init
// flags (the CLI passes its arguments to the entry function instead), so init holds none:
// get_arguments/0 and get_plain_arguments/0 are empty and get_argument/1 answers error.
// objfile_extension/0 is ".beam" (code:which/1 asks it). The rest of init (boot, stop, status)
// comes with processes.
#include "bifs/bif_util.h"

namespace beamrun {

namespace {

Term bif_get_arguments(Process*, Term*) { return NIL; }
Term bif_get_plain_arguments(Process*, Term*) { return NIL; }
Term bif_get_argument(Process*, Term*) { return atom::error; }
Term bif_objfile_extension(Process* p, Term*) { return utf8_to_charlist(p, ".beam"); }

}  // namespace

void register_init_bifs(Runtime& vm) {
  vm.register_bif("init", "get_arguments", 0, bif_get_arguments);
  vm.register_bif("init", "get_plain_arguments", 0, bif_get_plain_arguments);
  vm.register_bif("init", "get_argument", 1, bif_get_argument);
  vm.register_bif("init", "objfile_extension", 0, bif_objfile_extension);
}

}  // namespace beamrun
