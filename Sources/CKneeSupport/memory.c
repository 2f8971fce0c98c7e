#include "CKneeSupport.h"
#include <malloc.h>

size_t kb_heap_in_use(void) {
    struct mallinfo2 info = mallinfo2();
    return info.uordblks + info.hblkhd;
}

size_t kb_heap_held(void) {
    struct mallinfo2 info = mallinfo2();
    return info.arena + info.hblkhd;
}
