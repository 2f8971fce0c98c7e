/// What the rules ask of a word on every sentence, in one table: the `CueList`s that hold
/// it and the `Composer` roles of its stem. A token is looked up once by its stem (and
/// once more by its case-folded form when that differs) instead of once per list.
enum WordMarks {
    /// The bits of one word: `cues` from either form, `composer` from the stem only.
    struct Entry: Sendable, Hashable {
        var cues: UInt32 = 0
        var composer: UInt16 = 0
    }

    /// Composer bits: bit `i` for `Composer.patterns[i]`, then these two.
    static let filler: UInt16 = 1 << 14
    static let state: UInt16 = 1 << 15

    private static let table: [String: Entry] = {
        var table: [String: Entry] = [:]
        for list in CueList.allCases {
            for word in list.words { table[word, default: Entry()].cues |= list.bit }
        }
        for (i, p) in Composer.patterns.enumerated() {
            for stem in p.stems { table[stem, default: Entry()].composer |= 1 << UInt16(i) }
        }
        for stem in Composer.fillers { table[stem, default: Entry()].composer |= filler }
        for stem in Composer.states { table[stem, default: Entry()].composer |= state }
        return table
    }()

    /// The marks of `token`: the lists that hold its stem or, when it differs, its
    /// case-folded form; the composer roles of its stem.
    static func of(_ token: Token) -> Entry {
        of(norm: token.norm, stem: token.stem)
    }

    /// The marks of a word with case-folded form `norm` and stem `stem` (tokens carry
    /// them: the stemmer's cache finds them once per distinct word).
    static func of(norm: String, stem: String) -> Entry {
        var entry = table[stem] ?? Entry()
        if norm != stem, let byNorm = table[norm] { entry.cues |= byNorm.cues }
        return entry
    }
}
