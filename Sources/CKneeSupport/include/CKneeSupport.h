#ifndef CKNEESUPPORT_H
#define CKNEESUPPORT_H

/// Atomically swaps two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (e.g. EINVAL where unsupported).
int kb_exchange_paths(const char *from, const char *to);

#include <stddef.h>

/// A bump allocator for cmark-gfm, one per thread (cmark's allocator functions take no
/// context; a thread-local variable finds the arena without a lookup). Everything
/// allocated since the last `kb_arena_reset` on this thread is given back at once:
/// `kb_arena_free` does nothing, `kb_arena_realloc` grows the last allocation in place
/// when it can, else copies. An allocation that cannot be made aborts, as cmark's own
/// allocator does.
void *kb_arena_calloc(size_t count, size_t size);
void *kb_arena_realloc(void *pointer, size_t size);
void kb_arena_free(void *pointer);
/// Gives back everything allocated in this thread's arena; keeps its first slab.
void kb_arena_reset(void);

/// Bytes malloc has handed out and not yet been given back (glibc `mallinfo2`), every arena.
size_t kb_heap_in_use(void);
/// Bytes malloc holds from the system, in use or free (glibc `mallinfo2`), every arena.
size_t kb_heap_held(void);

#endif
