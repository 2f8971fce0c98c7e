/// What is known about an article's origin, from front matter or the HTML head.
public struct SourceMetadata: Sendable, Hashable, Codable {
    public var title: String?
    public var author: String?
    public var publisher: String?
    public var date: String?
    public var url: String?
    public var language: String?
    /// The kind of source (news, blog, clinic, forum, …) when the front matter says it.
    public var kind: String?
    /// Any other scalar front matter fields, by key.
    public var extra: [String: String]

    public init(title: String? = nil, author: String? = nil, publisher: String? = nil, date: String? = nil,
                url: String? = nil, language: String? = nil, kind: String? = nil, extra: [String: String] = [:]) {
        self.title = title
        self.author = author
        self.publisher = publisher
        self.date = date
        self.url = url
        self.language = language
        self.kind = kind
        self.extra = extra
    }
}
