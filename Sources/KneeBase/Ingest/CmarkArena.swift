import CCmarkGFM
import CKneeSupport

/// A bump allocator for cmark-gfm, one per thread: a document's nodes, buffers and
/// iterator are carved out of one slab and all given back at once when the document
/// is done (`reset`), instead of being malloc'd and freed one by one.
///
/// The arena lives in C (`kb_arena_*` in CKneeSupport), where each thread finds its own
/// through a thread-local variable: cmark calls the allocator hundreds of times per
/// document, and its functions take no context. Only documents up to `maxInputBytes`
/// use it, so that what one arena keeps between documents stays small.
enum CmarkArena {
    /// Largest input parsed in an arena; bigger ones use cmark's default allocator.
    static let maxInputBytes = 1 << 20

    /// The allocator to hand to `cmark_parser_new_with_mem`.
    nonisolated(unsafe) static let allocator: UnsafeMutablePointer<cmark_mem> = {
        let mem = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        mem.initialize(to: cmark_mem(calloc: kb_arena_calloc, realloc: kb_arena_realloc, free: kb_arena_free))
        return mem
    }()

    /// Gives back everything allocated in this thread's arena since the last reset.
    static func reset() {
        kb_arena_reset()
    }
}
