// external_terms.h - binary_to_term for callers outside the BIF (the embedding API decodes the
// terms it keeps in the external format through it).
#pragma once
#include "process/process.h"

namespace beamrun {

// binary_to_term/1,2 on `bin` (a binary term of p): the decoded term on p's heap, or, with
// `used`, {Term, BytesUsed}. NON_VALUE with badarg raised in p when `bin` holds no valid
// encoding (or, with `safe`, names an atom or function that does not exist).
Term binary_to_term(Process* p, Term bin, bool safe, bool used);

}  // namespace beamrun
