/// Encodes ingested documents as `data/documents.json`.
enum DocumentsJSON {
    static func encode(_ documents: [Document]) -> [UInt8] {
        var out: [UInt8] = []
        write(documents) { out += $0 }
        return out
    }

    /// Encodes `documents`, handing the text to `sink` a megabyte or so at a time.
    static func write(_ documents: [Document], to sink: ([UInt8]) throws -> Void) rethrows {
        var w = JSONWriter(capacity: JSONWriter.chunk + (1 << 16))
        w.beginObject()
        w.key("documents")
        w.beginArray()
        for d in documents {
            w.beginObject()
            w.key("source"); w.string(d.source)
            w.key("format"); w.string(d.format.rawValue)
            w.key("contentHash"); w.string(d.contentHash)
            w.key("metadata"); metadata(d.metadata, &w)
            w.key("blocks")
            w.beginArray()
            for b in d.blocks {
                w.beginObject()
                w.key("kind"); w.string(b.kind.rawValue)
                if b.level > 0 { w.key("level"); w.int(b.level) }
                w.key("text"); w.string(b.text)
                range(b.range, &w)
                w.endObject()
            }
            w.endArray()
            w.key("sentences")
            w.beginArray()
            for s in d.sentences {
                w.beginObject()
                w.key("text"); w.string(s.text)
                range(s.range, &w)
                w.key("block"); w.int(s.block)
                w.key("headingPath"); w.strings(d.headingPath(of: s))
                w.endObject()
            }
            w.endArray()
            w.key("excluded")
            w.beginArray()
            for e in d.excluded {
                w.beginObject()
                w.key("reason"); w.string(e.reason.rawValue)
                w.key("text"); w.string(e.text)
                w.key("line"); w.int(e.range.line)
                if let f = e.firstLine { w.key("firstLine"); w.int(f) }
                w.endObject()
            }
            w.endArray()
            w.endObject()
            try w.drain(over: JSONWriter.chunk, to: sink)
        }
        w.endArray()
        w.endObject()
        try w.drain(to: sink)
    }

    private static func range(_ r: SourceRange, _ w: inout JSONWriter) {
        w.key("line"); w.int(r.line)
        w.key("column"); w.int(r.column)
        w.key("endLine"); w.int(r.endLine)
        w.key("endColumn"); w.int(r.endColumn)
        w.key("start"); w.int(r.start)
        w.key("end"); w.int(r.end)
    }

    private static func metadata(_ m: SourceMetadata, _ w: inout JSONWriter) {
        w.beginObject()
        for (k, v) in [("title", m.title), ("author", m.author), ("publisher", m.publisher), ("date", m.date),
                       ("url", m.url), ("language", m.language), ("kind", m.kind)] {
            if let v { w.key(k); w.string(v) }
        }
        for (k, v) in m.extra.sorted(by: { $0.key < $1.key }) { w.key(k); w.string(v) }
        w.endObject()
    }
}
