extension SourceTerms {
    /// The terms as bytes (see `ByteWriter`); weights as their bit patterns.
    func bytes() -> [UInt8] {
        var w = ByteWriter()
        w.strings(stems)
        w.int(weights.count)
        for weight in weights { w.int(Int(weight.bitPattern)) }
        w.int(Int(length.bitPattern))
        w.int(mentions.count)
        for list in mentions {
            w.int(list.count)
            for m in list {
                w.string(m.entity)
                w.string(m.kind.rawValue)
                for v in [m.first, m.last, m.start, m.end] { w.int(v) }
            }
        }
        return w.bytes
    }

    /// Reads terms written by `bytes()`; nil when the bytes are truncated or malformed.
    init?(bytes: ArraySlice<UInt8>) {
        let decoded: SourceTerms? = bytes.withUnsafeBufferPointer { buffer in
            var r = ByteReader(buffer: buffer)
            var t = SourceTerms()
            guard let stems = r.strings(), let weightCount = r.count(), weightCount == stems.count else { return nil }
            t.stems = stems
            t.weights.reserveCapacity(weightCount)
            for _ in 0..<weightCount {
                guard let bits = r.int(), let pattern = UInt32(exactly: bits) else { return nil }
                t.weights.append(Float(bitPattern: pattern))
            }
            guard let lengthBits = r.int(), let pattern = UInt32(exactly: lengthBits), let sentences = r.count() else { return nil }
            t.length = Float(bitPattern: pattern)
            t.mentions.reserveCapacity(sentences)
            for _ in 0..<sentences {
                guard let n = r.count() else { return nil }
                var list: [Mention] = []
                list.reserveCapacity(n)
                for _ in 0..<n {
                    guard let entity = r.string(), let kind = r.string().flatMap(EntityKind.init(rawValue:)),
                          let first = r.int(), let last = r.int(), let start = r.int(), let end = r.int(), start <= end else { return nil }
                    list.append(Mention(entity: entity, kind: kind, first: first, last: last, start: start, end: end))
                }
                t.mentions.append(list)
            }
            return r.atEnd ? t : nil
        }
        guard let decoded else { return nil }
        self = decoded
    }
}
