/// What the audit finds in one document on its own: its denials, its quality findings
/// and its sentence fingerprints (for telling copies apart).
struct DocumentAudit: Codable, Sendable {
    var denials: [Denial]
    var quality: [Finding]
    var fingerprints: [UInt64]

    init(denials: [Denial], quality: [Finding], fingerprints: [UInt64]) {
        self.denials = denials
        self.quality = quality
        self.fingerprints = fingerprints
    }

    // Fingerprints are stored as `Int` bit patterns: `BinaryCoder` has no `UInt64`.
    private enum CodingKeys: String, CodingKey { case denials, quality, fingerprints }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        denials = try c.decode([Denial].self, forKey: .denials)
        quality = try c.decode([Finding].self, forKey: .quality)
        fingerprints = try c.decode([Int].self, forKey: .fingerprints).map { UInt64(bitPattern: Int64($0)) }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(denials, forKey: .denials)
        try c.encode(quality, forKey: .quality)
        try c.encode(fingerprints.map { Int(Int64(bitPattern: $0)) }, forKey: .fingerprints)
    }
}

/// The per-document audit results of earlier builds, so a rebuild reads only the
/// documents that changed. A result's key is the document's build-cache key (its bytes,
/// path, format and the code), the lexicon and code it was found with (`salt`), and the
/// claim statistics its quality score uses.
struct AuditMemo: Sendable {
    /// Results by key.
    var previous: [String: DocumentAudit]
    /// Source path → build-cache key of its article.
    var documentKeys: [String: String]
    /// The lexicon fingerprint and the code's identity.
    var salt: String

    /// The key of a document's result, nil when the document has no cache key.
    func key(_ source: String, stats: SourceQuality.ClaimStats) -> String? {
        documentKeys[source].map { "\($0)|\(salt)|\(stats.evidence)|\(stats.anecdotal)" }
    }
}
