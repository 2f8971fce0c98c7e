#include "CKneeSupport.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Size of the slab each arena keeps; allocations that do not fit get slabs of their own until reset. */
#define SLAB_BYTES ((size_t)512 << 10)
/* Bytes in front of each allocation, holding its size (and keeping 16-byte alignment). */
#define HEADER 16

struct arena {
    char *first;     /* the slab kept between documents */
    char *slab;      /* the slab allocations come from */
    size_t capacity; /* its size */
    size_t used;     /* how much of it is used */
    long last;       /* offset in slab of the last allocation's header (-1: none) */
    char *extra;     /* extra slabs, each holding the address of the one made before it first */
};

static __thread struct arena *current;
static pthread_key_t key;
static pthread_once_t key_once = PTHREAD_ONCE_INIT;

static void *must(void *p) {
    if (p == NULL) {
        fputs("kneebase: out of memory\n", stderr);
        abort();
    }
    return p;
}

static void clear(struct arena *a) {
    while (a->extra != NULL) {
        char *slab = a->extra;
        memcpy(&a->extra, slab, sizeof(char *));
        free(slab);
    }
    a->slab = a->first;
    a->capacity = SLAB_BYTES;
    a->used = 0;
    a->last = -1;
}

/* Frees a thread's arena when the thread ends. */
static void destroy(void *raw) {
    struct arena *a = raw;
    clear(a);
    free(a->first);
    free(a);
}

static void make_key(void) { pthread_key_create(&key, destroy); }

static struct arena *arena(void) {
    if (current != NULL) return current;
    pthread_once(&key_once, make_key);
    struct arena *a = must(malloc(sizeof *a));
    a->first = must(aligned_alloc(16, SLAB_BYTES));
    a->extra = NULL;
    clear(a);
    pthread_setspecific(key, a);
    current = a;
    return a;
}

static void *allocate(struct arena *a, size_t bytes) {
    if (bytes > ((size_t)1 << 62)) must(NULL);
    size_t total = (bytes + HEADER + 15) & ~(size_t)15;
    if (a->used + total > a->capacity) {
        /* A new slab, linked in front of the extra ones. */
        size_t size = total + HEADER > SLAB_BYTES ? total + HEADER : SLAB_BYTES;
        char *fresh = must(aligned_alloc(16, (size + 15) & ~(size_t)15));
        memcpy(fresh, &a->extra, sizeof(char *));
        a->extra = fresh;
        a->slab = fresh;
        a->capacity = size;
        a->used = HEADER;
    }
    char *at = a->slab + a->used;
    memcpy(at, &bytes, sizeof bytes);
    a->last = (long)a->used;
    a->used += total;
    return at + HEADER;
}

void *kb_arena_calloc(size_t count, size_t size) {
    if (size != 0 && count > (size_t)-1 / size) return NULL;
    size_t bytes = count * size;
    void *p = allocate(arena(), bytes);
    memset(p, 0, bytes);
    return p;
}

void *kb_arena_realloc(void *pointer, size_t bytes) {
    struct arena *a = arena();
    if (pointer == NULL) return allocate(a, bytes);
    char *head = (char *)pointer - HEADER;
    size_t old;
    memcpy(&old, head, sizeof old);
    if (a->last >= 0 && head == a->slab + a->last) {
        size_t total = (bytes + HEADER + 15) & ~(size_t)15;
        if ((size_t)a->last + total <= a->capacity) {
            memcpy(head, &bytes, sizeof bytes);
            a->used = (size_t)a->last + total;
            return pointer;
        }
    }
    if (bytes <= old) return pointer;
    void *moved = allocate(a, bytes);
    memcpy(moved, pointer, old);
    return moved;
}

void kb_arena_free(void *pointer) { (void)pointer; }

void kb_arena_reset(void) {
    if (current != NULL) clear(current);
}
