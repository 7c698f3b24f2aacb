// natives.cpp - every file's registration hook, in the order natives.h lists them.
#include "bifs/natives.h"

namespace beamrun {

void register_natives(Runtime& vm) {
#define BEAMRUN_CALL_HOOK(hook, what) hook(vm);
  BEAMRUN_NATIVE_FILES(BEAMRUN_CALL_HOOK)
#undef BEAMRUN_CALL_HOOK
}

}  // namespace beamrun
