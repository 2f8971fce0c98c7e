import Foundation

/// Substring search on UTF-8 bytes that answers as Foundation's `contains` and
/// `range(of:)` do, without bridging to `NSString`.
///
/// Foundation matches canonically equivalent text and never splits a character (a
/// match followed by a combining mark is none). For a needle whose characters have no
/// canonical equivalent but themselves — ASCII other than `K`, `;` and `` ` ``, or `©` —
/// every Foundation match is also a byte match, so: no byte match means no match; in
/// ASCII text a byte match is the match; in other text a byte match is confirmed by
/// Foundation.
enum TextSearch {
    /// Offset of the first occurrence of `needle` in `hay`, byte for byte (nil for an
    /// empty needle): memchr finds each candidate for the first byte, memcmp checks the rest.
    static func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = hay.baseAddress, let first = needle.first, let start = needle.baseAddress else { return nil }
        let n = needle.count
        var at = base
        var left = hay.count
        while left >= n {
            guard let hit = memchr(at, Int32(first), left - n + 1) else { return nil }
            let found = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(found, start, n) == 0 { return found - base }
            left -= found - at + 1
            at = found + 1
        }
        return nil
    }

    /// Whether all of `bytes` are ASCII.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 < 0x80 }
    }
}

extension String {
    /// `contains(needle)` as Foundation answers it, for a needle as `TextSearch` describes.
    func containsText(_ needle: String) -> Bool {
        var hay = self, needle = needle
        let byBytes = hay.withUTF8 { h in
            needle.withUTF8 { n in TextSearch.firstOffset(of: n, in: h).map { _ in TextSearch.isASCII(h) } }
        }
        guard let exact = byBytes else { return false }
        return exact || contains(needle)
    }

    /// `range(of: needle)` as Foundation answers it, for a needle as `TextSearch` describes.
    func rangeOfText(_ needle: String) -> Range<String.Index>? {
        var hay = self, needle = needle
        let byBytes = hay.withUTF8 { h in
            needle.withUTF8 { n in TextSearch.firstOffset(of: n, in: h).map { (offset: $0, exact: TextSearch.isASCII(h)) } }
        }
        guard let found = byBytes else { return nil }
        guard found.exact else { return range(of: needle) }
        let start = utf8.index(startIndex, offsetBy: found.offset)
        return start..<utf8.index(start, offsetBy: needle.utf8.count)
    }

    /// Whether one of `words` is a word of the string, words being the maximal runs of
    /// letters and `joiners` (as `split { !$0.isLetter && !joiners.contains($0) }` finds
    /// them); read on the bytes when the string is ASCII.
    func containsWord(in words: Set<String>, joinedBy joiners: Set<Character>) -> Bool {
        var text = self
        let byBytes: Bool? = text.withUTF8 { bytes in
            guard TextSearch.isASCII(bytes) else { return nil }
            let asciiJoiners = joiners.compactMap(\.asciiValue)
            let longest = words.map(\.utf8.count).max() ?? 0
            var start = 0
            for i in 0...bytes.count {
                let b = i < bytes.count ? bytes[i] : 0
                if (b | 0x20 >= 97 && b | 0x20 <= 122) || asciiJoiners.contains(b) { continue }
                if i > start && i - start <= longest,
                   words.contains(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)) {
                    return true
                }
                start = i + 1
            }
            return false
        }
        return byBytes ?? !Set(split { !$0.isLetter && !joiners.contains($0) }).isDisjoint(with: words.map { Substring($0) })
    }
}
