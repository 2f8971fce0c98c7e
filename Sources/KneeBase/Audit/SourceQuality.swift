/// Source quality: repeated blocks, boilerplate share, calls to action, machine
/// rewriting and missing author or date, each a finding, and a score from 0 to 100
/// per source with the reasons that lowered it.
struct SourceQuality {
    /// What the claims say about a source: how much of its evidence is personal experience.
    struct ClaimStats: Sendable {
        var evidence = 0
        var anecdotal = 0
    }

    static let lowScore = 50
    static let fairScore = 70

    /// The quality findings of `document`; `words` are its sentences' words when already split.
    func findings(_ document: Document, stats: ClaimStats, words: [AuditWords]? = nil) -> [Finding] {
        let src = document.source
        var out: [Finding] = []
        var penalties: [(points: Int, reason: String)] = []

        // Repeated blocks, as runs of repeats of one earlier passage.
        let runs = Self.repeatRuns(document.excluded.filter { $0.reason == .duplicate })
        let totalBlocks = document.blocks.count + document.excluded.count
        if !runs.isEmpty {
            let repeated = runs.reduce(0) { $0 + $1.count }
            let share = Double(repeated) / Double(max(1, totalBlocks))
            penalties.append((max(5, min(25, Int((share * 60).rounded()))), "\(repeated) repeated block\(repeated == 1 ? "" : "s")"))
            let evidence = runs.prefix(6).map { run in
                FindingEvidence(source: src, line: run[0].range.line, text: run[0].text,
                                note: "repeats line\(run.count == 1 ? "" : "s") \(Self.span(run.compactMap(\.firstLine)))\(run.count == 1 ? "" : " (\(run.count) blocks)")")
            }
            let firstLines = Self.span(runs.flatMap { $0.compactMap(\.firstLine) })
            out.append(Finding(id: "quality:repeated-blocks:\(src)", kind: .quality, code: "repeated-blocks", severity: .warning,
                               message: "\(Self.name(src)) repeats itself: \(runs.count == 1 ? "a passage" : "\(runs.count) passages") (\(Text.count(repeated, "block")) in all) repeat\(runs.count == 1 ? "s" : "") lines \(firstLines) (\(Text.percent(share)) of its blocks; kept once)",
                               sources: [src], evidence: evidence))
        }

        // Boilerplate share, by bytes of text.
        let boilerplate = document.excluded.filter { $0.reason == .boilerplate }
        let textBytes = document.blocks.reduce(0) { $0 + $1.text.utf8.count } + document.excluded.reduce(0) { $0 + $1.text.utf8.count }
        let boilerplateBytes = boilerplate.reduce(0) { $0 + $1.text.utf8.count }
        let boilerplateShare = Double(boilerplateBytes) / Double(max(1, textBytes))
        if !boilerplate.isEmpty && boilerplateShare >= 0.05 {
            let heavy = boilerplateShare >= 0.2
            if boilerplateShare >= 0.1 { penalties.append((min(15, Int((boilerplateShare * 40).rounded())), "\(Text.percent(boilerplateShare)) boilerplate")) }
            out.append(Finding(id: "quality:boilerplate:\(src)", kind: .quality, code: "boilerplate", severity: heavy ? .warning : .note,
                               message: "\(Text.percent(boilerplateShare)) of \(Self.name(src))'s text is boilerplate (\(boilerplate.count) block\(boilerplate.count == 1 ? "" : "s") of site furniture left out)",
                               sources: [src],
                               evidence: boilerplate.prefix(4).map { FindingEvidence(source: src, line: $0.range.line, text: $0.text, note: "boilerplate") }))
        }

        // Text that is not prose (left out at ingest), and a source left with no text at all.
        let wordLists = document.excluded.filter { $0.reason == .notProse }
        if !wordLists.isEmpty {
            let share = Double(wordLists.reduce(0) { $0 + $1.text.utf8.count }) / Double(max(1, textBytes))
            penalties.append((max(10, min(60, Int((share * 80).rounded()))), "\(Text.percent(share)) word lists"))
            out.append(Finding(id: "quality:not-prose:\(src)", kind: .quality, code: "not-prose", severity: share >= 0.5 ? .error : .warning,
                               message: "\(Text.percent(share)) of \(Self.name(src))'s text (\(Text.count(wordLists.count, "block"))) reads as a word list, not prose; left out",
                               sources: [src],
                               evidence: wordLists.prefix(4).map { FindingEvidence(source: src, line: $0.range.line, text: Text.truncated($0.text, 160), note: "not prose") }))
        }
        if document.sentences.isEmpty {
            penalties.append((100, "no readable text"))
            out.append(Finding(id: "quality:no-text:\(src)", kind: .quality, code: "no-text", severity: .warning,
                               message: "\(Self.name(src)) has no readable text: it supports no claim", sources: [src]))
        }

        // Calls to action.
        let promotions = PromotionDetector().scan(document, words: words)
        let inText = promotions.filter { !$0.furniture }
        if !promotions.isEmpty {
            if !inText.isEmpty { penalties.append((min(24, 8 * inText.count), "\(inText.count) call\(inText.count == 1 ? "" : "s") to action in the text")) }
            else { penalties.append((3, "calls to action in the page furniture")) }
            let kinds = Array(Set((inText.isEmpty ? promotions : inText).map(\.what))).sorted().joined(separator: ", ")
            let shown = (inText + promotions.filter(\.furniture)).prefix(6)
            out.append(Finding(id: "quality:promotional:\(src)", kind: .quality, code: "promotional", severity: inText.isEmpty ? .note : .warning,
                               message: inText.isEmpty
                                ? "\(Self.name(src))'s page furniture carries \(promotions.count) call\(promotions.count == 1 ? "" : "s") to action (\(kinds))"
                                : "\(Self.name(src)) promotes: \(inText.count) call\(inText.count == 1 ? "" : "s") to action in the article text (\(kinds))",
                               sources: [src],
                               evidence: shown.map { FindingEvidence(source: src, line: $0.line, text: $0.text, note: ($0.furniture ? "site furniture: " : "") + $0.what) }))
        }

        // Machine rewriting.
        let rewrite = RewriteDetector().analyze(document, words: words)
        if rewrite.isRewritten || rewrite.isSuspect {
            penalties.append((rewrite.isRewritten ? 40 : 15, rewrite.isRewritten ? "machine-rewritten text" : "possibly rewritten text"))
            let swaps = rewrite.hits.prefix(6).map { "“\($0.swap.synonym.joined(separator: " "))” \($0.synonymCount)× for “\($0.swap.originals[0].joined(separator: " "))” (\($0.originalCount)×)" }
            let evidence = rewrite.hits.prefix(6).map { h -> FindingEvidence in
                let s = document.sentences[h.firstSentence]
                return FindingEvidence(source: src, line: s.range.line, text: s.text,
                                       note: "“\(h.swap.synonym.joined(separator: " "))” for “\(h.swap.originals[0].joined(separator: " "))”")
            }
            out.append(Finding(id: "quality:machine-rewritten:\(src)", kind: .quality, code: rewrite.isRewritten ? "machine-rewritten" : "possibly-rewritten",
                               severity: rewrite.isRewritten ? .error : .warning,
                               message: "\(Self.name(src)) \(rewrite.isRewritten ? "reads as machine-rewritten text" : "may be machine-rewritten"): common words swapped for unlikely synonyms — \(swaps.joined(separator: ", ")); \(rewrite.hits.count) swap\(rewrite.hits.count == 1 ? "" : "s"), \(String(format: "%.0f", rewrite.rate)) per 1,000 words",
                               sources: [src], evidence: Array(evidence)))
        }

        // Author and date.
        let missing = [document.metadata.author == nil ? "author" : nil, document.metadata.date == nil ? "date" : nil].compactMap { $0 }
        if !missing.isEmpty {
            if document.metadata.author == nil { penalties.append((8, "no author")) }
            if document.metadata.date == nil { penalties.append((5, "no date")) }
            out.append(Finding(id: "quality:missing-metadata:\(src)", kind: .quality, code: "missing-metadata", severity: .note,
                               message: "\(Self.name(src)) names no \(missing.joined(separator: " and no ")): its claims cannot be \(missing.count == 2 ? "dated or attributed" : missing[0] == "date" ? "dated" : "attributed to anyone")",
                               sources: [src]))
        }

        // Mostly personal experience.
        if stats.evidence >= 4 && stats.anecdotal * 2 >= stats.evidence {
            penalties.append((5, "mostly personal experience (\(stats.anecdotal) of \(stats.evidence) claim sentences)"))
        }

        let score = max(0, 100 - penalties.reduce(0) { $0 + $1.points })
        let severity: Diagnostic.Severity = score < Self.lowScore ? .error : score < Self.fairScore ? .warning : .note
        let verdict = score < Self.lowScore ? "low" : score < Self.fairScore ? "fair" : "good"
        let reasons = penalties.isEmpty ? "no problems found" : penalties.map { "\($0.reason) (−\($0.points))" }.joined(separator: ", ")
        out.append(Finding(id: "quality:score:\(src)", kind: .quality, code: "score", severity: severity,
                           message: "\(Self.name(src)): quality \(score)/100 (\(verdict)) — \(reasons)", sources: [src], score: score))
        return out
    }

    /// Consecutive repeats of one earlier passage, grouped.
    static func repeatRuns(_ duplicates: [ExcludedBlock]) -> [[ExcludedBlock]] {
        var runs: [[ExcludedBlock]] = []
        for d in duplicates {
            if var last = runs.last, let prev = last.last, let a = prev.firstLine, let b = d.firstLine, b > a,
               d.range.line - prev.range.endLine <= 6 {
                last.append(d)
                runs[runs.count - 1] = last
            } else {
                runs.append([d])
            }
        }
        return runs
    }

    /// "54–64" or "54".
    static func span(_ lines: [Int]) -> String {
        guard let lo = lines.min(), let hi = lines.max() else { return "?" }
        return lo == hi ? "\(lo)" : "\(lo)–\(hi)"
    }

    /// The file name of a source path.
    static func name(_ source: String) -> String {
        // An ASCII path is cut by bytes (a character split walks grapheme clusters: 50,000
        // instructions a path); any other takes the character split, which it matches.
        let bytes = source.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return source.split(separator: "/").last.map(String.init) ?? source }
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[bytes.index(before: end)] == UInt8(ascii: "/") { end = bytes.index(before: end) }
        guard end > bytes.startIndex else { return source }
        var start = end
        while start > bytes.startIndex, bytes[bytes.index(before: start)] != UInt8(ascii: "/") { start = bytes.index(before: start) }
        return String(source[start..<end])
    }
}
