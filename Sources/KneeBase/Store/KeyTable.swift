/// An open-addressing table from 64-bit keys that are already well mixed (`StemKey`s,
/// FNV-1a hashes) to non-negative `Int32` values; a missing key reads as -1. Costs a
/// multiplication and a probe or two where `Dictionary` would hash with SipHash.
struct KeyTable: Sendable {
    private var keys = [UInt64](repeating: 0, count: 64)
    private var values = [Int32](repeating: -1, count: 64)
    private var count = 0

    subscript(key: UInt64) -> Int32 {
        get { values[slot(key)] }
        set {
            precondition(newValue >= 0, "KeyTable holds non-negative values")
            let i = slot(key)
            if values[i] < 0 { count += 1 }
            keys[i] = key
            values[i] = newValue
            if count * 2 > keys.count { grow() }
        }
    }

    private func slot(_ key: UInt64) -> Int {
        let mask = keys.count - 1
        var i = Int(truncatingIfNeeded: ((key ^ (key >> 29)) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while values[i] >= 0 && keys[i] != key { i = (i + 1) & mask }
        return i
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Int32](repeating: -1, count: oldKeys.count * 2)
        count = 0
        for i in oldKeys.indices where oldValues[i] >= 0 { self[oldKeys[i]] = oldValues[i] }
    }
}

/// Strings numbered as first added, each with a count: the word counts and document
/// frequencies of the sentence index, which add up millions of short strings. A string
/// is found by its `StemKey` in a `KeyTable` and one comparison (equal strings have equal
/// keys; strings whose keys collide are chained), with no seeded hashing per lookup.
struct StringTally: Sendable {
    private(set) var strings: [String] = []
    private(set) var counts: [Int] = []
    private var first = KeyTable()
    private var sameKey: [Int32] = []

    /// The number of `s`, added with count 0 when it is new.
    mutating func index(of s: String) -> Int {
        let key = StemKey.of(s)
        let head = first[key]
        var i = head
        while i >= 0 {
            if strings[Int(i)] == s { return Int(i) }
            i = sameKey[Int(i)]
        }
        first[key] = Int32(strings.count)
        sameKey.append(head)
        strings.append(s)
        counts.append(0)
        return strings.count - 1
    }

    /// Adds `n` to the count of `s`; returns its number.
    @discardableResult
    mutating func add(_ s: String, _ n: Int) -> Int {
        let i = index(of: s)
        counts[i] += n
        return i
    }
}
