/// Cleaned block text together with where each piece of it sits in the original file.
///
/// Built piece by piece by the readers; whitespace runs collapse to one space.
/// Pieces appended as `exact` map byte for byte; others (decoded entities, soft
/// breaks) map to the whole source span they came from.
struct MappedText: Sendable {
    struct Segment: Sendable {
        var textStart: Int
        var length: Int
        var sourceStart: Int
        var sourceEnd: Int
        var exact: Bool
    }

    private(set) var bytes: [UInt8] = []
    private(set) var segments: [Segment] = []
    private var pendingSpace: (offset: Int, end: Int)? = nil

    var isEmpty: Bool { bytes.isEmpty }

    /// An empty text with room for `byteCount` bytes in `segmentCount` segments.
    init(reservingBytes byteCount: Int, segments segmentCount: Int) {
        bytes.reserveCapacity(byteCount)
        segments.reserveCapacity(segmentCount)
    }

    init() {}

    /// Appends text read from `source[sourceStart..<sourceStart+count]`, byte for byte.
    mutating func append(exact piece: UnsafeBufferPointer<UInt8>, sourceStart: Int) {
        var i = 0
        let n = piece.count
        if MappedText.isPlainRun(piece) {
            // Words with single spaces between them: appended as they are, in one segment
            // (word by word, each word and space would join it anyway).
            flushSpace()
            let start = bytes.count
            bytes.append(contentsOf: piece)
            appendSegment(Segment(textStart: start, length: n, sourceStart: sourceStart, sourceEnd: sourceStart + n, exact: true))
            return
        }
        while i < n {
            let b = piece[i]
            if MappedText.isSpace(b) {
                let runStart = i
                while i < n && MappedText.isSpace(piece[i]) { i += 1 }
                noteSpace(at: sourceStart + runStart, end: sourceStart + i)
                continue
            }
            let runStart = i
            while i < n && !MappedText.isSpace(piece[i]) { i += 1 }
            flushSpace()
            let start = bytes.count
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: piece[runStart..<i]))
            appendSegment(Segment(textStart: start, length: i - runStart, sourceStart: sourceStart + runStart,
                                  sourceEnd: sourceStart + i, exact: true))
        }
    }

    /// Appends text that stands for the source span `sourceStart..<sourceEnd` as a whole
    /// (a decoded entity, a character reference).
    mutating func append(decoded piece: [UInt8], sourceStart: Int, sourceEnd: Int) {
        var trimmed = piece[...]
        if trimmed.allSatisfy(MappedText.isSpace) {
            noteSpace(at: sourceStart, end: sourceEnd)
            return
        }
        if let first = trimmed.first, MappedText.isSpace(first) { noteSpace(at: sourceStart, end: sourceStart) }
        while let f = trimmed.first, MappedText.isSpace(f) { trimmed = trimmed.dropFirst() }
        var trailing = false
        while let l = trimmed.last, MappedText.isSpace(l) { trimmed = trimmed.dropLast(); trailing = true }
        flushSpace()
        let start = bytes.count
        bytes.append(contentsOf: trimmed)
        appendSegment(Segment(textStart: start, length: trimmed.count, sourceStart: sourceStart, sourceEnd: sourceEnd, exact: false))
        if trailing { noteSpace(at: sourceEnd, end: sourceEnd) }
    }

    /// Decodes HTML's legacy references written without their semicolon ("&nbsp ", see
    /// `LegacyReferences`); each decoded character maps to its whole reference.
    mutating func decodeLegacyReferences() {
        guard bytes.contains(UInt8(ascii: "&")) else { return }
        var found: [(text: Range<Int>, value: [UInt8], source: (start: Int, end: Int))] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "&"), let reference = LegacyReferences.reference(in: bytes, at: i) {
                found.append((i..<(i + reference.length), reference.value, sourceSpan(i, i + reference.length)))
                i += reference.length
            } else {
                i += 1
            }
        }
        guard !found.isEmpty else { return }
        var newBytes: [UInt8] = []
        var newSegments: [Segment] = []
        newBytes.reserveCapacity(bytes.count)
        newSegments.reserveCapacity(segments.count + found.count)
        var next = 0, consumed = 0  // the first reference not yet written; text bytes written up to
        for segment in segments {
            let end = segment.textStart + segment.length
            var at = max(segment.textStart, consumed)
            while at < end {
                if next < found.count, found[next].text.lowerBound == at {
                    let reference = found[next]
                    newSegments.append(Segment(textStart: newBytes.count, length: reference.value.count,
                                               sourceStart: reference.source.start, sourceEnd: reference.source.end, exact: false))
                    newBytes.append(contentsOf: reference.value)
                    next += 1
                    consumed = reference.text.upperBound
                    at = consumed
                    continue
                }
                // The part of the segment before the next reference (or the rest of it), as it was.
                let stop = next < found.count ? min(end, found[next].text.lowerBound) : end
                newSegments.append(Segment(textStart: newBytes.count, length: stop - at,
                                           sourceStart: segment.exact ? segment.sourceStart + (at - segment.textStart) : segment.sourceStart,
                                           sourceEnd: segment.exact ? segment.sourceStart + (stop - segment.textStart) : segment.sourceEnd,
                                           exact: segment.exact))
                newBytes.append(contentsOf: bytes[at..<stop])
                at = stop
            }
        }
        bytes = newBytes
        segments = newSegments
    }

    /// Marks a word break (soft line break, `<br>`, block-internal boundary).
    mutating func appendBreak(at sourceOffset: Int) {
        noteSpace(at: sourceOffset, end: sourceOffset)
    }

    private mutating func noteSpace(at offset: Int, end: Int) {
        guard !bytes.isEmpty, pendingSpace == nil else { return }
        pendingSpace = (offset, end)
    }

    private mutating func flushSpace() {
        guard let space = pendingSpace else { return }
        pendingSpace = nil
        let start = bytes.count
        bytes.append(0x20)
        // A space read from one source byte maps as well byte for byte, and so joins the words around it in one segment.
        let oneByte = space.end == space.offset + 1
        appendSegment(Segment(textStart: start, length: 1, sourceStart: space.offset, sourceEnd: max(space.offset + 1, space.end), exact: oneByte))
    }

    @inline(__always)
    private mutating func appendSegment(_ segment: Segment) {
        let last = segments.count - 1
        if last >= 0, segment.exact, segments[last].exact,
           segments[last].textStart + segments[last].length == segment.textStart, segments[last].sourceEnd == segment.sourceStart {
            segments[last].length += segment.length
            segments[last].sourceEnd = segment.sourceEnd
        } else {
            segments.append(segment)
        }
    }

    /// The source span of text bytes `start..<end`.
    func sourceSpan(_ start: Int, _ end: Int) -> (start: Int, end: Int) {
        guard !segments.isEmpty, end > start else { return (0, 0) }
        let first = segments[segmentIndex(containing: start)]
        let last = segments[segmentIndex(containing: end - 1)]
        let s = first.exact ? first.sourceStart + (start - first.textStart) : first.sourceStart
        let e = last.exact ? last.sourceStart + (end - last.textStart) : last.sourceEnd
        return (s, max(s, e))
    }

    private func segmentIndex(containing offset: Int) -> Int {
        var low = 0
        var high = segments.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if segments[mid].textStart <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// Whether `piece` is not empty, starts and ends with other than white space, and its
    /// only white space is single spaces: text that collapsing white space leaves as it is.
    static func isPlainRun(_ piece: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = piece.first, let last = piece.last, !isSpace(first), !isSpace(last) else { return false }
        var previousSpace = false
        var i = 0
        if let base = UnsafeRawPointer(piece.baseAddress) {
            // Eight bytes at a time: the bytes up to 0x20 must be spaces, no two of them side by side.
            while i + 8 <= piece.count {
                let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                i += 8
                // High bit of each byte over 0x20 (no carry: (b & 0x7F) + 0x5F < 0x100).
                let above = (((w & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x5F5F_5F5F_5F5F_5F5F) | w) & 0x8080_8080_8080_8080
                if above == 0x8080_8080_8080_8080 { previousSpace = false; continue }
                let x = w ^ 0x2020_2020_2020_2020
                let nonSpace = (((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x) & 0x8080_8080_8080_8080
                let spaces = ~nonSpace & 0x8080_8080_8080_8080
                guard spaces == ~above & 0x8080_8080_8080_8080, spaces & (spaces << 8) == 0,
                      !(previousSpace && spaces & 0x80 != 0) else { return false }
                previousSpace = spaces & 0x8000_0000_0000_0000 != 0
            }
        }
        while i < piece.count {
            let b = piece[i]
            i += 1
            if b > 0x20 { previousSpace = false; continue }
            guard b == 0x20, !previousSpace else { return false }
            previousSpace = true
        }
        return true
    }

    /// Whether a byte is ASCII white space (space, tab, line feed, carriage return, form feed).
    static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C
    }
}
