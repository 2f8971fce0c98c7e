/// Space-separated stems, as the index stores them (FTS columns, alias stems).
enum SpaceSeparated {
    /// The words of `text`, as `text.split(separator: " ")` gives them. ASCII text is
    /// split byte by byte: the generic split compares Characters, which was a third of
    /// the time a snippet takes.
    static func words(_ text: String) -> [Substring] {
        let utf8 = text.utf8
        let ranges: [Range<Int>]? = utf8.withContiguousStorageIfAvailable { bytes in
            var out: [Range<Int>] = []
            var i = 0
            let n = bytes.count
            while i < n {
                guard bytes[i] < 0x80 else { return nil }
                if bytes[i] == 0x20 { i += 1; continue }
                let start = i
                while i < n && bytes[i] != 0x20 {
                    guard bytes[i] < 0x80 else { return nil }
                    i += 1
                }
                out.append(start..<i)
            }
            return out
        } ?? nil
        guard let ranges else { return text.split(separator: " ") }
        return ranges.map { text[utf8.index(utf8.startIndex, offsetBy: $0.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: $0.upperBound)] }
    }
}
