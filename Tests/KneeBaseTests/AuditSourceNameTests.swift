import Testing
@testable import KneeBase

/// `SourceQuality.name`, the file name that findings show for a source path: the byte cut
/// for ASCII paths must give what the character split gives for every path.
@Suite("Audit · source names")
struct AuditSourceNameTests {
    static func characterSplit(_ s: String) -> String { s.split(separator: "/").last.map(String.init) ?? s }

    @Test(arguments: ["content/articles/a.md", "a.md", "/abs/path/x.html", "dir/", "dir//", "/", "//", "", "no-slash",
                      "content/articles/café.md", "été/b.txt", "x/\u{301}y", "a/e\u{301}/", "/\u{301}", "日本/記事.md"])
    func sameAsTheCharacterSplit(_ path: String) {
        #expect(SourceQuality.name(path) == Self.characterSplit(path))
    }

    @Test func examples() {
        #expect(SourceQuality.name("content/articles/runners-knee.md") == "runners-knee.md")
        #expect(SourceQuality.name("folder/") == "folder")
        #expect(SourceQuality.name("///") == "///")
    }
}
