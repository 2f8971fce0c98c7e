import CCmarkGFM
import Glibc

/// A bump allocator for cmark-gfm, one per thread: a document's nodes, buffers and
/// iterator are carved out of one slab and all given back at once when the document
/// is done (`reset`), instead of being malloc'd and freed one by one.
///
/// cmark's allocator functions take no context, so each thread finds its arena
/// through a thread-specific key. `free` does nothing; `realloc` grows the last
/// allocation in place, else copies. Only documents up to `maxInputBytes` use it, so
/// that what one arena keeps between documents stays small.
struct CmarkArena {
    /// Largest input parsed in an arena; bigger ones use cmark's default allocator.
    static let maxInputBytes = 1 << 20
    /// Size of the slab each arena keeps; allocations that do not fit get slabs of their own until `reset`.
    static let slabBytes = 512 << 10
    /// Bytes in front of each allocation, holding its size (and keeping 16-byte alignment).
    private static let header = 16

    /// The slab kept between documents.
    private let first: UnsafeMutableRawPointer
    /// The slab allocations come from, its size, and how much of it is used.
    private var slab: UnsafeMutableRawPointer
    private var capacity: Int
    private var used = 0
    /// Offset in `slab` of the last allocation's header (-1: none), which `realloc` can grow in place.
    private var last = -1
    /// Extra slabs, each holding the address of the one made before it in its first bytes.
    private var extra: UnsafeMutableRawPointer? = nil

    private init() {
        first = UnsafeMutableRawPointer.allocate(byteCount: Self.slabBytes, alignment: 16)
        slab = first
        capacity = Self.slabBytes
    }

    /// The allocator to hand to `cmark_parser_new_with_mem`.
    nonisolated(unsafe) static let allocator: UnsafeMutablePointer<cmark_mem> = {
        let mem = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        mem.initialize(to: cmark_mem(
            calloc: { count, size in
                let (bytes, overflow) = count.multipliedReportingOverflow(by: size)
                guard !overflow else { return nil }
                let p = CmarkArena.current.pointee.allocate(bytes)
                memset(p, 0, bytes)
                return p
            },
            realloc: { pointer, size in CmarkArena.current.pointee.reallocate(pointer, size) },
            free: { _ in }))
        return mem
    }()

    /// Gives back everything allocated in this thread's arena since the last reset.
    static func reset() {
        current.pointee.clear()
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { raw in
            guard let arena = (raw as UnsafeMutableRawPointer?)?.assumingMemoryBound(to: CmarkArena.self) else { return }
            arena.pointee.clear()
            arena.pointee.first.deallocate()
            arena.deinitialize(count: 1)
            arena.deallocate()
        }
        return key
    }()

    /// This thread's arena, made on first use.
    private static var current: UnsafeMutablePointer<CmarkArena> {
        if let raw = pthread_getspecific(key) { return raw.assumingMemoryBound(to: CmarkArena.self) }
        let arena = UnsafeMutablePointer<CmarkArena>.allocate(capacity: 1)
        arena.initialize(to: CmarkArena())
        pthread_setspecific(key, arena)
        return arena
    }

    private mutating func allocate(_ bytes: Int) -> UnsafeMutableRawPointer {
        let total = (bytes + Self.header + 15) & ~15
        if used + total > capacity {
            // A new slab, linked in front of the extra ones.
            let size = max(Self.slabBytes, total + Self.header)
            let fresh = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
            fresh.storeBytes(of: extra, as: UnsafeMutableRawPointer?.self)
            extra = fresh
            slab = fresh
            capacity = size
            used = Self.header
        }
        let at = slab + used
        at.storeBytes(of: bytes, as: Int.self)
        last = used
        used += total
        return at + Self.header
    }

    private mutating func reallocate(_ pointer: UnsafeMutableRawPointer?, _ bytes: Int) -> UnsafeMutableRawPointer {
        guard let pointer else { return allocate(bytes) }
        let old = (pointer - Self.header).load(as: Int.self)
        if last >= 0, pointer - Self.header == slab + last {
            let total = (bytes + Self.header + 15) & ~15
            if last + total <= capacity {
                (pointer - Self.header).storeBytes(of: bytes, as: Int.self)
                used = last + total
                return pointer
            }
        }
        if bytes <= old { return pointer }
        let moved = allocate(bytes)
        moved.copyMemory(from: pointer, byteCount: old)
        return moved
    }

    private mutating func clear() {
        while let slab = extra {
            extra = slab.load(as: UnsafeMutableRawPointer?.self)
            slab.deallocate()
        }
        slab = first
        capacity = Self.slabBytes
        used = 0
        last = -1
    }
}
