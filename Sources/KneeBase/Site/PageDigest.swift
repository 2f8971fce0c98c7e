/// A fingerprint of everything one page is rendered from, so an incremental build can
/// keep the previous build's copy of a page whose inputs did not change instead of
/// rendering it again (see `PageMemo`).
///
/// A 64-bit lane over a length-prefixed stream of the inputs (every string is preceded
/// by its length, so no two input lists run together), taken eight bytes at a time
/// (multiply, then rotate), and a second lane that mixes the first after every item:
/// 128 bits, two multiplies per eight bytes. Digests live only in the build cache, so
/// changing how they are computed costs one full render (`PageMemoRecord.version`).
struct PageDigest: Sendable {
    private var a: UInt64 = 0xcbf2_9ce4_8422_2325
    private var b: UInt64 = 0x8422_2325_cbf2_9ce4

    init(_ seed: String) { add(seed) }

    private mutating func mix() {
        b = ((b ^ a) &* 0x9E37_79B9_7F4A_7C15)
        b ^= b >> 31
    }

    /// Folds one 64-bit word into the first lane.
    @inline(__always)
    private static func step(_ a: UInt64, _ word: UInt64) -> UInt64 {
        let m = (a ^ word) &* 0x9FB2_1C65_1E98_DF25
        return (m << 29 | m >> 35) &* 0x100_0000_01b3
    }

    mutating func add(_ s: String) {
        var s = s
        let a = s.withUTF8 { bytes -> UInt64 in
            var a = Self.step(self.a, UInt64(bytes.count))
            guard let base = bytes.baseAddress else { return a }
            let raw = UnsafeRawPointer(base)
            var i = 0
            while i + 8 <= bytes.count {
                a = Self.step(a, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
                i += 8
            }
            if i < bytes.count {
                var tail: UInt64 = 0
                for k in i..<bytes.count { tail |= UInt64(bytes[k]) << UInt64(8 * (k - i)) }
                a = Self.step(a, tail)
            }
            return a
        }
        self.a = a
        mix()
    }

    mutating func add(_ n: Int) {
        a = Self.step(a, UInt64(bitPattern: Int64(n)))
        mix()
    }

    /// Adds another digest's state (a part computed once and used by several pages).
    mutating func add(_ part: PageDigest) {
        add(Int(bitPattern: UInt(part.a)))
        add(Int(bitPattern: UInt(part.b)))
    }

    mutating func add(_ flag: Bool) { add(flag ? 1 : 0) }

    mutating func add(_ s: String?) {
        if let s { add(1); add(s) } else { add(0) }
    }

    mutating func add(_ list: [String]) {
        add(list.count)
        for s in list { add(s) }
    }

    mutating func add(_ e: Entity) {
        add(e.id); add(e.kind.rawValue); add(e.name); add(e.aliases); add(e.description)
        add(e.parents); add(e.targets); add(e.subtype); add(e.discovered)
    }

    mutating func add(_ c: Claim) {
        add(c.subject); add(c.relation.rawValue); add(c.object)
        add(c.evidence.count)
        let list = c.evidence
        for k in list.indices {
            // Fields read in place: copying each Evidence (a dozen strings) costs more than hashing it.
            add(list[k].source); add(list[k].sentence); add(list[k].text); add(list[k].line); add(list[k].column)
            add(list[k].start); add(list[k].end); add(list[k].headingPath); add(list[k].polarity.rawValue)
            add(list[k].certainty.rawValue); add(list[k].attribution); add(list[k].rule)
        }
    }

    /// What several pages read, digested once (in parallel): per claim, the claim with
    /// the title and page of every source it quotes (entity pages read it in full) and its
    /// entities' names and pages (source pages read that much).
    struct Parts: Sendable {
        var claims: [PageDigest] = []
        var claimHeads: [PageDigest] = []

        init() {}

        init(_ model: SiteModel) {
            let documents = parallelMap(model.graph.documents) { doc -> PageDigest in
                var d = PageDigest("source")
                d.add(model.title(of: doc))
                d.add(model.paths.source(doc.source))
                return d
            }
            let both = parallelMap(Array(model.graph.claims.indices)) { ci -> (PageDigest, PageDigest) in
                let c = model.graph.claims[ci]
                var full = PageDigest("claim")
                full.add(c)
                var seen = Set<String>()
                let sources = c.evidence.map(\.source).filter { seen.insert($0).inserted }.sorted()
                full.add(sources.count)
                for s in sources {
                    full.add(s)
                    if let i = model.documentIndex[s] { full.add(true); full.add(documents[i]) } else { full.add(false); full.add(model.paths.source(s)) }
                }
                var head = PageDigest("claim-head")
                head.add(c.subject); head.add(c.relation.rawValue); head.add(c.object)
                for id in [c.subject, c.object] { head.add(model.name(id)); head.add(model.paths.entity(id)) }
                return (full, head)
            }
            claims = both.map(\.0)
            claimHeads = both.map(\.1)
        }
    }

    /// The digest, as 32 hex digits.
    var value: String {
        func hex(_ v: UInt64) -> String {
            let s = String(v, radix: 16)
            return String(repeating: "0", count: 16 - s.count) + s
        }
        return hex(a) + hex(b)
    }
}

/// The page digests of the last build whose output is in place, and what a build needs
/// to compute its own: the code and theme that render, and each document's cache key
/// (which covers its bytes, path and format).
struct PageMemo: Sendable {
    /// Page path → digest of the build whose output is the current output folder.
    var previous: [String: String]
    /// Source path → build-cache key of its article.
    var documentKeys: [String: String]
    /// The renderer's identity (cache version and executable).
    var code: String

    /// Digest of an entity page: the entity, every claim about it with all its evidence and
    /// the title and page of every source quoted, and the other entities those claims, its
    /// parents, targets and children name.
    ///
    /// `parts` holds the digest of each claim (`PageDigest.Parts`), by claim index.
    func entityDigest(_ e: Entity, path: String, model: SiteModel, theme: SiteTheme, parts: PageDigest.Parts) -> String {
        var d = PageDigest("entity|\(code)|\(theme.fingerprint)|\(path)")
        d.add(model.graph.documents.count)
        d.add(e)
        var others = Set(e.parents + e.targets)
        for list in [model.claimsBySubject[e.id] ?? [], model.claimsByObject[e.id] ?? []] {
            d.add(list.count)
            for ci in list {
                d.add(parts.claims[ci])
                others.insert(model.graph.claims[ci].subject)
                others.insert(model.graph.claims[ci].object)
            }
        }
        for id in others.sorted() {
            d.add(id)
            if let o = model.entities[id] { d.add(true); d.add(o) } else { d.add(false) }
            d.add(model.paths.entity(id))
        }
        let children = model.children[e.id] ?? []
        d.add(children.count)
        for c in children { d.add(c); d.add(model.paths.entity(c.id)) }
        let workedBy = model.targetedBy[e.id] ?? []
        d.add(workedBy.count)
        for w in workedBy { d.add(w); d.add(model.paths.entity(w.id)) }
        return d.value
    }

    /// Digest of a source's search fragment (`SearchIndexWriter.sourceFragment`), nil when
    /// the document has no cache key: the document (by its key) and where its page is.
    func sourceFragmentDigest(_ source: String, fragment: String, path: String) -> String? {
        guard let key = documentKeys[source] else { return nil }
        var d = PageDigest("source-fragment|\(code)|\(fragment)|\(path)|\(key)")
        d.add(source)
        return d.value
    }

    /// Digest of a source page, nil when the document has no cache key: the document (by
    /// its key), its claims sentence by sentence with the names and pages they link to,
    /// the mentions in those sentences, and its quality findings.
    func sourceDigest(_ index: Int, path: String, mentions: [[Mention]], model: SiteModel, theme: SiteTheme, parts: PageDigest.Parts) -> String? {
        let source = model.graph.documents[index].source
        guard let key = documentKeys[source] else { return nil }
        var d = PageDigest("source|\(code)|\(theme.fingerprint)|\(path)|\(key)")
        d.add(model.graph.documents.count)
        d.add(source)
        let claims = model.sentenceClaims[index]
        let denied = model.deniedClaims[index]
        d.add(claims.count)
        for (sentence, ids) in claims.sorted(by: { $0.key < $1.key }) {
            d.add(sentence)
            d.add(ids.count)
            for ci in ids {
                d.add(parts.claimHeads[ci])
                d.add(denied.contains(SiteModel.pairKey(sentence: sentence, claim: ci)))
            }
            let found = sentence < mentions.count ? mentions[sentence] : []
            d.add(found.count)
            for m in found { d.add(m.entity); d.add(m.start); d.add(m.end); d.add(model.paths.entity(m.entity)) }
        }
        let quality = model.qualityFindings[source] ?? []
        d.add(quality.count)
        for f in quality { d.add(f.severity.rawValue); d.add(f.message); d.add(f.code) }
        return d.value
    }
}
