import Foundation

/// The site's search index, written at build time and read by `assets/search.js`:
///
/// - `search/meta.json`: document count, the document-number range of each kind, the
///   stop words, the entity-page section each question word asks for (by stem), and the
///   first term of every shard.
/// - `search/i/N.bin`: shard N — terms (Snowball stems, and `@D` for "mentions entity
///   D") in byte order, each with its postings as (doc delta, impact) varint pairs;
///   then the lexicon aliases whose first stem falls in the shard, each with its entity.
/// - `search/f/D.json`: what a result shows for document D (title, link, sentences).
///
/// A query loads meta.json, one shard per word, and the fragments of the results it
/// shows — like Pagefind, and no more.
struct SearchIndexWriter {
    /// Shards are cut once they pass this many bytes (a term's postings are never split).
    static let shardTarget = 8 * 1024
    /// Words not indexed: too common to tell pages apart.
    static let stopWords: [String] = ("a an and are as at be been but by can do does for from had has have he her his how i if in into is it its "
        + "me my no not of on or our she so than that the their them then there these they this those to too was we "
        + "were what when where which while who why will with you your").split(separator: " ").map(String.init)
    static let stopSet = Set(stopWords)

    /// Per-document term weights for BM25: title words count 3, headings 1.5, text 1;
    /// for entities, the name 4, aliases 3 (each word once), description 1.
    struct Terms: Sendable {
        var weights: [String: Float] = [:]
        var length: Float = 0
        /// What the document's scores are multiplied by: above 1 for entities that more
        /// sources name, so that among near-equal matches the one most talked about leads.
        var prior: Float = 1

        mutating func add(_ tokens: [Token], weight: Float) {
            for t in tokens where !SearchIndexWriter.stopSet.contains(t.norm) && !t.stem.isEmpty {
                weights[t.stem, default: 0] += weight
                length += 1
            }
        }

        /// Adds alternative names (an entity's aliases): each stem counts once however many
        /// of them hold it, so an entity with many aliases on one word does not outrank the
        /// entity that word names.
        mutating func add(alternatives: [[Token]], weight: Float) {
            var seen = Set<String>()
            for tokens in alternatives {
                for t in tokens where !SearchIndexWriter.stopSet.contains(t.norm) && !t.stem.isEmpty && seen.insert(t.stem).inserted {
                    weights[t.stem, default: 0] += weight
                    length += 1
                }
            }
        }

        mutating func addEntity(_ number: Int, weight: Float) {
            weights["@\(number)", default: 0] += weight
        }
    }

    struct Alias: Sendable {
        var stems: [String]
        var doc: Int
    }

    /// Writes the index for `docs` (entities first, then sources) into `writer`.
    static func write(docs: [Terms], entityCount: Int, kinds: [(String, Int, Int)], aliases: [Alias], to writer: SiteWriter) throws {
        var postings: [String: [(doc: Int32, tf: Float)]] = [:]
        postings.reserveCapacity(1 << 16)
        var totals: (entities: Float, sources: Float) = (0, 0)
        for (doc, terms) in docs.enumerated() {
            for (term, tf) in terms.weights { postings[term, default: []].append((Int32(doc), tf)) }
            if doc < entityCount { totals.entities += terms.length } else { totals.sources += terms.length }
        }
        let n = Float(docs.count)
        let avgEntity = max(1, totals.entities / Float(max(1, entityCount)))
        let avgSource = max(1, totals.sources / Float(max(1, docs.count - entityCount)))
        let k1: Float = 1.2, b: Float = 0.75
        let terms = postings.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }

        var blocks: [[UInt8]] = []
        blocks.reserveCapacity(terms.count)
        for term in terms {
            let list = postings[term]!
            let df = Float(list.count)
            let idf = log(1 + (n - df + 0.5) / (df + 0.5))
            let own = term.hasPrefix("@") ? Int32(term.dropFirst()) : nil
            var block: [UInt8] = []
            block.reserveCapacity(list.count * 2 + term.utf8.count + 8)
            varint(term.utf8.count, &block)
            block.append(contentsOf: term.utf8)
            varint(list.count, &block)
            var previous: Int32 = 0
            for p in list {
                let dl = docs[Int(p.doc)].length
                let avg = Int(p.doc) < entityCount ? avgEntity : avgSource
                let score = idf * p.tf * (k1 + 1) / (p.tf + k1 * (1 - b + b * dl / avg)) * docs[Int(p.doc)].prior
                let impact = p.doc == own ? 255 : min(254, max(1, Int((score * 12).rounded())))
                varint(Int(p.doc - previous), &block)
                block.append(UInt8(impact))
                previous = p.doc
            }
            blocks.append(block)
        }

        // Cut shards, then give each alias to the shard its first stem falls in.
        var firstTerms: [String] = [""]
        var shardBlocks: [[Int]] = [[]]
        var size = 0
        for (i, block) in blocks.enumerated() {
            if size > 0 && size + block.count > shardTarget {
                firstTerms.append(terms[i])
                shardBlocks.append([])
                size = 0
            }
            shardBlocks[shardBlocks.count - 1].append(i)
            size += block.count
        }
        var shardAliases = [[Alias]](repeating: [], count: firstTerms.count)
        for a in aliases {
            guard let first = a.stems.first else { continue }
            shardAliases[shard(of: first, firstTerms)].append(a)
        }
        for (s, members) in shardBlocks.enumerated() {
            var out: [UInt8] = []
            varint(1, &out)
            varint(members.count, &out)
            for i in members { out.append(contentsOf: blocks[i]) }
            let list = shardAliases[s].sorted { ($0.stems.joined(separator: " "), $0.doc) < ($1.stems.joined(separator: " "), $1.doc) }
            varint(list.count, &out)
            for a in list {
                varint(a.stems.count, &out)
                for stem in a.stems { varint(stem.utf8.count, &out); out.append(contentsOf: stem.utf8) }
                varint(a.doc, &out)
            }
            try writer.write(out, to: "search/i/\(s).bin")
        }

        var w = JSONWriter(capacity: firstTerms.count * 12 + 1024)
        w.beginObject()
        w.key("v"); w.int(1)
        w.key("docs"); w.int(docs.count)
        w.key("entities"); w.int(entityCount)
        w.key("kinds")
        w.beginArray()
        for (kind, start, end) in kinds { w.beginArray(); w.string(kind); w.int(start); w.int(end); w.endArray() }
        w.endArray()
        w.key("stop"); w.strings(stopWords)
        w.key("asks")
        w.beginObject()
        for (stem, relations) in RelationIntent.sectionsByStem { w.key(stem); w.string(relations[0].anchor) }
        w.endObject()
        // The other sections such a question answers too ("causes" → risk factors).
        w.key("also")
        w.beginObject()
        for (stem, relations) in RelationIntent.sectionsByStem where relations.count > 1 {
            w.key(stem); w.strings(relations.dropFirst().map(\.anchor))
        }
        w.endObject()
        w.key("shards"); w.strings(firstTerms)
        w.endObject()
        try writer.write(w.bytes, to: "search/meta.json")
    }

    /// The shard whose first term is the greatest one not after `term`.
    static func shard(of term: String, _ firstTerms: [String]) -> Int {
        var lo = 0, hi = firstTerms.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if firstTerms[mid].utf8.lexicographicallyPrecedes(term.utf8) || firstTerms[mid] == term { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    static func varint(_ value: Int, _ out: inout [UInt8]) {
        var v = UInt64(value)
        while v >= 0x80 {
            out.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    /// The first claims of one section of a condition's page, for the search page's answer
    /// to a question about that section.
    struct Answer {
        struct Item { var name: String, path: String, sources: String }
        /// The section's anchor on the page ("cause"), its title, and how many claims it has.
        var anchor: String, title: String, total: Int
        var items: [Item]
    }

    /// `search/f/D.json` for an entity; a condition's carries its `answers` under "r", by
    /// section anchor: title, count and the first items as [name, path, sources].
    static func entityFragment(_ e: Entity, path: String, answers: [Answer] = []) -> [UInt8] {
        var w = JSONWriter(capacity: 512)
        w.beginObject()
        w.key("k"); w.string(e.kind.rawValue)
        w.key("t"); w.string(e.name)
        w.key("u"); w.string(path)
        if !e.description.isEmpty { w.key("d"); w.string(e.description) }
        let aliases = EntityPage.distinctAliases(e)
        if !aliases.isEmpty { w.key("a"); w.strings(aliases) }
        if !answers.isEmpty {
            w.key("r"); w.beginObject()
            for answer in answers {
                w.key(answer.anchor); w.beginObject()
                w.key("t"); w.string(answer.title)
                w.key("n"); w.int(answer.total)
                w.key("i"); w.beginArray()
                for item in answer.items { w.strings([item.name, item.path, item.sources]) }
                w.endArray()
                w.endObject()
            }
            w.endObject()
        }
        w.endObject()
        return w.bytes
    }

    /// `search/f/D.json` for a source: title, link, publisher, sentences (index = anchor).
    static func sourceFragment(_ d: Document, title: String, path: String) -> [UInt8] {
        var w = JSONWriter(capacity: d.byteCount + 256)
        w.beginObject()
        w.key("k"); w.string("source")
        w.key("t"); w.string(title)
        w.key("u"); w.string(path)
        if let p = d.metadata.publisher, !p.isEmpty { w.key("p"); w.string(p) }
        w.key("s"); w.strings(d.sentences.map(\.text))
        w.endObject()
        return w.bytes
    }
}
