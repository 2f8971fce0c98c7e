/// A lexicon entity found in a sentence: which tokens, and which alias matched.
struct Mention: Sendable, Hashable {
    var entity: String
    var kind: EntityKind
    /// Token range in the sentence.
    var first: Int
    var last: Int
    /// Byte range in the sentence text.
    var start: Int
    var end: Int
}

/// Finds lexicon entities in tokenized text: longest match over stemmed, case-folded
/// tokens, so plurals, possessives, hyphen and spacing variants all meet. One-word
/// aliases written in capitals (ITB, OA) match only words written in capitals, and
/// exactly, not by stem: "ITBS" is not the plural of "ITB". Articles and possessive
/// determiners inside a name (not its first word: "A-skips") are skipped on both sides:
/// "strengthen your hips" meets "strengthen the hips", "cutting back my weekly mileage"
/// meets "cutting back weekly mileage". So are the sides "left" and "right" and the periods
/// "weekly", "daily" and "monthly" there: "pain on the outside of my left knee" meets "pain on the
/// outside of the knee", "a sudden jump in weekly mileage" meets "sudden jump in mileage".
struct MentionFinder: Sendable {
    private struct Node: Sendable {
        var entity: Int32 = -1
        var requiresUpper = false
    }

    private var nodes: [Node] = [Node()]
    /// The trie's edges: (node, stem) → child.
    private var edges = TrieEdges()
    private var ids: [String] = []
    private var kinds: [EntityKind] = []
    /// What each trie path names (by entity id, not trie numbering), for `findsSame`.
    private var targets: [[String]: Target] = [:]

    private struct Target: Sendable, Equatable {
        var entity: String
        var kind: EntityKind
        var requiresUpper: Bool
    }

    init(lexicon: Lexicon, extra: [Entity] = []) {
        let stemmer = Stemmer()
        let tokenizer = Tokenizer(stemmer: stemmer)
        for entity in lexicon.entities + extra {
            let index = Int32(ids.count)
            ids.append(entity.id)
            kinds.append(entity.kind)
            for text in [entity.name] + entity.aliases {
                let key = AliasKey.make(text)
                if let winner = lexicon.resolvedAmbiguities[key], winner != entity.id { continue }
                let tokens = tokenizer.tokens(text)
                guard !tokens.isEmpty else { continue }
                let upper = Self.isAbbreviation(text, tokens)
                let content = tokens.enumerated().filter { $0.offset == 0 || !Self.determiners.contains($0.element.norm) }.map(\.element)
                let path = upper ? [Self.exactKey(tokens[0])] : content.map(\.stem)
                if insert(path, entity: index, requiresUpper: upper) {
                    targets[path] = Target(entity: entity.id, kind: entity.kind, requiresUpper: upper)
                }
            }
        }
    }

    /// The trie keys `entity`'s names start with (whatever the lexicon's ambiguities): a
    /// mention of it begins at a token with one of these stems (or exact keys in capitals).
    static func firstKeys(of entity: Entity, tokenizer: Tokenizer) -> [String] {
        var keys: [String] = []
        for text in [entity.name] + entity.aliases {
            let tokens = tokenizer.tokens(text)
            guard let first = tokens.first else { continue }
            let key = isAbbreviation(text, tokens) ? exactKey(first) : first.stem
            if !keys.contains(key) { keys.append(key) }
        }
        return keys
    }

    /// Whether `other` finds exactly the mentions this finder finds in any text: both
    /// tries name the same entity (with the same kind and case rule) along the same paths.
    func findsSame(as other: MentionFinder) -> Bool {
        targets == other.targets
    }

    /// Adds the path; true when its end node had no entity yet and now names `entity`.
    @discardableResult
    private mutating func insert(_ stems: [String], entity: Int32, requiresUpper: Bool) -> Bool {
        var node = 0
        for s in stems {
            let key = StemKey.of(s)
            if let next = edges.child(of: Int32(node), stem: s, key: key) {
                node = Int(next)
            } else {
                nodes.append(Node())
                let next = Int32(nodes.count - 1)
                edges.insert(parent: Int32(node), stem: s, key: key, child: next)
                node = Int(next)
            }
        }
        guard nodes[node].entity < 0 else { return false }
        nodes[node].entity = entity
        nodes[node].requiresUpper = requiresUpper
        return true
    }

    /// Words that names may include or leave out without changing what they name.
    private static let determiners: Set<String> = ["the", "a", "an", "your", "my", "his", "her", "their", "our", "its"]

    /// `determiners.contains(norm)`, by comparisons rather than by hashing the word.
    private static func isDeterminer(_ norm: String) -> Bool {
        switch norm {
        case "the", "a", "an", "your", "my", "his", "her", "their", "our", "its": true
        default: false
        }
    }

    /// Whether the word names a side of the body ("my left knee") or a period ("weekly mileage"):
    /// skipped inside a name like a determiner.
    private static func isSideOrPeriod(_ norm: String) -> Bool {
        switch norm {
        case "left", "right", "weekly", "daily", "monthly": true
        default: false
        }
    }

    /// Where a name continues past two joined places ("around or behind the kneecap"): 2 at
    /// the "or"/"and" after the first place (the name goes on with the first), 2 at a first
    /// place the name lacks (it goes on with the second); nil elsewhere.
    private static func joinedPlace(_ tokens: [Token], at j: Int) -> Int? {
        guard j + 2 < tokens.count else { return nil }
        if isJoin(tokens[j].norm), j > 0, isPlace(tokens[j - 1].norm), isPlace(tokens[j + 1].norm) { return 2 }
        if isPlace(tokens[j].norm), isJoin(tokens[j + 1].norm), isPlace(tokens[j + 2].norm) { return 2 }
        return nil
    }

    private static func isJoin(_ norm: String) -> Bool { norm == "or" || norm == "and" }

    /// Prepositions of place that a symptom's name can hold ("pain behind the kneecap").
    static func isPlace(_ norm: String) -> Bool {
        switch norm {
        case "around", "round", "behind", "below", "above", "under", "underneath", "beneath", "over", "on", "at", "in", "inside",
             "outside", "across", "near", "into": true
        default: false
        }
    }

    /// The trie key of a one-word alias in capitals: its case-folded form, marked apart from stems.
    static func exactKey(_ token: Token) -> String { "=" + token.norm }

    /// Whether the alias `text` (tokenized as `tokens`) is an abbreviation in capitals
    /// (ITB, ITBS, VMO): matched only as written in capitals, word for word, never by stem.
    static func isAbbreviation(_ text: String, _ tokens: [Token]) -> Bool {
        tokens.count == 1 && tokens[0].isUpper && text.count <= 5
    }

    /// Non-overlapping longest mentions, left to right.
    func mentions(in tokens: [Token]) -> [Mention] {
        var out: [Mention] = []
        let count = tokens.count
        var i = 0
        while i < count {
            // The longest match from token i: its last token and entity.
            var bestEnd = -1
            var bestEntity: Int32 = -1
            if tokens[i].isUpper, case let key = Self.exactKey(tokens[i]), let exact = edges.child(of: 0, stem: key, key: StemKey.of(key)),
               nodes[Int(exact)].entity >= 0 {
                bestEnd = i
                bestEntity = nodes[Int(exact)].entity
            }
            var node = 0
            var j = i
            while j < count {
                if let next = edges.child(of: Int32(node), stem: tokens[j].stem, key: tokens[j].stemKey) {
                    node = Int(next)
                    let entity = nodes[node].entity
                    if entity >= 0 && (!nodes[node].requiresUpper || tokens[j].isUpper) {
                        bestEnd = j
                        bestEntity = entity
                    }
                } else if j > i, let skip = Self.joinedPlace(tokens, at: j) {
                    // "pain around or behind the kneecap": one of two joined places stands for both.
                    j += skip
                    continue
                } else if j == i || !(Self.isDeterminer(tokens[j].norm) || Self.isSideOrPeriod(tokens[j].norm)) {
                    break
                }
                j += 1
            }
            if bestEnd >= 0 {
                let e = Int(bestEntity)
                out.append(Mention(entity: ids[e], kind: kinds[e], first: i, last: bestEnd,
                                   start: tokens[i].start, end: tokens[bestEnd].end))
                i = bestEnd + 1
            } else {
                i += 1
            }
        }
        return out
    }
}

/// The edges of the mention trie in one open-addressing table keyed by (parent node,
/// `StemKey` of the stem): a lookup mixes two integers and compares one string, where a
/// dictionary per node would hash the stem's bytes again for every token it is asked about.
/// Every token of a text is looked up from the root and nearly none starts a name, so a
/// bit per 16-bit slice of the keys that leave the root (8 KB, which stays in the cache)
/// answers most of those lookups without touching the table.
private struct TrieEdges: Sendable {
    private var parents: [Int32] = Array(repeating: -1, count: 16)
    private var keys: [UInt64] = Array(repeating: 0, count: 16)
    private var stems: [String] = Array(repeating: "", count: 16)
    private var children: [Int32] = Array(repeating: -1, count: 16)
    private var count = 0
    private var rootKeys = [UInt64](repeating: 0, count: 1024)

    private static func rootBit(_ key: UInt64) -> (word: Int, mask: UInt64) {
        let slice = Int(truncatingIfNeeded: key >> 48)
        return (slice >> 6, 1 << UInt64(slice & 63))
    }

    private static func slot(_ parent: Int32, _ key: UInt64, mask: Int) -> Int {
        let mixed = (key ^ (UInt64(UInt32(bitPattern: parent)) &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: mixed >> 29) & mask
    }

    /// The child of `parent` along `stem` (whose `StemKey` is `key`), if any.
    func child(of parent: Int32, stem: String, key: UInt64) -> Int32? {
        if parent == 0 {
            let bit = Self.rootBit(key)
            if rootKeys[bit.word] & bit.mask == 0 { return nil }
        }
        let mask = parents.count - 1
        var i = Self.slot(parent, key, mask: mask)
        while parents[i] >= 0 {
            if parents[i] == parent && keys[i] == key && stems[i] == stem { return children[i] }
            i = (i + 1) & mask
        }
        return nil
    }

    /// Adds the edge `parent` → `child` along `stem` (not yet in the table).
    mutating func insert(parent: Int32, stem: String, key: UInt64, child: Int32) {
        if (count + 1) * 2 > parents.count { grow() }
        let mask = parents.count - 1
        var i = Self.slot(parent, key, mask: mask)
        while parents[i] >= 0 { i = (i + 1) & mask }
        parents[i] = parent
        keys[i] = key
        stems[i] = stem
        children[i] = child
        count += 1
        if parent == 0 {
            let bit = Self.rootBit(key)
            rootKeys[bit.word] |= bit.mask
        }
    }

    private mutating func grow() {
        let old = (parents, keys, stems, children)
        let capacity = parents.count * 2
        parents = Array(repeating: -1, count: capacity)
        keys = Array(repeating: 0, count: capacity)
        stems = Array(repeating: "", count: capacity)
        children = Array(repeating: -1, count: capacity)
        count = 0
        for i in old.0.indices where old.0[i] >= 0 { insert(parent: old.0[i], stem: old.2[i], key: old.1[i], child: old.3[i]) }
    }
}
