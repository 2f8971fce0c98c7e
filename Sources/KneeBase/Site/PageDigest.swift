/// A fingerprint of everything one page is rendered from, so an incremental build can
/// keep the previous build's copy of a page whose inputs did not change instead of
/// rendering it again (see `PageMemo`).
///
/// A 64-bit FNV-1a lane over a length-prefixed stream of the inputs (every string is
/// preceded by its length, so no two input lists run together), and a second lane that
/// mixes the first after every item: 128 bits, one multiply per byte.
struct PageDigest: Sendable {
    private var a: UInt64 = 0xcbf2_9ce4_8422_2325
    private var b: UInt64 = 0x8422_2325_cbf2_9ce4

    init(_ seed: String) { add(seed) }

    private mutating func mix() {
        b = ((b ^ a) &* 0x9E37_79B9_7F4A_7C15)
        b ^= b >> 31
    }

    mutating func add(_ s: String) {
        var a = self.a
        var n = UInt64(s.utf8.count)
        for _ in 0..<4 {
            a = (a ^ (n & 0xFF)) &* 0x100_0000_01b3
            n >>= 8
        }
        for byte in s.utf8 { a = (a ^ UInt64(byte)) &* 0x100_0000_01b3 }
        self.a = a
        mix()
    }

    mutating func add(_ n: Int) {
        var v = UInt64(bitPattern: Int64(n))
        var a = self.a
        for _ in 0..<8 {
            a = (a ^ (v & 0xFF)) &* 0x100_0000_01b3
            v >>= 8
        }
        self.a = a
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
        for ev in c.evidence {
            add(ev.source); add(ev.sentence); add(ev.text); add(ev.line); add(ev.column); add(ev.start); add(ev.end)
            add(ev.headingPath); add(ev.polarity.rawValue); add(ev.certainty.rawValue); add(ev.attribution); add(ev.rule)
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
    /// The build cache, which keeps each source's `SourceTerms` (`SourceTermsRecord`).
    var cache: BuildCache? = nil

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
