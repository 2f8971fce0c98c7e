import Foundation

/// The words a `Stemmer` has stemmed, found by their case-folded bytes: an open-addressing
/// table keyed by a 64-bit hash of the bytes (the tokenizer computes it while folding them),
/// then one comparison of the bytes kept in an arena. A word seen before costs no `String`
/// and no second hash of its bytes, and the table grows with the vocabulary instead of
/// evicting words that share a slot. Words are told apart by their bytes: two spellings that
/// `String` compares equal (a precomposed "é" and "e" with a combining accent) each keep the
/// stem of their own bytes, whichever is seen first.
///
/// Raw memory throughout: a lookup is a few loads, without the exclusivity checks of a
/// class's arrays. Not thread-safe, like its stemmer.
final class StemCache {
    /// What the table keeps of a word: where its bytes are in the arena, its `String` (which
    /// tokens share) and what the stemmer found for it.
    struct Entry {
        var offset: Int
        var length: Int
        var norm: String
        var word: Stemmer.Word
    }

    /// A slot of the table: the word's hash and its entry (-1: empty).
    private struct Slot {
        var hash: UInt64
        var entry: Int32
    }

    /// Words kept before the table starts over (a vocabulary grows with the corpus, not
    /// with its size: the ~50,000 words of 10,000 articles fit many times).
    static let limit = 200_000

    private var slots: UnsafeMutablePointer<Slot>
    private var slotBits = 12
    private var entries: UnsafeMutablePointer<Entry>
    private var entryCapacity = 1 << 11
    private(set) var count = 0
    private var arena: UnsafeMutablePointer<UInt8>
    private var arenaCapacity = 1 << 14
    private var arenaUsed = 0

    init() {
        slots = .allocate(capacity: 1 << slotBits)
        slots.initialize(repeating: Slot(hash: 0, entry: -1), count: 1 << slotBits)
        entries = .allocate(capacity: entryCapacity)
        arena = .allocate(capacity: arenaCapacity)
    }

    deinit {
        slots.deallocate()
        entries.deinitialize(count: count)
        entries.deallocate()
        arena.deallocate()
    }

    /// The first slot to probe for `hash`: its top bits after a multiplicative mix.
    private func home(_ hash: UInt64) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - slotBits))
    }

    /// The entry of the word with bytes `bytes` and hash `hash`, if the table has it.
    func entry(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> UnsafePointer<Entry>? {
        let mask = (1 << slotBits) - 1
        var i = home(hash)
        while true {
            let slot = slots[i]
            if slot.entry < 0 { return nil }
            if slot.hash == hash {
                let e = entries + Int(slot.entry)
                if e.pointee.length == bytes.count && (bytes.count == 0 || memcmp(arena + e.pointee.offset, bytes.baseAddress!, bytes.count) == 0) {
                    return UnsafePointer(e)
                }
            }
            i = (i + 1) & mask
        }
    }

    /// Adds the word with bytes `bytes` (not yet in the table), hash `hash`, `String` `norm`
    /// and stemmer findings `word`.
    func insert(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, norm: String, word: Stemmer.Word) {
        if count >= Self.limit { clear() }
        if (count + 1) * 2 > 1 << slotBits { growSlots() }
        if count == entryCapacity {
            let bigger = UnsafeMutablePointer<Entry>.allocate(capacity: entryCapacity * 2)
            bigger.moveInitialize(from: entries, count: count)
            entries.deallocate()
            entries = bigger
            entryCapacity *= 2
        }
        if arenaUsed + bytes.count > arenaCapacity {
            let capacity = max(arenaCapacity * 2, arenaUsed + bytes.count)
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            bigger.update(from: arena, count: arenaUsed)
            arena.deallocate()
            arena = bigger
            arenaCapacity = capacity
        }
        if let base = bytes.baseAddress { (arena + arenaUsed).update(from: base, count: bytes.count) }
        (entries + count).initialize(to: Entry(offset: arenaUsed, length: bytes.count, norm: norm, word: word))
        arenaUsed += bytes.count
        place(Slot(hash: hash, entry: Int32(count)))
        count += 1
    }

    /// Puts `slot` in the first free slot from its home.
    private func place(_ slot: Slot) {
        let mask = (1 << slotBits) - 1
        var i = home(slot.hash)
        while slots[i].entry >= 0 { i = (i + 1) & mask }
        slots[i] = slot
    }

    private func growSlots() {
        let old = slots
        let oldCount = 1 << slotBits
        slotBits += 1
        slots = .allocate(capacity: 1 << slotBits)
        slots.initialize(repeating: Slot(hash: 0, entry: -1), count: 1 << slotBits)
        for i in 0..<oldCount where old[i].entry >= 0 { place(old[i]) }
        old.deallocate()
    }

    /// Forgets every word (keeping the memory).
    private func clear() {
        entries.deinitialize(count: count)
        count = 0
        arenaUsed = 0
        slots.update(repeating: Slot(hash: 0, entry: -1), count: 1 << slotBits)
    }
}
