// mailbox.cpp - message blocks: copying a term out of the sender, freeing an unread message.
#include "process/mailbox.h"

#include "base/block_alloc.h"

#include <new>

#include "term/binary.h"
#include "term/copy.h"

namespace beamrun {

Message* make_message(Term t, const RefKey* alias) {
  size_t words = is_immed(t) ? 0 : term_size_shared(t);
  void* mem = block_malloc(sizeof(Message) + words * sizeof(Term) + (alias ? sizeof(RefKey) : 0));
  if (mem == nullptr) return nullptr;
  Message* m = new (mem) Message();
  m->words = words;
  if (alias) {
    m->via_alias = true;
    new (m->data() + words) RefKey(*alias);
  }
  if (words == 0) {
    m->term = t;
  } else {
    Term* hp = m->data();
    m->term = copy_term_shared(t, &hp, &m->off_heap, &m->vheap_bytes);
  }
  return m;
}

void free_message(Message* m) {
  for (Term* h = m->off_heap; h != nullptr;) {
    Term* next = refc_next(h);
    blob_release(refc_blob(h));
    h = next;
  }
  m->~Message();
  block_free(m);
}

}  // namespace beamrun
