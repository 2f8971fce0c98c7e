import Foundation

/// Encodes ingested documents as `data/documents.json`.
enum DocumentsJSON {
    static func encode(_ documents: [Document]) -> [UInt8] {
        var out: [UInt8] = []
        write(documents) { out += $0 }
        return out
    }

    /// The document objects of an earlier `documents.json`, by build-cache key: a document
    /// with the same key encodes to the same bytes, so they are copied rather than encoded.
    struct Previous: Sendable {
        /// The earlier file, read object by object (not mapped: its pages would count in the build's memory).
        let file: URL
        /// Byte range of each document's object in `file`, by the document's build-cache key.
        let objects: [String: Range<Int>]
    }

    /// Encodes `documents`, handing the text to `sink` a megabyte or so at a time; `keys`
    /// holds each document's build-cache key (or nil), under which `previous` may hold its
    /// object. Returns the byte range of each document's object in the text.
    @discardableResult
    static func write(_ documents: [Document], keys: [String?] = [], previous: Previous? = nil,
                      to sink: ([UInt8]) throws -> Void) rethrows -> [Range<Int>] {
        var w = JSONWriter(capacity: JSONWriter.chunk + (1 << 16))
        var drained = 0
        var objects: [Range<Int>] = []
        objects.reserveCapacity(documents.count)
        w.beginObject()
        w.key("documents")
        w.beginArray()
        let file = previous.flatMap { PreviousFile($0.file) }
        var copied: [UInt8] = []
        for (i, d) in documents.enumerated() {
            if i < keys.count, let key = keys[i], let file, let range = previous?.objects[key], file.readObject(range, into: &copied) {
                copied.withUnsafeBytes { w.raw($0) }
                objects.append(drained + w.bytes.count - range.count ..< drained + w.bytes.count)
            } else {
                w.beginObject()
                let start = drained + w.bytes.count - 1
                object(d, &w)
                w.endObject()
                objects.append(start ..< drained + w.bytes.count)
            }
            let pending = w.bytes.count
            try w.drain(over: JSONWriter.chunk, to: sink)
            if w.bytes.isEmpty { drained += pending }
        }
        w.endArray()
        w.endObject()
        try w.drain(to: sink)
        return objects
    }

    /// The members of a document's object.
    private static func object(_ d: Document, _ w: inout JSONWriter) {
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

/// An earlier `documents.json`, open for reading objects out of it.
private final class PreviousFile {
    private let fd: Int32

    init?(_ url: URL) {
        fd = open(url.path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { return nil }
    }

    deinit { close(fd) }

    /// Reads the bytes of `range` into `buffer`; false when they cannot be read or do not span
    /// an object (a damaged record reads as a miss, and the document is encoded).
    func readObject(_ range: Range<Int>, into buffer: inout [UInt8]) -> Bool {
        guard range.lowerBound >= 0, range.count >= 2 else { return false }
        buffer = [UInt8](repeating: 0, count: range.count)
        let complete = buffer.withUnsafeMutableBytes { FileDescriptorIO.read(fd, into: $0, at: range.lowerBound) == $0.count }
        return complete && buffer.first == UInt8(ascii: "{") && buffer.last == UInt8(ascii: "}")
    }
}
